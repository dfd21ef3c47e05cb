/**
 * The key of each entry page in Astro's incremental build
 * (src/lib/page-key.ts says what a key must hold and why): made of what the
 * page read of the content when it was last rendered.
 *
 * While an entry page renders, the hub's middleware collects its reads
 * (`noteRead`): its own entry, each entry it looks up (`findPublished`:
 * `entry:<collection>/<id>`) and each list of published entries it uses
 * (`published`: `published:<collection>`; `publishedWhere`: the entries
 * whose field has a value, `published:<collection>:<field>=<value>`), where
 * an entry has pages in the
 * other languages (`languages:<collection>/<id>`, src/views/languages.ts),
 * and what it shows that is less than a list (`fact:<name>`: the
 * guidelines' version). Once rendered, its key is the
 * digest of the value of each read as of this build (`keyOf`), and the reads
 * are kept for the next build (src/hub/page-keys.ts). The next build works
 * out the same key from the same reads (`withPageKey`): when none of their
 * values changed, the page is copied, and when one did, it renders and its
 * reads are noted again. A page does not read what it has not read before
 * unless something it read changed: its code is the same (Astro checks its
 * modules), and so is everything it was given.
 *
 * A read's value is what the page can have seen of it: an entry's data and
 * text, or that it is missing or unpublished; a list's entries in their
 * order; a fact's value. Each also holds the interval of the build's instant among the dates
 * of the entries concerned, as the old single key did for the whole content
 * (`timeInterval`): whatever a page shows from the instant (a campaign's
 * status, "New") can only change at those dates. Every key also holds the
 * settings and the language.
 *
 * `astro dev` has no keys (it renders every request); a page with no reads
 * kept (a new page, the first build) gets a key no build has, so it renders.
 */
import { getCollection } from 'astro:content';
import { command, language, now as NOW, pageReads, settings } from 'virtual:hub/config';
import { type CollectionName } from '../model/collections.ts';
import { buildChannel } from '../lib/build-channel.ts';
import { datesIn, entryDigest, neverKey, pageKeyOf, pageOf, readKeptReads, timeInterval } from '../lib/page-key.ts';
import { isPublished } from '../lib/publish.ts';
import { publishedGuidelinesVersion } from '../lib/guidelines-ack.ts';
import { NEWS_WINDOW_DAYS } from './fresh.ts';
import { published } from './hub.ts';
import { noteRead } from './reads.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Where a rule looks from an entry's date: the date, the day after (bare-date expiry), the end of the news window. */
export const TIME_OFFSETS = [0, DAY, NEWS_WINDOW_DAYS * DAY] as const;

interface EntryFacts {
  data: Record<string, unknown>;
  /** Its digest as a page can show it (`entryDigest`). */
  digest: string;
  dates: number[];
  published: boolean;
}

const collections = new Map<CollectionName, Promise<Map<string, EntryFacts>>>();

/** Every entry of a collection, published or not, with its digest and dates: worked out once a build. */
function entriesOf(collection: CollectionName): Promise<Map<string, EntryFacts>> {
  let entries = collections.get(collection);
  if (!entries) {
    entries = getCollection(collection).then(
      (all) =>
        new Map(
          all.map((entry) => {
            const { data } = entry as { data: object };
            return [
              entry.id,
              {
                data: data as Record<string, unknown>,
                digest: entryDigest(entry as Parameters<typeof entryDigest>[0]),
                dates: datesIn(data),
                published: isPublished(data as Parameters<typeof isPublished>[0], NOW),
              },
            ] as const;
          }),
        ) as Map<string, EntryFacts>,
    );
    collections.set(collection, entries);
  }
  return entries;
}

/**
 * What a page may read of the content that is less than a list: its value is
 * all the page depends on (`fact:<name>`), so a change to the list that
 * leaves it the same renders nothing again.
 */
const FACTS: Record<string, () => Promise<string>> = {
  'guidelines-version': async () => publishedGuidelinesVersion(await published('guidelines', { noted: false })),
};
const facts = new Map<string, Promise<string>>();
const factValue = (name: string): Promise<string> | undefined => {
  const compute = FACTS[name];
  if (!compute) return undefined;
  let value = facts.get(name);
  if (!value) facts.set(name, (value = compute()));
  return value;
};

