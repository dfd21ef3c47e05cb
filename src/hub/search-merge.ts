/**
 * The last build's search index with the pages that changed since indexed
 * again, instead of every page.
 *
 * Pagefind has no incremental index: at 10,000 entries, indexing every page
 * costs 20 s of its process and 13 s more to hand the files over
 * (docs/benchmarks.md, tenth pass), even when one page changed. But what
 * it writes is made of parts that belong to one page each. A page is a
 * number in the language's metadata (`pages`: its fragment and its word
 * count); a word's entry in a chunk lists the pages it is on, by number,
 * each with its places on that page; a filter value lists pages by number.
 * Places, fragments and everything else on a page say nothing of the other
 * pages. So an index of the pages that stayed and the pages that changed
 * is the last index with the pages that left taken out, and an index of
 * only the changed pages (Pagefind's own, from the same code) added: the
 * pages that stay keep their order and come first, the new ones follow,
 * every number is written again, and the words are cut into chunks as
 * Pagefind cuts them (and as search-chunks.ts then splits them).
 *
 * What is read here is checked as it is read; anything unexpected (another
 * Pagefind version, a damaged kept file) throws `UnexpectedIndex` and the
 * build indexes every page instead.
 *
 * The files, as Pagefind 1.5 writes them (CBOR after a signature, gzipped):
 * - metadata `[version, [[fragment, words]…], [[from, to, chunk]…], [[filter, file]…], sorts, [meta field…]]`;
 * - a chunk `[[[word, [page…], [[variant, [page…]]…]]…]]`, each page
 *   `[number, [place…], [meta place…]]` in increasing numbers, each number
 *   written as the difference from the one before it; a meta place is a
 *   meta field's number, negative (-1 for the first), then places in it;
 * - a filter `[filter, [[value, [number…]]…]]`, numbers written whole.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  CHUNK_FILE,
  CHUNK_PLACES,
  Cbor,
  ENTRY_FILE,
  META_FILE,
  UnexpectedIndex,
  SIGNATURE,
  chunkRanges,
  head,
  uniqueHash,
  unpack,
  type BundleFile,
} from './search-chunks.ts';

/** A page of an index, in the order of its numbers: its file in dist/, the digest of its HTML, its fragment (its result id) and its day. */
export interface IndexedPage {
  file: string;
  digest: string;
  id: string;
  date?: string;
}

/** Each language's pages in the order of their numbers. */
export type IndexedPages = Record<string, IndexedPage[]>;

/** What a page's fragment says of it: its address and its day. */
export interface FragmentFacts {
  url: string;
  date?: string;
}

/** The address Pagefind gives a page from its file: `share/a/index.html` is `/share/a/`. */
export function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Each language's pages of the index in `files`, in the order of their
 * numbers, from its metadata and each page's fragment (`fragments`: its
 * address and day, read once by the caller); `digests` gives each page's
 * file and digest. Throws UnexpectedIndex when a page is not one of them.
 */
export function indexedPages(files: readonly BundleFile[], fragments: ReadonlyMap<string, FragmentFacts>, digests: ReadonlyMap<string, string>): IndexedPages {
  const fileOf = new Map([...digests.keys()].map((file) => [pageUrl(file), file]));
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const pages: IndexedPages = {};
  for (const [language, info] of Object.entries(entryOf(byPath.get(ENTRY_FILE)).languages)) {
    const meta = readMeta(open(byPath.get(META_FILE(info.hash)), META_FILE(info.hash)));
    pages[language] = meta.pages.map(({ id }) => {
      const facts = fragments.get(id);
      const file = facts && fileOf.get(facts.url);
      if (!facts || !file) throw new UnexpectedIndex(`page ${id} of "${language}" is not one of the build's pages`);
      return { file, digest: digests.get(file)!, id, ...(facts.date === undefined ? {} : { date: facts.date }) };
    });
  }
  return pages;
}

/** The last build's index, as kept. */
export interface KeptBundle {
  /** Its files' paths inside pagefind/. */
  paths: readonly string[];
  /** A file's bytes. */
  read(path: string): Uint8Array;
  pages: IndexedPages;
}

