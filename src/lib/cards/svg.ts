/**
 * Satori's SVG made cheaper to paint, drawing the same pixels.
 *
 * Satori gives every box with `overflow: hidden` (each text box, each image)
 * a clip path and, on top of it, a mask that is an opaque white rectangle
 * of the same box. Inside the clip the mask lets everything through, so it
 * changes no pixel; but resvg paints every mask into a layer of its own the
 * size of the card, which was about a quarter of resvg's time per card
 * (docs/benchmarks.md, "Faster cards"). `withoutRedundantMasks` drops a mask
 * only where it is exactly that — one white rectangle holding the element's
 * clip box — and then the mask definitions nothing points to any more.
 * tests/unit/cards-reference.test.ts compares the cards pixel by pixel with
 * those drawn with the masks.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const NUMBER = '(-?[\\d.]+)';
const BOX = `x="${NUMBER}" y="${NUMBER}" width="${NUMBER}" height="${NUMBER}"`;
/** A mask that is one opaque white rectangle. */
const WHITE_RECT_MASK = new RegExp(`<mask id="([^"]+)"><rect ${BOX} fill="#fff"/></mask>`, 'g');
/** A clip path of one rectangle or one shape with its box (satori writes x, y, width and height on the rounded ones). */
const CLIP = new RegExp(`<clipPath id="([^"]+)"><(?:rect|path) ${BOX}[^>]*/></clipPath>`, 'g');
const MASK_REF = / mask="url\(#([^)"]+)\)"/g;
const CLIP_REF = / clip-path="url\(#([^)"]+)\)"/;

function boxes(svg: string, pattern: RegExp): Map<string, Box> {
  const found = new Map<string, Box>();
  for (const m of svg.matchAll(pattern)) found.set(m[1]!, { x: Number(m[2]), y: Number(m[3]), width: Number(m[4]), height: Number(m[5]) });
  return found;
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

const whole = (box: Box) => [box.x, box.y, box.width, box.height].every(Number.isInteger);

export function withoutRedundantMasks(svg: string): string {
  const masks = boxes(svg, WHITE_RECT_MASK);
  const clips = boxes(svg, CLIP);
  // Drop `mask="url(#m)"` from an element whose own clip box lies inside m's rectangle (whole pixels, so no edge is antialiased twice).
  let out = '';
  let from = 0;
  for (const m of svg.matchAll(MASK_REF)) {
    const mask = masks.get(m[1]!);
    const tagStart = svg.lastIndexOf('<', m.index);
    const tag = svg.slice(tagStart, svg.indexOf('>', m.index));
    const clip = clips.get(CLIP_REF.exec(tag)?.[1] ?? '');
    if (!mask || !clip || !whole(mask) || !inside(clip, mask)) continue;
    out += svg.slice(from, m.index);
    from = m.index + m[0].length;
  }
  out += svg.slice(from);
  // Then the white-rectangle masks no element uses.
  const used = new Set([...out.matchAll(MASK_REF)].map((m) => m[1]!));
  return out.replace(WHITE_RECT_MASK, (definition: string, id: string) => (used.has(id) ? definition : ''));
}
