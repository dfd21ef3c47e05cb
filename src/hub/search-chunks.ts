/**
 * Gives each common word a chunk of the search index to itself.
 *
 * Pagefind splits a language's word index into chunks: words in
 * alphabetical order, a chunk closed once it holds about 20,000 places
 * (CHUNK_PLACES: a page a word is on, and each place on it). A query
 * downloads, for each of its words, the one chunk whose range holds it. A
 * common word fills a chunk on its own, but Pagefind adds it to the chunk it
 * is filling, so its query also downloads every word before it in that
 * chunk: at 10,000 entries "heat" (54 KB) came with "have" to "head" (14 KB)
 * and "pump" (36 KB) with "product" to "publish" (16 KB), 30 KB of a first
 * search that no query for those words can use.
 *
 * Here such a chunk is cut in two, the common word alone in the second, and
 * the language's metadata (the chunks' ranges) written again as Pagefind
 * writes it, under a new name that pagefind-entry.json points to. The words,
 * pages and places are Pagefind's own bytes, moved, never re-encoded. Words
 * before the common one can only ever be found through their own chunk,
 * which still holds them: a query finds what it found before (a short
 * prefix that spans the new boundary, such as "hea" between "head" and
 * "heat", finds the words on its side, as at every one of Pagefind's own
 * boundaries).
 *
 * The files are Pagefind's (pinned in package.json). Before changing
 * anything this checks that they are what it expects: the metadata's ranges
 * recomputed from the chunks must equal Pagefind's. If they do not (another
 * Pagefind version), the index is left as Pagefind wrote it and the reason
 * is returned for the build's log.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/** A file of Pagefind's bundle, as `getFiles` hands it over: its path inside pagefind/. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

export interface ChunkSplit {
  files: BundleFile[];
  /** Common words given a chunk of their own. */
  split: string[];
  /** Why the index was left as Pagefind wrote it, if it was. */
  skipped?: string;
}

/** Places (pages and positions on them) Pagefind puts in a chunk before closing it. */
export const CHUNK_PLACES = 20_000;

/** What each of Pagefind's data files starts with once gunzipped, before its data. */
export const SIGNATURE = 'pagefind_dcd';
/** The file Pagefind's scripts read first: each language's metadata file by name. */
export const ENTRY_FILE = 'pagefind-entry.json';
export const META_FILE = (hash: string) => `pagefind.${hash}.pf_meta`;
export const CHUNK_FILE = (hash: string) => `index/${hash}.pf_index`;

/** Cuts each chunk that ends with a common word in two; see the module's comment. */
export function splitCommonWords(files: readonly BundleFile[]): ChunkSplit {
  try {
    return split(files);
  } catch (error) {
    if (!(error instanceof UnexpectedIndex)) throw error;
    return { files: [...files], split: [], skipped: error.message };
  }
}

/** Pagefind's files are not what this module expects (another version, or damaged): the index is left as it is. */
export class UnexpectedIndex extends Error {}

function split(files: readonly BundleFile[]): ChunkSplit {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const entryFile = byPath.get(ENTRY_FILE);
  if (!entryFile) throw new UnexpectedIndex(`no ${ENTRY_FILE}`);
  let entry: { languages?: Record<string, { hash?: unknown }> };
  try {
    entry = JSON.parse(Buffer.from(entryFile.content).toString('utf8')) as typeof entry;
  } catch {
    throw new UnexpectedIndex(`${ENTRY_FILE} is not JSON`);
  }
  const taken = new Set(files.map((file) => file.path));
  const replaced = new Set<string>();
  const added: BundleFile[] = [];
  const words: string[] = [];
  for (const [language, info] of Object.entries(entry.languages ?? {})) {
    if (typeof info?.hash !== 'string') throw new UnexpectedIndex(`${ENTRY_FILE} names no metadata for "${language}"`);
    const metaPath = META_FILE(info.hash);
    const metaFile = byPath.get(metaPath);
    if (!metaFile) throw new UnexpectedIndex(`no ${metaPath}`);
    const meta = readMeta(open(metaFile));
    const chunks = meta.chunks.map(({ hash }) => {
      const file = byPath.get(CHUNK_FILE(hash));
      if (!file) throw new UnexpectedIndex(`no ${CHUNK_FILE(hash)}`);
      return { hash, words: readChunk(open(file)) };
    });
    const ranges = chunkRanges(chunks.map((chunk) => chunk.words.map((word) => word.word)));
    ranges.forEach((range, i) => {
      const theirs = meta.chunks[i];
      if (range.from !== theirs.from || range.to !== theirs.to)
        throw new UnexpectedIndex(`${metaPath}: chunk ${theirs.hash} spans "${theirs.from}"–"${theirs.to}", its words "${range.from}"–"${range.to}"`);
    });

    /** A new chunk of `words`, named by its bytes. */
    const chunkOf = (of: Word[]) => {
      const bytes = encodeChunk(of);
      const hash = uniqueHash(language, bytes, 7, (name) => taken.has(CHUNK_FILE(name)));
      taken.add(CHUNK_FILE(hash));
      added.push({ path: CHUNK_FILE(hash), content: pack(bytes) });
      return { hash, words: of };
    };
    const cut = chunks.flatMap((chunk) => {
      const last = chunk.words.at(-1);
      if (chunk.words.length < 2 || !last || last.places < CHUNK_PLACES) return [chunk];
      words.push(last.word);
      replaced.add(CHUNK_FILE(chunk.hash));
      return [chunkOf(chunk.words.slice(0, -1)), chunkOf([last])];
    });
    if (cut.length === chunks.length) continue;

    const newRanges = chunkRanges(cut.map((chunk) => chunk.words.map((word) => word.word)));
    const newMeta = writeMeta(
      meta,
      newRanges.map((range, i) => ({ ...range, hash: cut[i].hash })),
    );
    const metaHash = uniqueHash(language, newMeta, 10, (hash) => taken.has(META_FILE(hash)));
    replaced.add(metaPath);
    added.push({ path: META_FILE(metaHash), content: pack(newMeta) });
    info.hash = metaHash;
  }
  if (!words.length) return { files: [...files], split: [] };
  const entryOut: BundleFile = { path: ENTRY_FILE, content: Buffer.from(JSON.stringify(entry)) };
  return {
    files: [...files.filter((file) => file.path !== ENTRY_FILE && !replaced.has(file.path)), ...added, entryOut],
    split: words,
  };
}

