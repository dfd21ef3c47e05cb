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
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Where each entry page's reads are kept between builds, in Astro's cache folder (src/hub/page-keys.ts). */
export const PAGE_READS_FILE = 'page-reads.json';

/** The format of that file: reads kept in another format are not used. */
export const READS_FORMAT = 'hub-page-reads 1';

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

/**
 * The digest of an entry as a page can show it: the content loader's digest
 * of its file (and the settings), and its data as the page gets it, with
 * what the loader resolved from other files (an image's size); its text
 * too when the loader gave no digest.
 */
export function entryDigest(entry: { data: unknown; body?: string; digest?: string; rendered?: { html?: string } }): string {
  const hash = createHash('sha1')
    .update(entry.digest ?? '')
    .update('\0')
    .update(JSON.stringify(entry.data));
  if (entry.digest === undefined)
    hash
      .update('\0')
      .update(entry.body ?? '')
      .update('\0')
      .update(entry.rendered?.html ?? '');
  return hash.digest('base64url');
}

/** An entry page as its reads are kept and its key looked up: `<collection>/<id>`. */
export const pageOf = (entry: { collection: string; id: string }): string => `${entry.collection}/${entry.id}`;

/** A key no build has had or will have: the page renders. */
export function neverKey(): string {
  return `unread ${randomUUID()}`;
}

/** Each entry page's reads kept by the last build (`<collection>/<id>` → reads); none when there is no such file of this format. */
export function readKeptReads(file: string): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { format?: string; pages?: Record<string, unknown> };
    if (json.format === READS_FORMAT && json.pages && typeof json.pages === 'object')
      for (const [page, reads] of Object.entries(json.pages)) if (Array.isArray(reads) && reads.every((r) => typeof r === 'string')) kept.set(page, reads);
  } catch {
    // None kept (the first build), or a file that cannot be read: every page renders and notes its reads again.
  }
  return kept;
}