/** The index Pagefind wrote of the pages that changed, their digests, and each fragment's facts. */
export interface FreshBundle {
  files: readonly BundleFile[];
  digests: ReadonlyMap<string, string>;
  fragments: ReadonlyMap<string, FragmentFacts>;
}

export interface MergedIndex {
  /** Files of the index that are new: the metadata, chunks, filters, fragments of the changed pages, pagefind-entry.json. */
  written: BundleFile[];
  /** Files of the kept index that are part of this one as they are (fragments, Pagefind's scripts). */
  reused: string[];
  pages: IndexedPages;
  /** Common words given a chunk of their own. */
  commonWords: number;
}

/**
 * The kept index with the pages whose digest in `current` (every page of
 * the build, file → digest) is no longer the kept one taken out, and the
 * pages of `fresh` added. A page of `current` in neither is one Pagefind
 * left out (it has no `data-pagefind-body`), as it would from a whole index.
 */
export async function mergeIndex(kept: KeptBundle, fresh: FreshBundle, current: ReadonlyMap<string, string>): Promise<MergedIndex> {
  const keptPaths = new Set(kept.paths);
  const keptFile = (path: string) => {
    if (!keptPaths.has(path)) throw new UnexpectedIndex(`the kept index has no ${path}`);
    return kept.read(path);
  };
  const keptEntry = entryOf(keptFile(ENTRY_FILE));
  const freshByPath = new Map(fresh.files.map((file) => [file.path, file.content]));
  const freshEntry = fresh.files.length ? entryOf(freshByPath.get(ENTRY_FILE)) : { version: keptEntry.version, languages: {} };
  if (freshEntry.version !== keptEntry.version) throw new UnexpectedIndex(`Pagefind ${freshEntry.version} wrote the new pages, ${keptEntry.version} the kept index`);
  const freshFileOf = new Map([...fresh.digests.keys()].map((file) => [pageUrl(file), file]));

  const written: BundleFile[] = [];
  /** New data files, gzipped at the end on the thread pool: a third of the time at 10,000 pages. */
  const packing: { path: string; bytes: Uint8Array }[] = [];
  const taken = new Set<string>([...kept.paths, ...fresh.files.map((f) => f.path)]);
  const reused = new Set<string>();
  const pages: IndexedPages = {};
  const placed = new Set<string>();
  let commonWords = 0;
  const entry = { ...keptEntry, languages: {} as Record<string, LanguageInfo> };

  for (const language of new Set([...Object.keys(keptEntry.languages), ...Object.keys(freshEntry.languages)])) {
    const keptInfo = keptEntry.languages[language];
    const freshInfo = freshEntry.languages[language];
    const keptMeta = keptInfo ? readMeta(open(keptFile(META_FILE(keptInfo.hash)), META_FILE(keptInfo.hash))) : undefined;
    const freshMeta = freshInfo ? readMeta(open(freshByPath.get(META_FILE(freshInfo.hash)), META_FILE(freshInfo.hash))) : undefined;
    const keptPages = kept.pages[language] ?? [];
    if (keptMeta && keptMeta.pages.length !== keptPages.length)
      throw new UnexpectedIndex(`the kept index of "${language}" has ${keptMeta.pages.length} pages, its list ${keptPages.length}`);
    if (keptMeta && freshMeta && keptMeta.version !== freshMeta.version) throw new UnexpectedIndex(`two versions of the metadata of "${language}"`);
    if (keptMeta?.sorts || freshMeta?.sorts) throw new UnexpectedIndex('the index has sort orders, which cannot be merged');

    // The pages that stay keep their order and come first; those Pagefind indexed now follow.
    const keptNumbers = new Int32Array(keptPages.length).fill(-1);
    const merged: IndexedPage[] = [];
    const metaPages: MetaPage[] = [];
    keptPages.forEach((page, n) => {
      if (current.get(page.file) !== page.digest || fresh.digests.has(page.file)) return;
      if (keptMeta!.pages[n].id !== page.id)
        throw new UnexpectedIndex(`page ${n} of "${language}" is ${keptMeta!.pages[n].id} in the kept index, ${page.id} in its list`);
      keptNumbers[n] = merged.length;
      merged.push(page);
      metaPages.push(keptMeta!.pages[n]);
      reused.add(fragmentPath(page.id));
    });
    const staying = merged.length;
    const fields = [...(keptMeta?.fields ?? [])];
    for (const field of freshMeta?.fields ?? []) if (!fields.includes(field)) fields.push(field);
    const freshFields = (freshMeta?.fields ?? []).map((field) => fields.indexOf(field));
    for (const page of freshMeta?.pages ?? []) {
      const content = freshByPath.get(fragmentPath(page.id));
      const facts = fresh.fragments.get(page.id);
      const file = facts && freshFileOf.get(facts.url);
      if (!content || !file) throw new UnexpectedIndex(`page ${page.id} of the new pages is not one of those given to Pagefind`);
      const id = fragmentId(language, page.id, content, kept, reused);
      if (!reused.has(fragmentPath(id)) && !placed.has(id)) {
        written.push({ path: fragmentPath(id), content });
        placed.add(id);
      }
      merged.push({ file, digest: fresh.digests.get(file)!, id, ...(facts.date === undefined ? {} : { date: facts.date }) });
      metaPages.push({ id, words: page.words });
    }
    if (!merged.length) continue;

    const keptNumber = numbering(keptNumbers.length, (n) => keptNumbers[n]);
    const freshNumber = numbering(freshMeta?.pages.length ?? 0, (n) => staying + n);
    const keptWords = keptMeta ? wordsOf(keptMeta, (hash) => open(keptFile(CHUNK_FILE(hash)), CHUNK_FILE(hash)), keptNumber) : [][Symbol.iterator]();
    const freshWords = freshMeta
      ? wordsOf(freshMeta, (hash) => open(required(freshByPath, CHUNK_FILE(hash)), CHUNK_FILE(hash)), freshNumber, freshFields)
      : [][Symbol.iterator]();
    const chunks = chunked(mergeWords(keptWords, freshWords));
    const named = chunks.chunks.map((words) => {
      const out = new CborWriter();
      out.head(4, 1).head(4, words.length);
      for (const word of words) writeWord(out, word);
      const bytes = out.done();
      const hash = uniqueHash(language, bytes, 7, (name) => taken.has(CHUNK_FILE(name)));
      taken.add(CHUNK_FILE(hash));
      packing.push({ path: CHUNK_FILE(hash), bytes });
      return hash;
    });
    commonWords += chunks.common;
    const ranges = chunkRanges(chunks.chunks.map((words) => [words[0].word, words.at(-1)!.word]));

    const filters = mergeFilters(
      keptMeta ? keptMeta.filters.map((f) => readFilter(open(keptFile(filterPath(f.hash)), filterPath(f.hash)))) : [],
      keptNumber,
      freshMeta ? freshMeta.filters.map((f) => readFilter(open(required(freshByPath, filterPath(f.hash)), filterPath(f.hash)))) : [],
      freshNumber,
    ).map(({ name, bytes }) => {
      const hash = uniqueHash(language, bytes, 7, (h) => taken.has(filterPath(h)));
      taken.add(filterPath(hash));
      packing.push({ path: filterPath(hash), bytes });
      return { name, hash };
    });

    const meta = new CborWriter();
    meta.head(4, 6).text((keptMeta ?? freshMeta)!.version);
    meta.head(4, metaPages.length);
    for (const page of metaPages) meta.head(4, 2).text(page.id).head(0, page.words);
    meta.head(4, named.length);
    named.forEach((hash, i) => meta.head(4, 3).text(ranges[i].from).text(ranges[i].to).text(hash));
    meta.head(4, filters.length);
    for (const f of filters) meta.head(4, 2).text(f.name).text(f.hash);
    meta.head(4, 0).head(4, fields.length);
    for (const field of fields) meta.text(field);
    const metaBytes = meta.done();
    const metaHash = uniqueHash(language, metaBytes, 10, (hash) => taken.has(META_FILE(hash)));
    taken.add(META_FILE(metaHash));
    packing.push({ path: META_FILE(metaHash), bytes: metaBytes });
    entry.languages[language] = { ...(keptInfo ?? freshInfo), hash: metaHash, page_count: merged.length };
    pages[language] = merged;
  }

  // Pagefind's scripts and each language's search code: the kept ones, or the new ones of a language the kept index had not.
  for (const path of kept.paths) if (isSupportFile(path)) reused.add(path);
  for (const file of fresh.files) if (isSupportFile(file.path) && !reused.has(file.path)) written.push(file);
  written.push({ path: ENTRY_FILE, content: Buffer.from(JSON.stringify(entry)) });
  written.push(...(await Promise.all(packing.map(async ({ path, bytes }) => ({ path, content: await packAsync(bytes) })))));
  return { written, reused: [...reused], pages, commonWords };
}