/** A file's CBOR, after Pagefind's gzip and signature. */
function open(file: BundleFile): Uint8Array {
  try {
    return unpack(file.content);
  } catch (error) {
    throw new UnexpectedIndex(`${file.path} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * The data of one of Pagefind's files (a fragment's JSON, the metadata's or a
 * chunk's CBOR): gunzipped, after its signature. Throws saying what is wrong.
 */
export function unpack(content: Uint8Array): Buffer {
  let data: Buffer;
  try {
    data = gunzipSync(content);
  } catch (error) {
    throw new Error(`it is not gzip (${(error as Error).message})`, { cause: error });
  }
  if (data.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`it does not start with "${SIGNATURE}"`);
  return data.subarray(SIGNATURE.length);
}

/** One of Pagefind's data files of `cbor` (or JSON): its signature, then the data, gzipped. */
export function pack(cbor: Uint8Array): Uint8Array {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), cbor]));
}

/** A name for a file of `language` made of its bytes' digest, `length` hex digits or more, that `taken` does not know. */
export function uniqueHash(language: string, bytes: Uint8Array, length: number, taken: (hash: string) => boolean): string {
  const hex = createHash('sha256').update(bytes).digest('hex');
  for (let n = length; n <= hex.length; n++) {
    const hash = `${language}_${hex.slice(0, n)}`;
    if (!taken(hash)) return hash;
  }
  throw new UnexpectedIndex(`no free name for a chunk of "${language}"`);
}

interface Word {
  word: string;
  /** Pages the word is on plus its places on them: what Pagefind counts to fill a chunk. */
  places: number;
  /** Its CBOR, as Pagefind wrote it. */
  bytes: Uint8Array;
}

/** A chunk: `[[word, [[page, [places…], [meta places…]]…], …]…]`. */
function readChunk(cbor: Uint8Array): Word[] {
  const reader = new Cbor(cbor);
  if (reader.length(4) !== 1) throw new UnexpectedIndex('a chunk is not a list of words');
  const count = reader.length(4);
  const words: Word[] = [];
  for (let i = 0; i < count; i++) {
    const start = reader.at;
    const fields = reader.length(4);
    if (fields < 2) throw new UnexpectedIndex('a word in a chunk has no pages');
    const word = reader.text();
    const pages = reader.length(4);
    let places = 0;
    for (let p = 0; p < pages; p++) {
      const parts = reader.length(4);
      if (parts < 2) throw new UnexpectedIndex(`"${word}" has a page without places`);
      reader.skip();
      const locations = reader.length(4);
      places += locations + 1;
      reader.skipItems(locations);
      for (let j = 2; j < parts; j++) reader.skip();
    }
    for (let f = 2; f < fields; f++) reader.skip();
    words.push({ word, places, bytes: cbor.subarray(start, reader.at) });
  }
  if (reader.at !== cbor.length) throw new UnexpectedIndex('a chunk has bytes after its words');
  return words;
}

function encodeChunk(words: readonly Word[]): Uint8Array {
  return Buffer.concat([head(4, 1), head(4, words.length), ...words.map((word) => word.bytes)]);
}

interface Meta {
  /** The metadata's fields before and after the chunks, as Pagefind wrote them. */
  before: Uint8Array[];
  after: Uint8Array[];
  chunks: { from: string; to: string; hash: string }[];
}

/** The metadata: `[version, pages, [[from, to, hash]…], filters, sorts, meta fields]`. */
function readMeta(cbor: Uint8Array): Meta {
  const reader = new Cbor(cbor);
  const fields = reader.length(4);
  if (fields < 3) throw new UnexpectedIndex('the metadata has no chunks');
  const item = () => {
    const start = reader.at;
    reader.skip();
    return cbor.subarray(start, reader.at);
  };
  const before = [item(), item()];
  const count = reader.length(4);
  const chunks = [];
  for (let i = 0; i < count; i++) {
    if (reader.length(4) !== 3) throw new UnexpectedIndex('a chunk in the metadata is not [from, to, hash]');
    chunks.push({ from: reader.text(), to: reader.text(), hash: reader.text() });
  }
  const after = Array.from({ length: fields - 3 }, item);
  if (reader.at !== cbor.length) throw new UnexpectedIndex('the metadata has bytes after its fields');
  return { before, after, chunks };
}

function writeMeta(meta: Meta, chunks: readonly { from: string; to: string; hash: string }[]): Uint8Array {
  return Buffer.concat([
    head(4, meta.before.length + 1 + meta.after.length),
    ...meta.before,
    head(4, chunks.length),
    ...chunks.flatMap((chunk) => [head(4, 3), text(chunk.from), text(chunk.to), text(chunk.hash)]),
    ...meta.after,
  ]);
}

/**
 * Each chunk's range as Pagefind writes it: from its first word to its
 * last, each boundary shortened to the shortest prefixes that still tell
 * the two words apart (checked against Pagefind's own metadata on every
 * build, see split()).
 */
export function chunkRanges(chunks: readonly (readonly string[])[]): { from: string; to: string }[] {
  const ranges = chunks.map((words) => ({ from: words[0] ?? '', to: words.at(-1) ?? '' }));
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = [...ranges[i].to];
    const b = [...ranges[i + 1].from];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    // A range never ends before it starts: "cylind" before "d" stays "cylind", as Pagefind writes it.
    if (to >= ranges[i].from) ranges[i].to = to;
    ranges[i + 1].from = b.slice(0, common + 1).join('');
  }
  return ranges;
}

/** A CBOR head: the type (`major`) and its value or length. */
export function head(major: number, value: number): Uint8Array {
  const m = major << 5;
  if (value < 24) return Uint8Array.of(m | value);
  if (value < 0x100) return Uint8Array.of(m | 24, value);
  if (value < 0x10000) return Uint8Array.of(m | 25, value >> 8, value & 0xff);
  return Uint8Array.of(m | 26, (value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

/** A CBOR text string. */
export function text(value: string): Uint8Array {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([head(3, bytes.length), bytes]);
}

/** Just enough of CBOR (RFC 8949) to walk Pagefind's files: definite lengths only. */
export class Cbor {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  private head(): { major: number; value: number } {
    if (this.at >= this.bytes.length) throw new UnexpectedIndex('a file ends early');
    const first = this.bytes[this.at++];
    const major = first >> 5;
    const info = first & 31;
    if (info < 24) return { major, value: info };
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (!size) throw new UnexpectedIndex(`unexpected CBOR (additional information ${info})`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + this.bytes[this.at++];
    return { major, value };
  }

  /** The unsigned integer (major 0) that starts here. */
  uint(): number {
    return this.length(0);
  }

  /** The value or length of the item of type `major` (4: an array, 3: a text) that starts here. */
  length(major: number): number {
    const { major: found, value } = this.head();
    if (found !== major) throw new UnexpectedIndex(`expected CBOR type ${major}, found ${found}`);
    return value;
  }

  text(): string {
    const length = this.length(3);
    const value = Buffer.from(this.bytes.subarray(this.at, this.at + length)).toString('utf8');
    this.at += length;
    return value;
  }

  skip(): void {
    const { major, value } = this.head();
    if (major === 2 || major === 3) this.at += value;
    else if (major === 4) this.skipItems(value);
    else if (major === 5) this.skipItems(value * 2);
    else if (major === 6) this.skip();
  }

  /** Skips `count` items; an integer (a place, most of a chunk) without a call for its head. */
  skipItems(count: number): void {
    const bytes = this.bytes;
    for (let i = 0; i < count; i++) {
      const first = bytes[this.at];
      const info = first & 31;
      if (first >> 5 > 1 || info > 26) this.skip();
      else this.at += info < 24 ? 1 : info === 24 ? 2 : info === 25 ? 3 : 5;
    }
    if (this.at > bytes.length) throw new UnexpectedIndex('a file ends early');
  }
}
