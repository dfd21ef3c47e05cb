/**
 * The renderer: a card spec → PNG, through the template, satori (layout and
 * text to SVG paths) and resvg (SVG to PNG). It runs in the card workers and
 * in `astro dev`; fonts are read once per process.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { initials } from '../labels.ts';
import { type SatoriFont, drawableCodePoints, loadFonts } from './fonts.ts';
import type { AssetRef, CardSpec } from './spec.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardView, cardElement } from './template.ts';
import { paintable } from './svg.ts';
import { direction, drawable } from './text.ts';

let fonts: SatoriFont[] | undefined;
let drawableSet: ReadonlySet<number> | undefined;

function loaded(): { fonts: SatoriFont[]; canDraw: (codePoint: number) => boolean } {
  fonts ??= loadFonts();
  const set = (drawableSet ??= drawableCodePoints(fonts));
  return { fonts, canDraw: (codePoint) => set.has(codePoint) };
}

/**
 * Images made into data URIs in this process. A batch draws the hub's logo on
 * every card and a person's portrait on each of their articles: resizing a
 * PNG logo with sharp took about 5 ms a card, as much as encoding the card.
 * Keyed by everything that decides the bytes (and the file's size and time,
 * in case a file changes under a hash a test made up); the oldest go first.
 */
const uris = new Map<string, Promise<string>>();
const KEEP_URIS = 32;

/** An image file as a data URI satori can draw: SVG as it is, anything else as a PNG of `size` px (the web app's icons use it too). */
export async function dataUri(asset: AssetRef, size: number, fit: 'cover' | 'contain'): Promise<string> {
  const stat = statSync(asset.file);
  const key = JSON.stringify([asset.file, asset.sha256, stat.size, stat.mtimeMs, size, fit]);
  let uri = uris.get(key);
  if (!uri) {
    uri = imageUri(asset.file, size, fit);
    // A failure is not kept: the next card asks again (and reports it again).
    uri.catch(() => uris.delete(key));
    if (uris.size >= KEEP_URIS) uris.delete(uris.keys().next().value!);
    uris.set(key, uri);
  }
  return uri;
}

async function imageUri(file: string, size: number, fit: 'cover' | 'contain'): Promise<string> {
  if (path.extname(file).toLowerCase() === '.svg') return `data:image/svg+xml;base64,${readFileSync(file).toString('base64')}`;
  const png = await sharp(file)
    .resize(size, size, { fit, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** What the template draws for a spec: text the fonts can draw, images inlined. */
export async function cardView(spec: CardSpec): Promise<CardView> {
  const { canDraw } = loaded();
  const clean = (value: string | undefined) => (value === undefined ? undefined : drawable(value, canDraw).text || undefined);
  const title = clean(spec.title) ?? clean(spec.brand.hub) ?? '';
  const body = clean(spec.text);
  const person = spec.person && {
    name: clean(spec.person.name) ?? '',
    role: clean(spec.person.role),
    initials: initials(clean(spec.person.name) ?? '') || '·',
    avatar: spec.person.avatar && (await dataUri(spec.person.avatar, 480, 'cover')),
  };
  return {
    layout: spec.layout,
    eyebrow: clean(spec.eyebrow) ?? '',
    title,
    text: body,
    person,
    brand: {
      name: clean(spec.footer) ?? '',
      primary: spec.brand.primary,
      accent: spec.brand.accent,
      logo: spec.brand.logo && (await dataUri(spec.brand.logo, 112, 'contain')),
    },
    dir: direction(`${title} ${body ?? ''}`),
  };
}

/**
 * The card as SVG. With `embedFont: false` text stays `<text x y width height>`,
 * which is how tests measure where every word was laid out.
 */
export async function cardSvg(spec: CardSpec, options: { embedFont?: boolean } = {}): Promise<string> {
  const { fonts } = loaded();
  const view = await cardView(spec);
  return satori(cardElement(view) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    embedFont: options.embedFont ?? true,
    // Text was reduced to what the fonts draw; never look elsewhere for glyphs.
    loadAdditionalAsset: async () => [],
  });
}

/** Width of a card's thumbnail (search results show cards 144 CSS px wide). */
export const THUMB_WIDTH = 288;

/**
 * The card and its thumbnail as PNGs. The thumbnail is painted from the same
 * SVG at its own size (sharper and cheaper than scaling the card down):
 * about 10 KB instead of the card's 45.
 */
export async function renderCardAndThumb(spec: CardSpec): Promise<{ card: Buffer; thumb: Buffer }> {
  const svg = paintable(await cardSvg(spec));
  const thumb = new Resvg(svg, { fitTo: { mode: 'width', value: THUMB_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
  return { card: await encode(svg), thumb };
}

/**
 * The card as a 1200×630 PNG. resvg paints it; libvips (sharp) encodes it:
 * as opaque RGB at zlib level 4 the PNG is about a fifth smaller than resvg's
 * own RGBA encoding and takes about 5 ms less of the ~45 ms a card costs
 * (npm run bench:cards; docs/benchmarks.md).
 */
export async function renderCard(spec: CardSpec): Promise<Buffer> {
  return encode(paintable(await cardSvg(spec)));
}

async function encode(svg: string): Promise<Buffer> {
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render();
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 4 })
    .toBuffer();
}