const gzipAsync = promisify(gzip);
const SIGNATURE_BYTES = Buffer.from(SIGNATURE, 'latin1');
/** search-chunks.ts's `pack`, on the thread pool. */
const packAsync = (cbor: Uint8Array) => gzipAsync(Buffer.concat([SIGNATURE_BYTES, cbor]));

/** A page's number in the merged index by its number in one of the two (-1: left out); a number past the index's pages is refused. */
function numbering(count: number, to: (n: number) => number): (n: number) => number {
  return (n) => {
    if (n >= count) throw new UnexpectedIndex(`a page number (${n}) past the index's ${count} pages`);
    return to(n);
  };
}

/** Files of the bundle that are not the index of some pages: pagefind.js, its worker, the search code of each language. */
const isSupportFile = (path: string) => path !== ENTRY_FILE && !/\.pf_(meta|index|filter|fragment)$/.test(path);

const fragmentPath = (id: string) => `fragment/${id}.pf_fragment`;
const filterPath = (hash: string) => `filter/${hash}.pf_filter`;

/**
 * The name of a new page's fragment: Pagefind's, unless the kept index has
 * another fragment of that name (Pagefind names them by a short digest of
 * the build it is in); then a longer digest of its own.
 */
function fragmentId(language: string, id: string, content: Uint8Array, kept: KeptBundle, reused: ReadonlySet<string>): string {
  if (!reused.has(fragmentPath(id)) || Buffer.from(kept.read(fragmentPath(id))).equals(content)) return id;
  const hex = createHash('sha256').update(content).digest('hex');
  return `${language}_${hex.slice(0, 16)}`;
}

