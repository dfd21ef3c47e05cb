/**
 * What an entry page's key in Astro's incremental build is made of
 * (`experimental.incrementalBuild`; src/views/page-key.ts puts it together).
 * Astro copies a page from the last build, instead of rendering it, when the
 * page's code (its modules, hashed by Astro), the lockfile, Astro's config
 * and this key are all unchanged. The key must therefore change whenever
 * anything else the page shows could: the content, the settings, and what
 * the build's instant decides (published or not, a campaign's status, "New").
 *
 * The instant itself is not in the key, or no build without HUB_NOW would
 * ever reuse a page. Every rule of the hub that looks at the instant
 * compares it with a date of some entry, moved by a fixed offset:
 * `publish`/`published` and campaign `starts` as they are, `expires`/`ends`
 * a day later when they are bare dates (publish.ts, `expiryInstant`), and
 * dates within the home page's news window (views/fresh.ts). Between two such
 * instants nothing a page shows can change, so the key holds the interval
 * the build's instant falls in, not the instant. A new rule with another
 * offset must add it to `offsets`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The digest of a file's bytes (Astro's content store), or undefined when it cannot be read. */
export function fileDigest(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('base64url');
  } catch {
    return undefined;
  }
}

/** Every Date in an entry's data, however deep. */
export function datesIn(value: unknown, into: number[] = []): number[] {
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) into.push(value.getTime());
  } else if (Array.isArray(value)) {
    for (const item of value) datesIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) datesIn(item, into);
  }
  return into;
}

/**
 * The interval of `now` among the instants at which a rule may change its
 * answer: each date plus each offset. Two instants in the same interval get
 * the same text; "…" stands for no bound on that side.
 */
export function timeInterval(dates: Iterable<number>, offsets: readonly number[], now: Date): string {
  const at = now.getTime();
  let before = -Infinity;
  let after = Infinity;
  for (const date of dates) {
    for (const offset of offsets) {
      const instant = date + offset;
      if (instant <= at) before = Math.max(before, instant);
      else after = Math.min(after, instant);
    }
  }
  const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : '…');
  return `${iso(before)}/${iso(after)}`;
}

/** The key: a digest of its parts, in order. */
export function pageKeyOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return hash.digest('base64url');
}
