/**
 * Builds the search index once Astro has written dist/: Pagefind's Node API
 * indexes the entry pages and writes the index and its search API to
 * dist/pagefind/. When indexing fails the build fails, with one readable
 * line saying why, never a stack trace.
 *
 * Which pages and what they say is decided by the pages themselves: an entry
 * page carries `data-pagefind-body` and its filters and metadata, its date
 * among them (components/SearchEntry.astro, which refuses unpublished
 * entries). Lists, the home page and the 404 are ways to browse, so they are
 * not indexed. Beside Pagefind's files the bundle holds NEWEST_FILE, the
 * order "newest first", read from the pages' dates in the index
 * (src/lib/search/newest.ts says why it is not Pagefind's sort).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { ROUTE_OF } from '../model/collections.ts';
import { NEWEST_FILE, type NewestFirst, SORT_KEY } from '../lib/search/filters.ts';
import { newestFirst } from '../lib/search/newest.ts';
import { SEARCH_BUNDLE_DIR } from '../lib/urls.ts';
import { packageVersion, writeFiles } from '../lib/files.ts';
import { onPageRead } from '../lib/build-channel.ts';
import type { HubPart } from './part.ts';
import { outputFileOf } from './rendered-pages.ts';
import { forcedBuild } from '../lib/force.ts';
import { COLLECT_EVERY, FULL, LAST_RESORT, fullCollector } from './memory.ts';
import { type BundleFile, ENTRY_FILE, UnexpectedIndex, splitCommonWords, unpack } from './search-chunks.ts';
import { type FragmentFacts, type IndexedPages, indexedPages, mergeIndex } from './search-merge.ts';

export interface SearchFeed {
  /**
   * Hands a rendered page to the index, which keeps entry pages (`pathname`
   * with the base path) that ask to be indexed (`indexable`). Resolves at once, unless Pagefind is
   * MAX_PAGES_IN_FLIGHT pages behind: then when it has caught up. A page
   * Astro `copied` from the last build goes to Pagefind only if the index
   * kept from that build cannot be used.
   */
  add(pathname: string, html: string, copied?: boolean): Promise<void>;
  /**
   * The same with the page's digest (`pageDigest`) worked out already: with
   * its `html` when it was rendered, without when Astro copied it.
   */
  take(pathname: string, digest: string, html?: string): Promise<void>;
}

/** The digest the index keeps of a page: of its HTML as written, not of what Pagefind gets of it, so a copied page is known without cutting it. */
export function pageDigest(html: string): string {
  return createHash('sha1').update(html).digest('base64url');
}

/**
 * Whether a page asks to be indexed: an entry page has `data-pagefind-body`
 * unless it shows another language's text (layouts/Base.astro). Pagefind
 * itself leaves out a page without it only when another page it indexes has
 * it, so an index of a few changed pages would take them in (search-merge.ts):
 * such a page never reaches Pagefind.
 */
export function indexable(html: string): boolean {
  return /\sdata-pagefind-body(?=[\s=>/])/.test(html);
}

/** The HTML files that may be indexed: one page per entry, `share/<id>/index.html` and so on. */
export const ENTRY_PAGES_GLOB = `{${[...new Set(Object.values(ROUTE_OF))].join(',')}}/*/index.html`;

/**
 * Parts of an entry page that are not its text: cards of related entries,
 * the pager, labels such as "Campaign", "Running now" or "Wording 2", topic
 * chips (they are filters) and the <h1>: the title is searched (and ranked
 * highest) as metadata, and would otherwise open every excerpt.
 */
export const EXCLUDED_SELECTORS = ['h1', '.card', '.pager', '.eyebrow', '.badge', '.tags', '.variant figcaption', '[data-search-ignore]'];

export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** Files written to dist/pagefind/ and their total size, UI scripts included. */
  files: number;
  bytes: number;
  /** Common words given a chunk of the index of their own (search-chunks.ts). */
  commonWords?: number;
  /** Why Pagefind's chunks were left as it wrote them, if they were. */
  chunksLeft?: string;
  /** The index was the last build's, kept in the build's cache: its pages were the same. */
  reused?: boolean;
  /** The index was the last build's with the pages that changed indexed again: how many stayed, how many Pagefind indexed. */
  merged?: { kept: number; indexed: number };
  /** Why the last build's index could not take the changed pages, when every page was indexed instead although it was kept. */
  mergeRefused?: string;
}