interface LanguageInfo {
  hash: string;
  wasm?: string;
  page_count: number;
}

interface Entry {
  version: string;
  languages: Record<string, LanguageInfo>;
}

function entryOf(content: Uint8Array | undefined): Entry {
  if (!content) throw new UnexpectedIndex(`no ${ENTRY_FILE}`);
  let entry: Partial<Entry>;
  try {
    entry = JSON.parse(Buffer.from(content).toString('utf8')) as Partial<Entry>;
  } catch {
    throw new UnexpectedIndex(`${ENTRY_FILE} is not JSON`);
  }
  if (typeof entry.version !== 'string' || typeof entry.languages !== 'object' || entry.languages === null)
    throw new UnexpectedIndex(`${ENTRY_FILE} has no version or languages`);
  for (const [language, info] of Object.entries(entry.languages))
    if (typeof info?.hash !== 'string') throw new UnexpectedIndex(`${ENTRY_FILE} names no metadata for "${language}"`);
  return entry as Entry;
}

function required(files: ReadonlyMap<string, Uint8Array>, path: string): Uint8Array {
  const content = files.get(path);
  if (!content) throw new UnexpectedIndex(`no ${path}`);
  return content;
}

function open(content: Uint8Array | undefined, path: string): Uint8Array {
  if (!content) throw new UnexpectedIndex(`no ${path}`);
  try {
    return unpack(content);
  } catch (error) {
    throw new UnexpectedIndex(`${path} cannot be read: ${(error as Error).message}`);
  }
}

interface MetaPage {
  id: string;
  words: number;
}

interface Meta {
  version: string;
  pages: MetaPage[];
  chunks: string[];
  filters: { name: string; hash: string }[];
  /** Whether it has sort orders. */
  sorts: boolean;
  fields: string[];
}

