/**
 * The palette PNG of cards (src/lib/cards/indexed-png.ts): lossless, read
 * back by libvips (sharp) pixel for pixel (cards-reference.test.ts checks that
 * real cards come out smaller than before); an image with
 * more than 256 colours or a pixel not fully opaque is left to the RGB path.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { indexedPng } from '../../src/lib/cards/indexed-png.ts';

/** RGBA pixels of a `width × height` image whose colour at (x, y) is `colour(x, y)` ([r, g, b, a]). */
function image(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.set(colour(x, y), (y * width + x) * 4);
  return pixels;
}

async function decoded(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height, channels: info.channels };
}

describe('indexedPng', () => {
  it('encodes a flat image with antialiased edges exactly, as a palette PNG', async () => {
    // A card in miniature: a background, a band of the accent, and 200 shades between them.
    const pixels = image(300, 40, (x, y) => (y < 10 ? [11, 85, 99, 255] : x < 200 ? [242, 165, x, 255] : [255, 255, 255, 255]));
    const png = indexedPng(pixels, 300, 40)!;
    expect(png).toBeDefined();
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([300, 40, 'png']);
    // IHDR: 8 bits a pixel, colour type 3 (palette).
    expect([png[24], png[25]]).toEqual([8, 3]);
    const back = await decoded(png);
    expect(back.data).toEqual(pixels);
  });

  it('takes exactly 256 colours, and leaves 257 to the RGB path', () => {
    expect(
      indexedPng(
        image(256, 2, (x) => [x, 0, 0, 255]),
        256,
        2,
      ),
    ).toBeDefined();
    expect(
      indexedPng(
        image(257, 1, (x) => [x % 256, x >= 256 ? 1 : 0, 0, 255]),
        257,
        1,
      ),
    ).toBeUndefined();
  });

  it('leaves an image with a pixel not fully opaque to the RGB path', () => {
    expect(
      indexedPng(
        image(4, 4, (x, y) => [0, 0, 0, x === 3 && y === 3 ? 254 : 255]),
        4,
        4,
      ),
    ).toBeUndefined();
  });

  it('refuses pixels that do not match the size it is given', () => {
    expect(() => indexedPng(new Uint8Array(10), 2, 2)).toThrow(/10 bytes for 2×2 RGBA/);
  });
});