/** Indexing failed; the message says why and is shown as is. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** The part of Pagefind's Node API the hub uses (tests pass a fake). */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

export interface SearchIndexOptions {
  /** The built site (dist/). */
  dir: string;
  api?: PagefindApi;
}

const fail = (what: string, errors: readonly string[]) => new SearchIndexError(`${what}: ${errors.join('; ')}`);

type PagefindIndex = NonNullable<Awaited<ReturnType<PagefindApi['createIndex']>>['index']>;

/** Starts Pagefind with the hub's options; on failure stops it and throws one readable line. */
async function openIndex(api: PagefindApi): Promise<PagefindIndex> {
  let created;
  try {
    created = await api.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
  } catch (error) {
    await api.close().catch(() => undefined);
    throw fail('Pagefind could not start', [`${(error as Error).message.split('\n')[0]} (run "npm ci" again; Pagefind needs the @pagefind/* package of this platform)`]);
  }
  const { index, errors } = created;
  if (!index || errors.length) {
    await api.close().catch(() => undefined);
    throw fail('Pagefind could not create an index', errors.length ? errors : ['no index returned']);
  }
  return index;
}

/**
 * Writes the index, the order "newest first" (NEWEST_FILE) and Pagefind's UI
 * into `dir`/pagefind/, each common word in a chunk of the index of its own
 * (search-chunks.ts). The files are
 * asked for (`getFiles`) and written here, not by Pagefind's `writeFiles`:
 * that one answers before its writes reach the disk, so stopping Pagefind
 * right after it (as every build does) left an empty pagefind-entry.json
 * now and then, and a hub whose search never answered.
 */
async function writeIndex(
  index: PagefindIndex,
  dir: string,
  pages: number,
): Promise<{ report: SearchIndexReport; files: { path: string; content: Uint8Array }[]; fragments: Map<string, FragmentFacts> }> {
  const outputPath = path.join(dir, SEARCH_BUNDLE_DIR);
  const { errors, files } = await index.getFiles();
  if (errors.length) throw fail(`Pagefind could not write ${outputPath}`, errors);
  const outside = files.filter((file) => !isInside(outputPath, path.resolve(outputPath, file.path)));
  if (outside.length)
    throw fail(
      `Pagefind could not write ${outputPath}`,
      outside.map((file) => `${file.path} is outside it`),
    );
  if (!files.some((file) => file.path === ENTRY_FILE)) throw fail(`Pagefind could not write ${outputPath}`, [`no ${ENTRY_FILE} among its ${files.length} files`]);
  const fragments = new Map<string, FragmentFacts>();
  const newest = newestOrder(files, outputPath, fragments);
  const chunks = splitCommonWords(files);
  const written = [
    ...chunks.files.filter((file) => !UNUSED_UI.test(file.path)).map((file) => ({ path: file.path, content: file.content })),
    { path: NEWEST_FILE, content: Buffer.from(JSON.stringify(newest)) },
  ];
  // Never written into: a file left there may be a hard link to a kept index (restoreIndex), shared with an older dist/.
  try {
    rmSync(outputPath, { recursive: true, force: true, maxRetries: 2 });
  } catch (error) {
    throw fail(`Pagefind's files could not be written`, [`${outputPath} could not be emptied first (${(error as Error).message.split('\n')[0]})`]);
  }
  await writeFiles(written.map((file) => ({ path: path.resolve(outputPath, file.path), content: file.content })));
  const bytes = written.reduce((sum, file) => sum + file.content.byteLength, 0);
  const report = { pages, files: written.length, bytes, commonWords: chunks.split.length, ...(chunks.skipped ? { chunksLeft: chunks.skipped } : {}) };
  return { report, files: written, fragments };
}

/**
 * The order "newest first" of the pages in Pagefind's files: each page's
 * fragment (`fragment/<id>.pf_fragment`, where `<id>` is the `id` Pagefind's
 * search gives its result) holds its metadata, the date among them. About
 * 220 ms at 10,000 pages, nearly all of it gunzip (docs/architecture.md).
 * A fragment that cannot be read fails the build, naming it.
 */