function readMeta(cbor: Uint8Array): Meta {
  const r = new Cbor(cbor);
  if (r.length(4) !== 6) throw new UnexpectedIndex('the metadata does not have the six fields of Pagefind 1.5');
  const version = r.text();
  const pages = Array.from({ length: r.length(4) }, () => {
    if (r.length(4) !== 2) throw new UnexpectedIndex('a page in the metadata is not [fragment, words]');
    return { id: r.text(), words: r.uint() };
  });
  const chunks = Array.from({ length: r.length(4) }, () => {
    if (r.length(4) !== 3) throw new UnexpectedIndex('a chunk in the metadata is not [from, to, hash]');
    r.text();
    r.text();
    return r.text();
  });
  const filters = Array.from({ length: r.length(4) }, () => {
    if (r.length(4) !== 2) throw new UnexpectedIndex('a filter in the metadata is not [name, hash]');
    return { name: r.text(), hash: r.text() };
  });
  const sorts = r.length(4) > 0;
  if (sorts) return { version, pages, chunks, filters, sorts, fields: [] };
  const fields = Array.from({ length: r.length(4) }, () => r.text());
  if (r.at !== cbor.length) throw new UnexpectedIndex('the metadata has bytes after its fields');
  return { version, pages, chunks, filters, sorts, fields };
}

/**
 * The pages a word is on, in columns (a posting each; 1.5 million of them at
 * 10,000 pages, so no object each): its number in the new index, and where
 * its entry after the number (its places, its meta places) is written.
 */
