/**
 * Pagefind's files in a built bundle (dist/pagefind/), read as Pagefind's
 * browser code reads them: each is gzip of a 12-byte signature and then the
 * data, JSON in a page's fragment (`fragment/<id>.pf_fragment`) and CBOR in
 * the metadata file every search downloads first (`pagefind.<lang>_<hash>.pf_meta`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

function unpack(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
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