export function newestOrder(files: readonly { path: string; content: Uint8Array }[], outputPath: string, facts = new Map<string, FragmentFacts>()): NewestFirst {
  const problems: string[] = [];
  for (const file of files) {
    const id = FRAGMENT.exec(file.path)?.[1];
    if (!id) continue;
    try {
      facts.set(id, fragmentFacts(file.content));
    } catch (error) {
      problems.push(`${path.join(outputPath, file.path)} ${(error as Error).message.split('\n')[0]}`);
    }
  }
  if (problems.length) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    if (problems.length > shown.length) shown.push(`and ${problems.length - shown.length} more`);
    throw fail(`${NEWEST_FILE} ("newest first") could not be written`, shown);
  }
  return newestFirst([...facts].map(([id, { date }]) => [id, date]));
}

/** A page's fragment in Pagefind's files; its name is the page's result id. */
const FRAGMENT = /^fragment\/([^/]+)\.pf_fragment$/;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Fragments named in a failure, at most (a broken Pagefind would break all of them). */
const MAX_PROBLEMS_SHOWN = 3;

/** A fragment's address and the day in its metadata, if it has one; throws saying what is wrong with the fragment. */
function fragmentFacts(content: Uint8Array): FragmentFacts {
  let text: Buffer;
  try {
    text = unpack(content);
  } catch (error) {
    throw new Error(`cannot be read: ${(error as Error).message}`, { cause: error });
  }
  let fragment: unknown;
  try {
    fragment = JSON.parse(text.toString('utf8'));
  } catch (error) {
    throw new Error(`cannot be read: its JSON is broken (${(error as Error).message})`, { cause: error });
  }
  const { meta, url } = (fragment ?? {}) as { meta?: unknown; url?: unknown };
  if (typeof meta !== 'object' || meta === null) throw new Error('cannot be read: it has no metadata');
  if (typeof url !== 'string') throw new Error('cannot be read: it has no address');
  const date = (meta as Record<string, unknown>)[SORT_KEY];
  if (date === undefined) return { url };
  if (typeof date !== 'string' || !ISO_DAY.test(date)) throw new Error(`has a ${SORT_KEY} that is not a day (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { url, date };
}

/**
 * Pagefind's UIs (Default UI, Modular UI, Component UI, the highlighter:
 * 260 KB), which it hands over with every index; the hub's search page has
 * its own UI on Pagefind's search API (pagefind.js and its worker), so they
 * are not written to dist/.
 */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

const isInside = (dir: string, file: string) => !path.relative(dir, file).startsWith('..') && !path.isAbsolute(path.relative(dir, file));

/** Indexes the entry pages of a built site (dist/) at once. */
export async function buildSearchIndex({ dir, api = pagefind }: SearchIndexOptions): Promise<SearchIndexReport> {
  const index = await openIndex(api);
  try {
    const added = await index.addDirectory({ path: dir, glob: ENTRY_PAGES_GLOB });
    if (added.errors.length) throw fail(`Pagefind could not index ${dir}`, added.errors);
    return (await writeIndex(index, dir, added.page_count)).report;
  } finally {
    await api.close().catch(() => undefined);
  }
}

/** `share/<id>/index.html` for an entry page's path (`/base/share/<id>/`), or undefined for any other page. */
export function entryPageFile(pathname: string, base: string): string | undefined {
  const file = outputFileOf(pathname, base);
  const route = file && /^([^/]+)\/[^/]+\/index\.html$/.exec(file)?.[1];
  return route && ENTRY_ROUTES.has(route) ? file : undefined;
}
const ENTRY_ROUTES = new Set(Object.values(ROUTE_OF));

/**
 * What Pagefind needs of a page: its `<html lang>` and its `<main>` (where
 * data-pagefind-body, the filters and metadata are), without scripts, link
 * targets, ARIA attributes and data attributes other than Pagefind's and
 * data-search-ignore, none of which it indexes: 17 KB of an entry page's
 * 49 KB at 10,000 entries, against 29 KB with only scripts and links cut
 * (the index Pagefind writes is the same, fragment for fragment:
 * docs/benchmarks.md, seventh pass). Each page crosses to Pagefind's
 * process as base64 JSON on the build's main thread, so every byte cut is
 * cut three times. One pass of one expression does all of it, with a space
 * after each block (BLOCK_END). A page without `<main>` is passed whole.
 */
export function searchableHtml(html: string): string {
  const start = html.search(/<main\b/i);
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return html;
  const root = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  const main = html.slice(start, end + '</main>'.length).replace(NOT_INDEXED, (match) => (match.charCodeAt(1) === 0x2f /* </ */ ? `${match} ` : ''));
  return `<!doctype html>${root}<head></head><body>${main}</body></html>`;
}

/**
 * The end of a block whose text Pagefind would join to the next block's
 * when an excluded element stands between them: two wordings in a row were
 * indexed as "…then callAsk the team…", so neither "call" nor "ask" found
 * the page. A space after each (the pages are minified) keeps words apart;
 * Pagefind already separates paragraphs, headings and line breaks.
 */
const BLOCK_END = '</(?:blockquote|figure|figcaption|li|dd|dt|td|th|div|section|article|aside|details|summary|label|ol|ul|dl|table|tr)>';

/** A script, an attribute Pagefind does not read (with or without a value), or a block's end (BLOCK_END), in one expression. */
const NOT_INDEXED = new RegExp(
  `<script\\b[^>]*>[\\s\\S]*?</script>|\\s(?:href|aria-[\\w-]+|data-(?!pagefind|search-ignore)[\\w-]+)(?:="[^"]*")?(?=[\\s>/])|${BLOCK_END}`,
  'gi',
);

/**
 * Pages handed to Pagefind and not yet indexed, at most. Pagefind reads its
 * messages one at a time; without a bound, pages rendered faster than it
 * indexes would queue in memory (hundreds of MB at 10,000 entries).
 */
export const MAX_PAGES_IN_FLIGHT = 128;

/**
 * What the index depends on besides its pages: Pagefind's version, what it
 * leaves out, and the hub's code that writes the index. Part of the
 * fingerprint a kept index is reused by.
 */
function indexerFingerprint(): string {
  const hash = createHash('sha256').update(
    `pagefind ${packageVersion(fileURLToPath(import.meta.resolve('pagefind')), 'pagefind')}\n${JSON.stringify(EXCLUDED_SELECTORS)}\n`,
  );
  for (const source of INDEXER_SOURCES) hash.update(readFileSync(source));
  return hash.digest('base64url');
}
const INDEXER_SOURCES = ['./search.ts', './search-chunks.ts', './search-merge.ts', '../lib/search/newest.ts', '../lib/search/filters.ts'].map(
  (file) => new URL(file, import.meta.url),
);

/** The fingerprint of an index: the indexer's, then each page's file and digest, in the files' order. */
export function indexFingerprint(pages: ReadonlyMap<string, string>, indexer = indexerFingerprint()): string {
  const hash = createHash('sha256').update(`${indexer}\n`);
  for (const file of [...pages.keys()].sort()) hash.update(`${file} ${pages.get(file)}\n`);
  return hash.digest('base64url');
}

/** An index that takes pages while the build renders them, and writes itself when the build is done. */
export async function startSearchIndex({ api = pagefind, base, kept, reuse = true }: { api?: PagefindApi; base: string; kept?: string; reuse?: boolean }) {
  const index = await openIndex(api);
  const indexer = indexerFingerprint();
  const added: Promise<string[]>[] = [];
  const inFlight = new Set<Promise<unknown>>();
  /** Each page's file and the digest of its HTML. */
  const digests = new Map<string, string>();
  /**
   * The last build's index, kept with each page's digest: a page with the
   * same digest is indexed already (`unchanged`), and Pagefind gets only the
   * others, which are then merged into it (search-merge.ts).
   */
  const previous = kept && reuse ? keptPageDigests(kept, indexer) : undefined;
  const unchanged: string[] = [];
  /** Pages Astro copied from the last build whose digest the kept index has not: Pagefind gets them at the end. */
  const copied: string[] = [];
  /** Pages Pagefind got. */
  const sent = new Set<string>();
  const send = async (sourcePath: string, content: string) => {
    sent.add(sourcePath);
    const page = index.addHTMLFile({ sourcePath, content }).then(
      (r) => r.errors.map((e) => `${sourcePath}: ${e}`),
      (e: Error) => [`${sourcePath}: ${e.message}`],
    );
    added.push(page);
    const done: Promise<unknown> = page.then(() => inFlight.delete(done));
    inFlight.add(done);
    while (inFlight.size >= MAX_PAGES_IN_FLIGHT) await Promise.race(inFlight);
  };
  /** Pages read back from dist/ for Pagefind, collected as they go (memory.ts): without, 3.3 GB for the build's processes at 10,000 entries. */
  const sendFromDist = async (dir: string, files: readonly string[]) => {
    const gc = fullCollector();
    for (const [at, sourcePath] of files.entries()) {
      await send(sourcePath, searchableHtml(readFileSync(path.join(dir, sourcePath), 'utf8')));
      if ((at + 1) % COLLECT_EVERY === 0) gc?.(FULL);
    }
    const problems = (await Promise.all(added)).flat();
    if (problems.length) throw fail(`Pagefind could not index ${dir}`, problems);
    // What reading them back left behind is given back before Pagefind writes the index, its largest moment.
    if (files.length >= COLLECT_EVERY) gc?.(LAST_RESORT);
  };
  const feed: SearchFeed = {
    add(pathname, html, isCopied = false) {
      return indexable(html) ? feed.take(pathname, pageDigest(html), isCopied ? undefined : html) : Promise.resolve();
    },
    async take(pathname, digest, html) {
      const sourcePath = entryPageFile(pathname, base);
      if (!sourcePath) return;
      digests.set(sourcePath, digest);
      if (previous?.get(sourcePath) === digest) unchanged.push(sourcePath);
      else if (html === undefined) copied.push(sourcePath);
      else await send(sourcePath, searchableHtml(html));
    },
  };
  return {
    feed,
    /** Pages handed over so far, rendered or copied. */
    get pages() {
      return digests.size;
    },
    /** Stops Pagefind without writing anything. */
    abandon: () => api.close().catch(() => undefined),
    /**
     * Writes the index into `dir`/pagefind and stops Pagefind. When the kept index (`kept`, a folder of the
     * build's cache) is the index of the same pages, written by the same code, it is put there as it is; when
     * some pages changed, Pagefind indexes those and they are merged into it; otherwise (or when the kept index
     * cannot be used) Pagefind gets every page, those it has not had read back from `dir`. The index written is kept.
     */
    async finish(dir: string): Promise<SearchIndexReport> {
      try {
        const problems = (await Promise.all(added)).flat();
        if (problems.length) throw fail(`Pagefind could not index ${dir}`, problems);
        const fingerprint = indexFingerprint(digests, indexer);
        const outputPath = path.join(dir, SEARCH_BUNDLE_DIR);
        const reused = kept && reuse ? await restoreIndex(kept, fingerprint, outputPath) : undefined;
        if (reused) return { pages: digests.size, ...reused, reused: true };
        await sendFromDist(dir, copied);
        let mergeRefused: string | undefined;
        if (kept && previous) {
          try {
            const merged = await mergeIntoKept({ index, kept, indexer, fingerprint, digests, sent, outputPath });
            return { pages: digests.size, ...merged, merged: { kept: digests.size - sent.size, indexed: sent.size } };
          } catch (error) {
            if (error instanceof SearchIndexError) throw error;
            mergeRefused = (error as Error).message.split('\n')[0];
          }
        }
        await sendFromDist(dir, unchanged);
        const { report, files, fragments } = await writeIndex(index, dir, digests.size);
        if (kept) await keepIndex(kept, fingerprint, report, files, pagesOf(files, fragments, digests), indexer);
        return { ...report, ...(mergeRefused ? { mergeRefused } : {}) };
      } finally {
        await api.close().catch(() => undefined);
      }
    },
  };
}

/** Each language's pages of an index Pagefind wrote, for the next build to merge into; undefined when they cannot be told. */
function pagesOf(files: readonly BundleFile[], fragments: ReadonlyMap<string, FragmentFacts>, digests: ReadonlyMap<string, string>): IndexedPages | undefined {
  try {
    return indexedPages(files, fragments, digests);
  } catch (error) {
    if (error instanceof UnexpectedIndex) return undefined;
    throw error;
  }
}

/**
 * Pagefind's index of the pages it got (`sent`) merged into the kept index
 * (search-merge.ts), kept in its place and put into `outputPath` as
 * `restoreIndex` puts a kept one. Throws when the kept index cannot be used
 * (the caller then indexes every page), or SearchIndexError when Pagefind fails.
 */
async function mergeIntoKept({
  index,
  kept,
  indexer,
  fingerprint,
  digests,
  sent,
  outputPath,
}: {
  index: PagefindIndex;
  kept: string;
  indexer: string;
  fingerprint: string;
  digests: ReadonlyMap<string, string>;
  sent: ReadonlySet<string>;
  outputPath: string;
}): Promise<Pick<SearchIndexReport, 'files' | 'bytes' | 'commonWords'>> {
  const header = readKeptHeader(kept);
  if (!header?.pages || header.indexer !== indexer) throw new UnexpectedIndex('the kept index has no list of its pages');
  const keptFiles = keptFilesOf(kept, header);
  if (!keptFiles) throw new UnexpectedIndex('a file of the kept index changed or is missing');
  let fresh: BundleFile[] = [];
  if (sent.size) {
    const got = await index.getFiles();
    if (got.errors.length) throw fail(`Pagefind could not write the index of ${sent.size} changed pages`, got.errors);
    fresh = got.files.filter((file) => !UNUSED_UI.test(file.path));
  }
  const fragments = new Map<string, FragmentFacts>();
  newestOrder(fresh, outputPath, fragments);
  const byName = new Map(keptFiles.map((f) => [f.name, f.from]));
  const merged = await mergeIndex(
    { paths: [...byName.keys()], read: (name) => readFileSync(byName.get(name)!), pages: header.pages },
    { files: fresh, digests: new Map([...sent].map((file) => [file, digests.get(file)!])), fragments },
    digests,
  );
  const ids = new Map(Object.values(merged.pages).flatMap((pages) => pages.map((page) => [page.id, page.date] as const)));
  const newest = { path: NEWEST_FILE, content: Buffer.from(JSON.stringify(newestFirst(ids))) };
  const written = [...merged.written, newest];
  await replaceKept(kept, {
    header: { format: KEPT_FORMAT, fingerprint, indexer, ...(merged.commonWords ? { commonWords: merged.commonWords } : {}), files: [], pages: merged.pages },
    linked: merged.reused.filter((name) => name !== NEWEST_FILE).map((name) => ({ name, from: byName.get(name)! })),
    written,
  });
  const restored = await restoreIndex(kept, fingerprint, outputPath);
  if (!restored) throw new UnexpectedIndex('the merged index could not be put into dist/');
  return restored;
}

/**
 * The kept index: a folder of the build's cache holding the index's files as
 * they were written (`files/`), then `index.json` (format, fingerprint,
 * report, each file and its size, each page's file and digest), written
 * last: a folder without it, or whose files are not all there at their
 * size, is not used.
 */
const KEPT_FORMAT = 'hub-search-index 3';
const KEPT_HEADER = 'index.json';
const KEPT_FILES = 'files';

interface KeptHeader {
  format: string;
  fingerprint: string;
  /** The indexer's fingerprint (`indexerFingerprint`): only an index written by the same code takes changed pages. */
  indexer?: string;
  commonWords?: number;
  chunksLeft?: string;
  /** Each file (relative to dist/pagefind, `/`-separated), its size and its time as kept: a file changed since is not used. */
  files: [string, number, number][];
  /** Each language's pages in the order of their numbers, for the next build to merge changed pages into (search-merge.ts). */
  pages?: IndexedPages;
}

/** Keeps the files of an index (relative to dist/pagefind) in a folder of the build's cache; a failure only costs the next build the reuse. */
export async function keepIndex(
  dir: string,
  fingerprint: string,
  report: SearchIndexReport,
  files: readonly { path: string; content: Uint8Array }[],
  pages?: IndexedPages,
  indexer?: string,
): Promise<void> {
  const header: KeptHeader = {
    format: KEPT_FORMAT,
    fingerprint,
    ...(indexer ? { indexer } : {}),
    ...(report.commonWords ? { commonWords: report.commonWords } : {}),
    ...(report.chunksLeft ? { chunksLeft: report.chunksLeft } : {}),
    files: [],
    ...(pages ? { pages } : {}),
  };
  try {
    await replaceKept(dir, { header, linked: [], written: files });
  } catch {
    removeQuietly(dir);
  }
}

/**
 * Puts a new kept index in the place of `dir`: built beside it (`<dir>.next`), the files of the old one it
 * still has (`linked`) hard-linked or copied, the `written` ones written, its header last; then the old one
 * removed and the new one renamed. New files, never the old ones rewritten: a dist/ of an earlier build may
 * share them (`restoreIndex` links).
 */
async function replaceKept(
  dir: string,
  { header, linked, written }: { header: KeptHeader; linked: readonly { name: string; from: string }[]; written: readonly { path: string; content: Uint8Array }[] },
): Promise<void> {
  const next = `${dir}.next`;
  rmSync(next, { recursive: true, force: true });
  const files = path.join(next, KEPT_FILES);
  // A file both linked and written would be written through the link, into the old kept file and every dist/ linked to it.
  const writing = new Set(written.map((f) => f.path.split(path.sep).join('/')));
  const links = linked.filter(({ name }) => !writing.has(name)).map(({ name, from }) => ({ from, to: path.join(files, name), name }));
  for (const folder of new Set(links.map((l) => path.dirname(l.to)))) mkdirSync(folder, { recursive: true });
  linkOrCopy(links);
  const kept = written.map((f) => ({ name: f.path.split(path.sep).join('/'), path: path.join(files, f.path), content: f.content }));
  await writeFiles(kept);
  header.files = [...links.map((l) => ({ name: l.name, path: l.to })), ...kept].map((f) => {
    const stat = statSync(f.path);
    return [f.name, stat.size, stat.mtimeMs];
  });
  writeFileSync(path.join(next, KEPT_HEADER), JSON.stringify(header));
  rmSync(dir, { recursive: true, force: true });
  renameSync(next, dir);
}

/** Hard links where the file system allows (a tenth of the time of writing the files), copies from the first refusal on. */
function linkOrCopy(files: readonly { from: string; to: string }[]): void {
  let linking = true;
  for (const { from, to } of files) {
    if (linking) {
      try {
        linkSync(from, to);
        continue;
      } catch {
        linking = false; // another file system, or links not allowed: copies from here on
      }
    }
    copyFileSync(from, to);
  }
}

/** Removes a folder if it can; one that cannot be removed (held open on Windows, say) is left for the next build. */
function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Left as it is: a kept index without its index.json, or a dist/pagefind Pagefind writes over.
  }
}