class Postings {
  readonly page: number[] = [];
  readonly source: Uint8Array[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly fields: number[] = [];
  /** Places as search-chunks.ts counts them for a common word: for each page, one and its places. */
  places = 0;
  /** Places as Pagefind counts them to fill a chunk: for each page, one, its places and its meta places. */
  fill = 0;

  get length(): number {
    return this.page.length;
  }

  add(page: number, fields: number, places: number, metaPlaces: number, source: Uint8Array, start: number, end: number): void {
    this.page.push(page);
    this.fields.push(fields);
    this.source.push(source);
    this.start.push(start);
    this.end.push(end);
    this.places += places + 1;
    this.fill += places + 1 + metaPlaces;
  }

  /** These, then `more` (whose numbers are all higher). */
  concat(more: Postings): Postings {
    const both = new Postings();
    for (const list of [this, more])
      for (let i = 0; i < list.length; i++) {
        both.page.push(list.page[i]);
        both.fields.push(list.fields[i]);
        both.source.push(list.source[i]);
        both.start.push(list.start[i]);
        both.end.push(list.end[i]);
      }
    both.places = this.places + more.places;
    both.fill = this.fill + more.fill;
    return both;
  }
}

interface Word {
  word: string;
  key: Buffer;
  pages: Postings;
  variants: Map<string, Postings>;
}

/**
 * The words of an index in Pagefind's order (by their UTF-8 bytes), chunk
 * after chunk (`chunk` gives a chunk's CBOR), each page renumbered by `number` (-1: the page is left out)
 * and each meta field by `fields` when given.
 */
function* wordsOf(meta: Meta, chunk: (hash: string) => Uint8Array, number: (n: number) => number, fields?: readonly number[]): Generator<Word> {
  const remap = fields?.some((to, from) => to !== from) ? fields : undefined;
  let last: Buffer | undefined;
  for (const hash of meta.chunks) {
    const cbor = chunk(hash);
    const r = new Cbor(cbor);
    if (r.length(4) !== 1) throw new UnexpectedIndex('a chunk is not a list of words');
    const count = r.length(4);
    for (let i = 0; i < count; i++) {
      const parts = r.length(4);
      if (parts !== 3) throw new UnexpectedIndex('a word in a chunk is not [word, pages, variants]');
      const word = r.text();
      const key = Buffer.from(word, 'utf8');
      if (last && Buffer.compare(last, key) >= 0) throw new UnexpectedIndex(`the words of the index are not in order ("${word}")`);
      last = key;
      const pages = readPostings(r, cbor, number, remap);
      const variants = new Map<string, Postings>();
      const variantCount = r.length(4);
      for (let v = 0; v < variantCount; v++) {
        if (r.length(4) !== 2) throw new UnexpectedIndex(`a variant of "${word}" is not [variant, pages]`);
        const variant = r.text();
        const on = readPostings(r, cbor, number, remap);
        if (on.length) variants.set(variant, on);
      }
      if (pages.length || variants.size) yield { word, key, pages, variants };
    }
    if (r.at !== cbor.length) throw new UnexpectedIndex('a chunk has bytes after its words');
  }
}

function readPostings(r: Cbor, cbor: Uint8Array, number: (n: number) => number, fields: readonly number[] | undefined): Postings {
  const count = r.length(4);
  const postings = new Postings();
  let page = 0;
  for (let p = 0; p < count; p++) {
    const parts = r.length(4);
    if (parts < 3) throw new UnexpectedIndex('a page of a word is not [number, places, meta places]');
    page += r.uint();
    const start = r.at;
    const places = r.length(4);
    r.skipItems(places);
    const placesEnd = r.at;
    const metaCount = r.length(4);
    r.skipItems(metaCount);
    r.skipItems(parts - 3);
    const to = number(page);
    if (to < 0) continue;
    if (!fields) postings.add(to, parts, places, metaCount, cbor, start, r.at);
    else {
      const rest = Buffer.concat([cbor.subarray(start, placesEnd), metaPlaces(new Cbor(cbor.subarray(placesEnd, r.at)), fields)]);
      postings.add(to, parts, places, metaCount, rest, 0, rest.length);
    }
  }
  return postings;
}

/** A page's meta places with each field's number (a negative one, -1 for the first) moved to its number in `fields`, and what follows them. */
function metaPlaces(r: Cbor, fields: readonly number[]): Uint8Array {
  const count = r.length(4);
  const out: Uint8Array[] = [head(4, count)];
  for (let i = 0; i < count; i++) {
    const start = r.at;
    r.skip();
    const item = r.bytes.subarray(start, r.at);
    if (item[0] >> 5 !== 1) {
      out.push(item);
      continue;
    }
    const field = new Cbor(item).length(1);
    if (fields[field] === undefined) throw new UnexpectedIndex(`a meta place names field ${field}, which the metadata has not`);
    out.push(head(1, fields[field]));
  }
  out.push(r.bytes.subarray(r.at));
  return Buffer.concat(out);
}

/** The words of both, in order; a word in both is on the pages of both, the kept ones first (their numbers are the lower). */
function* mergeWords(kept: Iterator<Word>, fresh: Iterator<Word>): Generator<Word> {
  let a = kept.next();
  let b = fresh.next();
  for (;;) {
    if (a.done && b.done) return;
    const order = a.done ? 1 : b.done ? -1 : Buffer.compare(a.value.key, b.value.key);
    if (order < 0 && !a.done) {
      yield a.value;
      a = kept.next();
    } else if (order > 0 && !b.done) {
      yield b.value;
      b = fresh.next();
    } else if (!a.done && !b.done) {
      const variants = new Map(a.value.variants);
      for (const [variant, on] of b.value.variants) variants.set(variant, variants.get(variant)?.concat(on) ?? on);
      yield { word: a.value.word, key: a.value.key, pages: a.value.pages.concat(b.value.pages), variants };
      a = kept.next();
      b = fresh.next();
    }
  }
}

/**
 * The words cut into chunks as Pagefind cuts them (a chunk is closed once
 * it is filled with CHUNK_PLACES places, meta places counted), and a common
 * word that closes a chunk of several given a chunk to itself, as
 * search-chunks.ts gives it (places counted without meta places).
 */
function chunked(words: Iterable<Word>): { chunks: Word[][]; common: number } {
  const chunks: Word[][] = [];
  let common = 0;
  let chunk: Word[] = [];
  let size = 0;
  for (const word of words) {
    chunk.push(word);
    size += word.pages.fill;
    if (size < CHUNK_PLACES) continue;
    if (chunk.length > 1 && word.pages.places >= CHUNK_PLACES) {
      chunks.push(chunk.slice(0, -1), [word]);
      common++;
    } else chunks.push(chunk);
    chunk = [];
    size = 0;
  }
  if (chunk.length) chunks.push(chunk);
  return { chunks, common };
}

function writePostings(out: CborWriter, postings: Postings): void {
  out.head(4, postings.length);
  let last = 0;
  for (let i = 0; i < postings.length; i++) {
    out.head(4, postings.fields[i]).head(0, postings.page[i] - last);
    out.slice(postings.source[i], postings.start[i], postings.end[i]);
    last = postings.page[i];
  }
}

function writeWord(out: CborWriter, word: Word): void {
  out.head(4, 3).text(word.word);
  writePostings(out, word.pages);
  out.head(4, word.variants.size);
  for (const [variant, on] of word.variants) {
    out.head(4, 2).text(variant);
    writePostings(out, on);
  }
}

/** CBOR written into one growing buffer: a chunk at 10,000 pages is a few hundred thousand small items. */
class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private at = 0;

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(bigger, 0, 0, this.at);
    this.buffer = bigger;
  }

  head(major: number, value: number): this {
    this.room(5);
    const m = major << 5;
    const b = this.buffer;
    if (value < 24) b[this.at++] = m | value;
    else if (value < 0x100) {
      b[this.at++] = m | 24;
      b[this.at++] = value;
    } else if (value < 0x10000) {
      b[this.at++] = m | 25;
      b.writeUInt16BE(value, this.at);
      this.at += 2;
    } else {
      b[this.at++] = m | 26;
      b.writeUInt32BE(value, this.at);
      this.at += 4;
    }
    return this;
  }

  text(value: string): this {
    const length = Buffer.byteLength(value, 'utf8');
    this.head(3, length).room(length);
    this.at += this.buffer.write(value, this.at, 'utf8');
    return this;
  }

  bytes(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  /** `end - start` bytes of `source` from `start`. */
  slice(source: Uint8Array, start: number, end: number): this {
    this.room(end - start);
    for (let i = start; i < end; i++) this.buffer[this.at++] = source[i];
    return this;
  }

  done(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

interface Filter {
  name: string;
  values: [string, number[]][];
}

function readFilter(cbor: Uint8Array): Filter {
  const r = new Cbor(cbor);
  if (r.length(4) !== 2) throw new UnexpectedIndex('a filter is not [name, values]');
  const name = r.text();
  const values = Array.from({ length: r.length(4) }, (): [string, number[]] => {
    if (r.length(4) !== 2) throw new UnexpectedIndex(`a value of filter "${name}" is not [value, pages]`);
    return [r.text(), Array.from({ length: r.length(4) }, () => r.uint())];
  });
  if (r.at !== cbor.length) throw new UnexpectedIndex(`filter "${name}" has bytes after its values`);
  return { name, values };
}

/** The filters of both, their pages renumbered (-1: left out); a value on no page is left out. */
function mergeFilters(
  kept: readonly Filter[],
  keptNumber: (n: number) => number,
  fresh: readonly Filter[],
  freshNumber: (n: number) => number,
): { name: string; bytes: Uint8Array }[] {
  const filters = new Map<string, Map<string, number[]>>();
  const add = (filter: Filter, to: (n: number) => number) => {
    let values = filters.get(filter.name);
    if (!values) filters.set(filter.name, (values = new Map()));
    for (const [value, pages] of filter.values) {
      const on = values.get(value) ?? [];
      for (const page of pages) {
        const n = to(page);
        if (n >= 0) on.push(n);
      }
      values.set(value, on);
    }
  };
  for (const filter of kept) add(filter, keptNumber);
  for (const filter of fresh) add(filter, freshNumber);
  return [...filters].flatMap(([name, values]) => {
    const on = [...values].filter(([, pages]) => pages.length);
    if (!on.length) return [];
    const out = new CborWriter();
    out.head(4, 2).text(name).head(4, on.length);
    for (const [value, pages] of on) {
      out.head(4, 2).text(value).head(4, pages.length);
      for (const n of pages) out.head(0, n);
    }
    return [{ name, bytes: out.done() }];
  });
}
