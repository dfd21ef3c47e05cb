/**
 * Satori's SVG made cheaper to paint, drawing the same pixels.
 *
 * Satori gives every box with `overflow: hidden` (each text box, each image)
 * a clip path and, on top of it, a mask that is an opaque white rectangle
 * of the same box. resvg paints each of them into a layer of its own, which
 * was about a third of resvg's time per card (docs/benchmarks.md, "Faster
 * cards"), though most change no pixel:
 * - the mask, where its rectangle holds the element's clip box: inside the
 *   clip it lets everything through (`withoutRedundantMasks`);
 * - the clip of a text whose every point lies inside the clip rectangle, as
 *   it does unless a line was cut (`withoutNoOpClips`).
 * Only those are dropped; a text that reaches past its box keeps its clip.
 * tests/unit/cards-reference.test.ts compares the cards pixel by pixel with
 * those drawn before.
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
/** A clip path of one rectangle. */
const RECT_CLIP = new RegExp(`<clipPath id="([^"]+)"><rect ${BOX}/></clipPath>`, 'g');
/** A group that only clips paths (satori's text boxes). */
const CLIPPED_PATHS = /<g clip-path="url\(#([^)"]+)\)">((?:<path [^>]*\/>)+)<\/g>/g;
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

/**
 * Whether every point of the paths (satori's `<path … d="…"/>`) lies inside
 * `box`. Path data holding anything but absolute moves, lines, curves and
 * closes (M L Q C Z), plain decimals and separators counts as outside. A
 * scanner rather than a regular expression: a card has some 10,000 numbers.
 */
function pathsInside(paths: string, box: Box): boolean {
  const right = box.x + box.width;
  const bottom = box.y + box.height;
  for (const [, d] of paths.matchAll(/ d="([^"]*)"/g)) {
    const data = d!;
    let axis = 0; // 0: the next number is an x, 1: a y
    let i = 0;
    while (i < data.length) {
      const c = data.charCodeAt(i);
      if (c === 32 || c === 44 || c === 77 || c === 76 || c === 81 || c === 67 || c === 90) {
        i++; // space, comma, M, L, Q, C, Z
        continue;
      }
      let negative = false;
      if (c === 45) {
        negative = true;
        i++;
      }
      let value = 0;
      let digits = 0;
      let scale = 0;
      for (; i < data.length; i++) {
        const k = data.charCodeAt(i);
        if (k >= 48 && k <= 57) {
          value = value * 10 + (k - 48);
          digits++;
          if (scale) scale *= 10;
        } else if (k === 46 && !scale) scale = 1;
        else break;
      }
      if (!digits) return false; // a character this scanner does not know
      if (scale) value /= scale;
      if (negative) value = -value;
      if (axis === 0 ? value < box.x || value > right : value < box.y || value > bottom) return false;
      axis ^= 1;
    }
    if (axis !== 0) return false;
  }
  return true;
}

/** Unwraps the clipped text groups whose paths lie wholly inside their clip rectangle (whole pixels): the clip cuts nothing. */
export function withoutNoOpClips(svg: string): string {
  const clips = boxes(svg, RECT_CLIP);
  return svg.replace(CLIPPED_PATHS, (group: string, id: string, paths: string) => {
    const clip = clips.get(id);
    return clip && whole(clip) && pathsInside(paths, clip) ? paths : group;
  });
}

/** Both of the above: the SVG resvg paints. */
export function paintable(svg: string): string {
  return withoutNoOpClips(withoutRedundantMasks(svg));
}
