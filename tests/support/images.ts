/** Image files for the tests of the image checks, made on the spot rather than kept in the repository. */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A valid one-colour PNG of `width` × `height` pixels (1-bit greyscale, all
 * black), written straight with zlib: a 20,000 × 20,000 image is about 50 KB
 * on disk and 1.6 GB once a browser decodes it. sharp takes a minute and a
 * half to encode one here; this takes under a second.
 */
export function oneColourPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  // Each row: filter type 0, then one bit per pixel, all zero.
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export function writeOneColourPng(file: string, width: number, height: number): void {
  writeFileSync(file, oneColourPng(width, height));
}

/** An ordinary photo-like PNG (noise does not compress): about `side`² × 3 bytes. */
export async function noisePng(side: number): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** An SVG that, opened on its own, runs script: it writes `key` into localStorage and calls `window.pwned`. */
export function scriptSvg(key = 'svg-ran'): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="localStorage.setItem(\'' + key + "-onload', '1')\">",
    '  <rect width="64" height="64" fill="#0b5563"/>',
    `  <script>localStorage.setItem('${key}', document.cookie || '1'); if (window.pwned) window.pwned('${key}');</script>`,
    '</svg>',
    '',
  ].join('\n');
}