/** The header of the kept index in `dir`, if there is one of this format. */
function readKeptHeader(dir: string): KeptHeader | undefined {
  try {
    const header = JSON.parse(readFileSync(path.join(dir, KEPT_HEADER), 'utf8')) as KeptHeader;
    return header.format === KEPT_FORMAT && Array.isArray(header.files) ? header : undefined;
  } catch {
    return undefined;
  }
}

/** Each page's digest in the kept index, when it was written by `indexer` and lists its pages. */
function keptPageDigests(dir: string, indexer: string): Map<string, string> | undefined {
  const header = readKeptHeader(dir);
  if (!header?.pages || header.indexer !== indexer) return undefined;
  return new Map(Object.values(header.pages).flatMap((pages) => pages.map((page) => [page.file, page.digest] as const)));
}

/** The kept files, each where it is and its size; undefined when one is missing, outside the folder, or changed since it was kept. */
function keptFilesOf(dir: string, header: KeptHeader): { name: string; from: string; size: number }[] | undefined {
  const keptFiles = path.join(dir, KEPT_FILES);
  const files: { name: string; from: string; size: number }[] = [];
  for (const entry of header.files) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number' || typeof entry[2] !== 'number') return undefined;
    const [name, size, time] = entry;
    const from = path.resolve(keptFiles, name);
    if (!isInside(keptFiles, from)) return undefined;
    const stat = lstatSync(from, { throwIfNoEntry: false });
    // A kept file written over since (through a link in an older dist/, say) is not the one kept.
    if (!stat?.isFile() || stat.size !== size || stat.mtimeMs !== time) return undefined;
    files.push({ name, from, size });
  }
  return files;
}

