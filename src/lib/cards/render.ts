/**
 * The renderer: a card spec → PNG, through the template, satori (layout and
 * text to SVG paths) and resvg (SVG to PNG). It runs in the card workers and
 * in `astro dev`; fonts are read once per process.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { initials } from '../labels.ts';
import { presentationForms } from './arabic.ts';
import { type SatoriFont, fontIndex } from './fonts.ts';
import type { AssetRef, CardSpec } from './spec.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardView, cardElement } from './template.ts';
import { indexedPng } from './indexed-png.ts';
import { paintable } from './svg.ts';
import { direction, drawable } from './text.ts';

/** Test hook: draw as if these packages were not installed (the test that the Arabic font draws the Arabic card). */
export interface RenderOptions {
  withoutPackages?: readonly string[];
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

/** The words of a spec as the card draws them: NFC (so accents are whole glyphs), only what the fonts draw. */
function cleaner(options: RenderOptions) {
  const index = fontIndex();
  const without = new Set(options.withoutPackages ?? []);
  const canDraw = without.size
    ? (point: number) => (index.faceFor(point, (faces) => faces.filter((f) => !without.has(f.pkg))) ?? null) !== null
    : (point: number) => index.canDraw(point);
  return (value: string | undefined) => (value === undefined ? undefined : drawable(value.normalize('NFC'), canDraw).text || undefined);
}

/** What the template draws for a spec (text the fonts can draw, images inlined), and the fonts it needs. */
export async function cardView(spec: CardSpec, options: RenderOptions = {}): Promise<{ view: CardView; fonts: SatoriFont[] }> {
  const clean = cleaner(options);
  const title = clean(spec.title) ?? clean(spec.brand.hub) ?? '';
  const body = clean(spec.text);
  const name = clean(spec.person?.name) ?? '';
  const person = spec.person && {
    name,
    role: clean(spec.person.role),
    initials: initials(name) || '·',
    avatar: spec.person.avatar && (await dataUri(spec.person.avatar, 480, 'cover')),
  };
  const eyebrow = clean(spec.eyebrow) ?? '';
  const footer = clean(spec.footer) ?? '';
  const index = fontIndex();
  const faces = index.facesFor([eyebrow, title, body ?? '', person?.name ?? '', person?.role ?? '', person?.initials ?? '', footer]);
  // Arabic in joined forms (arabic.ts explains why satori needs them), once the fonts are chosen from the letters themselves.
  const shaped = <T extends string | undefined>(value: T): T => (value === undefined ? value : (presentationForms(value) as T));
  const view: CardView = {
    layout: spec.layout,
    eyebrow: shaped(eyebrow),
    title: shaped(title),
    text: shaped(body),
    person: person && { ...person, name: shaped(person.name), role: shaped(person.role), initials: shaped(person.initials) },
    brand: {
      name: shaped(footer),
      primary: spec.brand.primary,
      accent: spec.brand.accent,
      logo: spec.brand.logo && (await dataUri(spec.brand.logo, 112, 'contain')),
    },
    dir: direction(`${title} ${body ?? ''}`),
    fontFamily: faces.map((face) => face.file).join(', '),
  };
  return { view, fonts: index.fonts(faces) };
}

/**
 * The card as SVG. With `embedFont: false` text stays `<text x y width height>`,
 * which is how tests measure where every word was laid out.
 */
export async function cardSvg(spec: CardSpec, options: { embedFont?: boolean } & RenderOptions = {}): Promise<string> {
  const { view, fonts } = await cardView(spec, options);
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
 * about 4 KB instead of the card's 20 (both with a palette).
 */
export async function renderCardAndThumb(spec: CardSpec): Promise<{ card: Buffer; thumb: Buffer }> {
  const svg = paintable(await cardSvg(spec));
  return { card: await encode(svg, { mode: 'original' }), thumb: await encode(svg, { mode: 'width', value: THUMB_WIDTH }) };
}

/**
 * The card as a 1200×630 PNG. resvg paints it. A card has a few hundred
 * colours at most (brand colours, text and its antialiasing), so it is
 * written with a palette, pixel for pixel the same, in about half the bytes
 * of opaque RGB (indexed-png.ts); a card with more colours (a photo) is
 * encoded by libvips (sharp) as opaque RGB at zlib level 4, about a fifth
 * smaller than resvg's own RGBA (npm run bench:cards; docs/benchmarks.md).
 */
export async function renderCard(spec: CardSpec, options: RenderOptions = {}): Promise<Buffer> {
  return encode(paintable(await cardSvg(spec, options)), { mode: 'original' });
}

async function encode(svg: string, fitTo: ResvgRenderOptions['fitTo']): Promise<Buffer> {
  const image = new Resvg(svg, { fitTo, font: { loadSystemFonts: false } }).render();
  return (
    indexedPng(image.pixels, image.width, image.height) ??
    sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
      .removeAlpha()
      .png({ compressionLevel: 4 })
      .toBuffer()
  );
}
