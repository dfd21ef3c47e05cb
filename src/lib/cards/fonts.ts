/**
 * The fonts share cards are drawn with: `.woff` files from `@fontsource`
 * packages in node_modules (nothing is fetched), and the set of characters
 * they can draw, so text outside it is left out instead of drawn as boxes.
 *
 * To draw another script, install its `@fontsource` package (exact version)
 * and add its subset files to FACES: every card is rendered again, because
 * the font files are part of the cache key. Check the result by eye first:
 * Noto Sans Arabic was tried and left out, because satori dropped the dots of
 * some letters (ة, final ي) in bold, which changes words (docs/share-cards.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import opentype from 'opentype.js';

export interface FontFace {
  /** The @fontsource package that ships the file. */
  pkg: string;
  /** File name under the package's files/ without `-<weight>-normal.woff`. */
  file: string;
  /** What the face adds, for the docs and the benchmark. */
  script: string;
}

/** Weights the template uses: regular for text, bold for titles. */
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

/** The first face is the card's main font; the others are fallbacks, asked in this order for missing glyphs. */
export const FACES: readonly FontFace[] = [
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-latin', script: 'Latin' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-ext', script: 'Latin (extended)' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-cyrillic', script: 'Cyrillic' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-cyrillic-ext', script: 'Cyrillic (extended)' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-greek', script: 'Greek' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-greek-ext', script: 'Greek (extended)' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-vietnamese', script: 'Vietnamese' },
  { pkg: '@fontsource/noto-sans', file: 'noto-sans-devanagari', script: 'Devanagari' },
  { pkg: '@fontsource/noto-sans-hebrew', file: 'noto-sans-hebrew-hebrew', script: 'Hebrew' },
];

/** The family name satori knows a face by; each subset is its own family so satori falls back between them. */
export function familyOf(face: FontFace): string {
  return face.file;
}

/** The font-family list of every text on a card. */
export const FONT_FAMILY = FACES.map(familyOf).join(', ');

/**
 * Absolute path of one face's file. `from` is a file inside the project, for
 * module resolution (the default is this module, which is right whenever it
 * runs unbundled: in the card workers, in `astro dev`, in tests).
 */
export function fontFile(face: FontFace, weight: Weight, from: string = import.meta.url): string {
  const require = createRequire(from);
  const root = path.dirname(require.resolve(`${face.pkg}/package.json`));
  return path.join(root, 'files', `${face.file}-${weight}-normal.woff`);
}

/** Every font file cards use, in a stable order (for the cache key). */
export function fontFiles(from?: string): string[] {
  return FACES.flatMap((face) => WEIGHTS.map((weight) => fontFile(face, weight, from)));
}

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: Weight;
  style: 'normal';
}

/** The fonts in satori's format; one array for the life of the process, as satori caches by identity. */
export function loadFonts(from?: string): SatoriFont[] {
  return FACES.flatMap((face) => WEIGHTS.map((weight) => ({ name: familyOf(face), data: readFileSync(fontFile(face, weight, from)), weight, style: 'normal' as const })));
}

interface ParsedFont {
  tables: { cmap: { glyphIndexMap: Record<string, number> } };
}

/**
 * The code points every weight can draw: a character is drawable when, at
 * both weights, some face has a glyph for it.
 */
export function drawableCodePoints(fonts: readonly SatoriFont[] = loadFonts()): ReadonlySet<number> {
  const perWeight = WEIGHTS.map((weight) => {
    const points = new Set<number>();
    for (const font of fonts.filter((f) => f.weight === weight)) {
      const parsed = opentype.parse(new Uint8Array(font.data).buffer) as unknown as ParsedFont;
      for (const [codePoint, glyph] of Object.entries(parsed.tables.cmap.glyphIndexMap)) if (glyph > 0) points.add(Number(codePoint));
    }
    return points;
  });
  const [first, ...rest] = perWeight;
  return new Set([...first!].filter((point) => rest.every((set) => set.has(point))));
}