/**
 * Puts the kept index into `outputPath` if it is the index of `fingerprint`, saying how many files and bytes;
 * undefined (nothing left there) otherwise. The files are hard links to the kept ones where the file system
 * allows (a tenth of the time of writing 9,351 files, while the disk is still busy with the pages just
 * written), copies elsewhere; the kept files are never changed in place, only replaced (`replaceKept`).
 */
export async function restoreIndex(
  dir: string,
  fingerprint: string,
  outputPath: string,
): Promise<Pick<SearchIndexReport, 'files' | 'bytes' | 'commonWords' | 'chunksLeft'> | undefined> {
  const header = readKeptHeader(dir);
  if (!header || header.fingerprint !== fingerprint) return undefined;
  const kept = keptFilesOf(dir, header);
  if (!kept) return undefined;
  const files = kept.map((f) => ({ from: f.from, to: path.resolve(outputPath, f.name), size: f.size }));
  if (files.some((f) => !isInside(outputPath, f.to)) || !files.some((f) => f.to === path.join(outputPath, ENTRY_FILE))) return undefined;
  try {
    rmSync(outputPath, { recursive: true, force: true });
    for (const folder of new Set(files.map((f) => path.dirname(f.to)))) mkdirSync(folder, { recursive: true });
    linkOrCopy(files);
  } catch {
    // Pagefind writes the index instead, into a folder emptied of what was put there.
    removeQuietly(outputPath);
    return undefined;
  }
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.size, 0),
    ...(header.commonWords ? { commonWords: header.commonWords } : {}),
    ...(header.chunksLeft ? { chunksLeft: header.chunksLeft } : {}),
  };
}