/**
 * The version of the published guidelines, which an advocate acknowledges
 * (the share pages' reminder, the path's islands): a page that shows it
 * depends on it, not on every guideline and its dates.
 */
export function guidelinesVersion(): Promise<string> {
  noteRead('fact:guidelines-version');
  return factValue('guidelines-version')!;
}

const values = new Map<string, Promise<string>>();

/** What a page can have seen of a read, as of this build: see the module's comment. */
function valueOf(read: string): Promise<string> {
  let value = values.get(read);
  if (!value) {
    value = (async () => {
      const [kind, rest = ''] = read.split(/:(.*)/s);
      if (kind === 'entry') {
        const [collection, id] = rest.split(/\/(.*)/s) as [CollectionName, string];
        const entry = (await entriesOf(collection)).get(id);
        return entry ? `${entry.published ? 'published' : 'unpublished'} ${entry.digest} ${timeInterval(entry.dates, TIME_OFFSETS, NOW)}` : 'missing';
      }
      if (kind === 'published') {
        // `<collection>`, or `<collection>:<field>=<value>`: the entries whose field is that value.
        const [, collection, field, wanted] = /^([^:]+)(?::([^=]+)=(.*))?$/s.exec(rest) as unknown as [string, CollectionName, string?, string?];
        const concerned = (facts: EntryFacts) => field === undefined || facts.data[field] === wanted;
        const entries = await entriesOf(collection);
        // The list as the page got it, in its order (`published` sorts it with what it needs, such as the campaigns' status).
        const list = (await published(collection, { noted: false }))
          .filter((entry) => concerned(entries.get(entry.id)!))
          .map((entry) => `${entry.id} ${entries.get(entry.id)?.digest}`);
        const dates = [...entries].flatMap(([, facts]) => (concerned(facts) ? facts.dates : []));
        return `${list.join('\n')}\n${timeInterval(dates, TIME_OFFSETS, NOW)}`;
      }
      if (kind === 'languages') {
        const known = buildChannel().entryLanguages;
        return JSON.stringify(known ? [known.pages[rest] ?? null, known.untranslated[rest] ?? null] : null);
      }
      if (kind === 'fact') return (await factValue(rest)) ?? neverKey();
      return neverKey();
    })();
    values.set(read, value);
  }
  return value;
}

let everyPage: string | undefined;

/** What every entry page's key holds: the settings and the language. */
function everyPagePart(): string {
  everyPage ??= JSON.stringify([settings, language]);
  return everyPage;
}

/** The key of a page that read `reads`, as of this build. */
export async function keyOf(reads: readonly string[]): Promise<string> {
  const sorted = [...new Set(reads)].sort();
  const parts = [everyPagePart()];
  for (const read of sorted) parts.push(read, await valueOf(read));
  return pageKeyOf(parts);
}

/** Each entry page's reads kept from the last build (`<collection>/<id>` → reads), read once. */
let kept: Map<string, string[]> | undefined;
const keptReads = () => (kept ??= readKeptReads(pageReads!));

/**
 * The paths of an entry route (`params.id` the entry's id), each with its key (`cacheKey`) in `astro build`.
 * `given` names what the route hands each page besides its entry (`published:guidelines` for a guideline's
 * neighbours): read before the page renders, so noted here.
 */
export async function withPageKey<T extends { params: { id: string } }>(
  collection: CollectionName,
  paths: readonly T[],
  { given = [] }: { given?: readonly string[] } = {},
): Promise<(T & { cacheKey?: string })[]> {
  if (command !== 'build' || !pageReads) return [...paths];
  const channel = buildChannel();
  channel.pageKeyOf ??= keyOf;
  return Promise.all(
    paths.map(async (p) => {
      const page = pageOf({ collection, id: p.params.id });
      const reads = keptReads().get(page);
      channel.keyedPages.set(page, { given, ...(reads ? { kept: reads } : {}) });
      // A key no build has: the page renders, and Astro keeps the key of what it read (src/hub/page-keys.ts).
      return { ...p, cacheKey: reads ? await keyOf(reads) : neverKey() };
    }),
  );
}
