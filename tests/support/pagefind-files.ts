/**
 * Pagefind's files in a built bundle (dist/pagefind/), read as Pagefind's
 * browser code reads them: each is gzip of a 12-byte signature and then the
 * data, JSON in a page's fragment (`fragment/<id>.pf_fragment`) and CBOR in
 * the metadata file every search downloads first (`pagefind.<lang>_<hash>.pf_meta`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type BundleFile, ENTRY_FILE } from '../../src/hub/search-chunks.ts';

const SIGNATURE = 'pagefind_dcd';

function unpack(file: string): Buffer {
  return unpackData(readFileSync(file), file);
}

function unpackData(content: Uint8Array, file = 'a file'): Buffer {
  const data = gunzipSync(content);
  if (data.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${file} does not start with "${SIGNATURE}"`);
  return data.subarray(SIGNATURE.length);
}

export interface Fragment {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Every page of a bundle by its result id (the `id` of a result of Pagefind's search(), the name of its fragment). */
export function fragmentsOf(bundle: string): Map<string, Fragment> {
  const dir = path.join(bundle, 'fragment');
  return new Map(readdirSync(dir).map((name) => [name.replace(/\.pf_fragment$/, ''), JSON.parse(unpack(path.join(dir, name)).toString('utf8')) as Fragment]));
}

/**
 * A bundle's metadata file decoded: a CBOR array whose fifth element is the
 * list of sorts, each a key and the page numbers in its order.
 */
export function pagefindMetaOf(bundle: string): unknown[] {
  const files = readdirSync(bundle).filter((name) => name.endsWith('.pf_meta'));
  if (files.length !== 1) throw new Error(`${bundle} has ${files.length} .pf_meta files, not one`);
  const meta = decodeCbor(unpack(path.join(bundle, files[0]!)));
  if (!Array.isArray(meta)) throw new Error(`${files[0]} is not a CBOR array`);
  return meta;
}

/** The CBOR (RFC 8949) Pagefind writes: integers, byte and text strings, arrays and maps of definite length, simple values. */
export function decodeCbor(data: Uint8Array): unknown {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  const read = (): unknown => {
    const head = data[at++]!;
    const major = head >> 5;
    const info = head & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = data[at++]!;
    else if (info === 25) [n, at] = [view.getUint16(at), at + 2];
    else if (info === 26) [n, at] = [view.getUint32(at), at + 4];
    else if (info === 27) [n, at] = [Number(view.getBigUint64(at)), at + 8];
    else throw new Error(`CBOR: indefinite or reserved length at byte ${at - 1}`);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return data.subarray(at, (at += n));
      case 3:
        return new TextDecoder().decode(data.subarray(at, (at += n)));
      case 4:
        return Array.from({ length: n }, read);
      case 5:
        return Object.fromEntries(Array.from({ length: n }, () => [read(), read()]));
      case 7:
        if (info < 24) return n === 20 ? false : n === 21 ? true : n === 22 ? null : undefined;
        throw new Error(`CBOR: floats are not read (byte ${at})`);
      default:
        throw new Error(`CBOR: tag at byte ${at}`);
    }
  };
  const value = read();
  if (at !== data.length) throw new Error(`CBOR: ${data.length - at} bytes after the value`);
  return value;
}

/**
 * An index (its files, as `getFiles` hands them over) as a search reads it,
 * each page by its address rather than its number: for each language, each
 * page's word count and fragment, each word's (and variant's) pages with
 * their places and meta places (the meta fields by name), each filter
 * value's pages, and the chunks' ranges. Two indexes of the same pages
 * whose pages are numbered in another order give the same view.
 */
export function searchView(files: readonly BundleFile[]) {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const cbor = (p: string): never => {
    const content = byPath.get(p);
    if (!content) throw new Error(`no ${p}`);
    return decodeCbor(unpackData(content, p)) as never;
  };
  const entry = JSON.parse(Buffer.from(byPath.get(ENTRY_FILE)!).toString('utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
  return Object.fromEntries(
    Object.entries(entry.languages).map(([language, info]) => {
      const [, metaPages, chunks, filters, , fields] = cbor(`pagefind.${info.hash}.pf_meta`) as [
        string,
        [string, number][],
        [string, string, string][],
        [string, string][],
        unknown[],
        string[],
      ];
      if (info.page_count !== metaPages.length) throw new Error(`${language}: page_count ${info.page_count}, ${metaPages.length} pages`);
      const urls = metaPages.map(([id]) => (JSON.parse(unpackData(byPath.get(`fragment/${id}.pf_fragment`)!).toString('utf8')) as { url: string }).url);
      const pages = Object.fromEntries(
        metaPages.map(([id, count], n) => [urls[n], { count, fragment: unpackData(byPath.get(`fragment/${id}.pf_fragment`)!).toString('utf8') }]),
      );
      const named = (metaPlaces: number[]) => metaPlaces.map((n) => (n < 0 ? fields[-1 - n] : n));
      const postings = (list: [number, number[], number[]][]) => {
        let at = 0;
        return list.map(([delta, places, metaPlaces]) => `${urls[(at += delta)]} ${JSON.stringify(places)} ${JSON.stringify(named(metaPlaces))}`).sort();
      };
      const index: Record<string, string[]> = {};
      const ranges: [string, string][] = [];
      for (const [from, to, hash] of chunks) {
        ranges.push([from, to]);
        const [list] = cbor(`index/${hash}.pf_index`) as [[string, [number, number[], number[]][], [string, [number, number[], number[]][]][]][]];
        for (const [word, on, variants] of list) {
          if (index[word]) throw new Error(`"${word}" is in two chunks`);
          index[word] = [...postings(on), ...variants.flatMap(([variant, vOn]) => postings(vOn).map((p) => `${variant}: ${p}`))];
        }
      }
      const filterView = Object.fromEntries(
        filters.map(([name, hash]) => {
          const [, values] = cbor(`filter/${hash}.pf_filter`) as [string, [string, number[]][]];
          return [name, Object.fromEntries(values.map(([value, on]) => [value, on.map((n) => urls[n]).sort()]))];
        }),
      );
      return [language, { pages, index, filters: filterView, ranges }];
    }),
  );
}