/** The index kept in Astro's cache folder for the next build (`keepIndex`). */
export const KEPT_INDEX_FILE = 'search-index';

/**
 * Indexes the entry pages while Astro renders them (`astro build` only) and writes the index when it is done,
 * or the last build's index when its pages are the same (all of them copied by Astro, say).
 */
export function searchIndex(options: { api?: PagefindApi } = {}): HubPart {
  let base = '/';
  let kept: string | undefined;
  let streaming: Awaited<ReturnType<typeof startSearchIndex>> | undefined;
  let started = 0;
  let stopListening: (() => void) | undefined;
  return {
    name: 'hub:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        kept = fileURLToPath(new URL(KEPT_INDEX_FILE, config.cacheDir));
      },
      'astro:build:start': async ({ logger }) => {
        started = performance.now();
        try {
          streaming = await startSearchIndex({ api: options.api, base, kept, reuse: !forcedBuild() });
          const feed = streaming.feed;
          // Only entry pages that ask to be are indexed: the others are not even digested.
          stopListening = onPageRead<string | null>({
            name: 'search',
            read: ({ pathname, html }) => (entryPageFile(pathname, base) && indexable(html) ? pageDigest(html) : null),
            take: ({ pathname, status, html }, digest) => (status === 200 && digest ? feed.take(pathname, digest, html) : undefined),
          });
        } catch (error) {
          if (!(error instanceof SearchIndexError)) throw error;
          logger.error(`search index: ${error.message}`);
          process.exit(1);
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening?.();
        // Indexing ran alongside rendering when pages were handed over; otherwise index dist/ now.
        const fed = streaming && streaming.pages > 0 ? streaming : undefined;
        if (!fed) await streaming?.abandon();
        const finishing = performance.now();
        if (!fed) started = finishing;
        try {
          const report = fed ? await fed.finish(fileURLToPath(dir)) : await buildSearchIndex({ dir: fileURLToPath(dir), api: options.api });
          const ms = Math.round(performance.now() - finishing);
          const during = fed && !report.reused && !report.merged ? `, while pages rendered: ${((finishing - started) / 1000).toFixed(1)} s` : '';
          const common = report.commonWords ? `, ${report.commonWords} common words in chunks of their own` : '';
          const how = report.reused
            ? `the last build's index of the same ${report.pages} pages copied`
            : report.merged
              ? `indexed ${report.merged.indexed} changed ${report.merged.indexed === 1 ? 'page' : 'pages'} of ${report.pages} and merged ${report.merged.indexed === 1 ? 'it' : 'them'} with the last build's index`
              : `indexed ${report.pages} pages`;
          logger.info(`${how} into ${SEARCH_BUNDLE_DIR}/ (${report.files} files, ${(report.bytes / 1024).toFixed(0)} KiB${common}) in ${ms} ms${during}`);
          if (report.mergeRefused)
            logger.warn(`search index: the last build's index could not take the changed pages (${report.mergeRefused}), so every page was indexed again`);
          if (report.chunksLeft)
            logger.warn(`search index: Pagefind's word chunks were left as it wrote them (${report.chunksLeft}); search works, a query may download more`);
        } catch (error) {
          if (!(error instanceof SearchIndexError)) throw error;
          logger.error(`search index: ${error.message}`);
          process.exit(1);
        }
      },
    },
  };
}
