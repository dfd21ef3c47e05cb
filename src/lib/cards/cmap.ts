/**
 * The code points a font file maps to a glyph, read from its `cmap` table
 * alone (WOFF or TTF/OTF): opentype.js parses the whole font, which for the
 * hundreds of CJK slice files cost 10–30 ms each; this reads one table.
 * Formats 4 (the Basic Multilingual Plane) and 12 (all planes), the ones
 * Unicode fonts use; tests/unit/cards.test.ts compares it with opentype.js.
 */
import { inflateSync } from 'node:zlib';

/** The bytes of table `tag` of a WOFF (1.0) or sfnt font, uncompressed. */
function table(font: Buffer, tag: string): Buffer | undefined {
  const woff = font.toString('latin1', 0, 4) === 'wOFF';
  const count = font.readUInt16BE(woff ? 12 : 4);
  for (let i = 0; i < count; i++) {
    const entry = woff ? 44 + i * 20 : 12 + i * 16;
    if (font.toString('latin1', entry, entry + 4) !== tag) continue;
    const offset = font.readUInt32BE(entry + (woff ? 4 : 8));
    if (!woff) return font.subarray(offset, offset + font.readUInt32BE(entry + 12));
    const compressed = font.readUInt32BE(entry + 8);
    const length = font.readUInt32BE(entry + 12);
    const data = font.subarray(offset, offset + compressed);
    return compressed < length ? inflateSync(data) : data;
  }
  return undefined;
}

export function mappedCodePoints(font: Buffer): Set<number> {
  const cmap = table(font, 'cmap');
  if (!cmap) throw new Error('font has no cmap table');
  const points = new Set<number>();
  const subtables = cmap.readUInt16BE(2);
  // Prefer a full-repertoire subtable (format 12); else the BMP one (format 4).
  const offsets = Array.from({ length: subtables }, (_, i) => cmap.readUInt32BE(4 + i * 8 + 4));
  const format12 = offsets.find((offset) => cmap.readUInt16BE(offset) === 12);
  if (format12 !== undefined) {
    const groups = cmap.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + g * 12;
      const start = cmap.readUInt32BE(at);
      const end = cmap.readUInt32BE(at + 4);
      const glyph = cmap.readUInt32BE(at + 8);
      for (let point = start; point <= end; point++) if (glyph + (point - start) > 0) points.add(point);
    }
    return points;
  }
  const format4 = offsets.find((offset) => cmap.readUInt16BE(offset) === 4);
  if (format4 === undefined) throw new Error('font has no cmap subtable of format 4 or 12');
  const segments = cmap.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = cmap.readUInt16BE(starts + s * 2);
    const end = cmap.readUInt16BE(ends + s * 2);
    const delta = cmap.readInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let point = start; point <= end && point !== 0xffff; point++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (point + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (point - start) * 2;
        glyph = cmap.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(point);
    }
  }
  return points;
}
