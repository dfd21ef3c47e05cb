/**
 * The fonts share cards are drawn with: `.woff` files from `@fontsource`
 * packages in node_modules (nothing is fetched), which of them a card needs,
 * and the characters they can draw.
 *
 * Each package ships its font cut into files by Unicode range (a "subset";
 * the CJK fonts in about a hundred slices of a few hundred characters each),
 * and says which range each file holds in its `unicode.json`. A card loads
 * only the files its text needs: an English card reads Noto Sans' Latin
 * file, a card with a Chinese name also the two or three slices that hold
 * its characters. Whether a file really has a glyph is read from its
 * character map (cmap), at both weights, so "drawable" is exact.
 *
 * To draw another script, add its package to PACKAGES (docs/share-cards.md,
 * "Adding a font"). Each card's cache key holds the hashes of the files it
 * uses, so the cards whose fonts change are drawn again, and no other.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mappedCodePoints } from './cmap.ts';

/** Weights the template uses: regular for text, bold for titles. */
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

export interface FontPackage {
  /** The @fontsource package, installed with an exact version. */
  pkg: string;
  /** What it adds, for the docs and messages. */
  script: string;
  /** Its subsets the cards use, in the order they are asked for glyphs; `slices` takes the numbered ones ("[0]" … "[119]"). */
  subsets: readonly string[] | 'slices';
  /** Han characters: the CJK fonts draw them in their own region's style (see `cjkOrder`). */
  cjk?: 'sc' | 'jp' | 'kr';
}

/**
 * The packages, in the order they are asked for a glyph. The first file of
 * the first package (Noto Sans, Latin) is every card's main font: its
 * metrics set the lines, and every card loads it.
 */
export const PACKAGES: readonly FontPackage[] = [
  {
    pkg: '@fontsource/noto-sans',
    script: 'Latin, Cyrillic, Greek, Vietnamese, Devanagari',
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese', 'devanagari'],
  },
  { pkg: '@fontsource/noto-sans-hebrew', script: 'Hebrew', subsets: ['hebrew'] },
  { pkg: '@fontsource/noto-sans-arabic', script: 'Arabic', subsets: ['arabic'] },
  { pkg: '@fontsource/noto-sans-sc', script: 'Chinese (Simplified)', subsets: 'slices', cjk: 'sc' },
  { pkg: '@fontsource/noto-sans-jp', script: 'Japanese', subsets: 'slices', cjk: 'jp' },
  { pkg: '@fontsource/noto-sans-kr', script: 'Korean', subsets: 'slices', cjk: 'kr' },
];

/** One font file (at each weight): a subset of one package. */
export interface FontFace {
  pkg: string;
  /** File name under the package's files/ without `-<weight>-normal.woff`, e.g. `noto-sans-latin`, `noto-sans-sc-42`; also satori's family name. */
  file: string;
  cjk?: FontPackage['cjk'];
  /** Position in the global order (PACKAGES, then subsets). */
  rank: number;
}

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: Weight;
  style: 'normal';
}

/** `U+0600-06FF,U+200C` → [[0x600, 0x6ff], [0x200c, 0x200c]]. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

/**
 * The font files of PACKAGES and what they draw. One per process (and per
 * project root: `from` is a file inside the project, for module resolution).
 */
export class FontIndex {
  readonly faces: FontFace[] = [];
  /** Code point → the faces whose declared range holds it, in rank order. */
  private readonly candidates = new Map<number, FontFace[]>();
  private readonly roots = new Map<string, string>();
  private readonly cmaps = new Map<string, ReadonlySet<number>>();
  private readonly bytes = new Map<string, Buffer>();
  private readonly hashes = new Map<string, string>();
  private readonly loaded = new Map<string, SatoriFont[]>();

  constructor(from: string = import.meta.url) {
    const require = createRequire(from);
    for (const entry of PACKAGES) {
      const root = path.dirname(require.resolve(`${entry.pkg}/package.json`));
      this.roots.set(entry.pkg, root);
      const ranges = JSON.parse(readFileSync(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
      const stem = entry.pkg.split('/')[1]!;
      const subsets =
        entry.subsets === 'slices'
          ? Object.keys(ranges)
              .filter((name) => /^\[\d+\]$/.test(name))
              .sort((a, b) => Number(a.slice(1, -1)) - Number(b.slice(1, -1)))
          : entry.subsets;
      for (const subset of subsets) {
        const range = ranges[subset];
        if (!range) throw new Error(`${entry.pkg} has no subset "${subset}" (its unicode.json lists ${Object.keys(ranges).join(', ')})`);
        const face: FontFace = { pkg: entry.pkg, file: `${stem}-${subset.replace(/^\[(\d+)\]$/, '$1')}`, cjk: entry.cjk, rank: this.faces.length };
        this.faces.push(face);
        for (const [start, end] of parseUnicodeRange(range)) {
          for (let point = start; point <= end; point++) {
            const list = this.candidates.get(point);
            if (list) list.push(face);
            else this.candidates.set(point, [face]);
          }
        }
      }
    }
  }

  /** Every card's first font. */
  get main(): FontFace {
    return this.faces[0]!;
  }

  fileOf(face: FontFace, weight: Weight): string {
    return path.join(this.roots.get(face.pkg)!, 'files', `${face.file}-${weight}-normal.woff`);
  }

  private read(file: string): Buffer {
    let data = this.bytes.get(file);
    if (!data) {
      data = readFileSync(file);
      this.bytes.set(file, data);
    }
    return data;
  }

  /** The code points a face has a glyph for at both weights. */
  private cmap(face: FontFace): ReadonlySet<number> {
    let points = this.cmaps.get(face.file);
    if (!points) {
      const [regular, ...others] = WEIGHTS.map((weight) => mappedCodePoints(this.read(this.fileOf(face, weight))));
      points = new Set([...regular!].filter((point) => others.every((set) => set.has(point))));
      this.cmaps.set(face.file, points);
    }
    return points;
  }

  /** The face that draws `point` (the first in `order` that has it), if any. */
  faceFor(point: number, order: (faces: FontFace[]) => FontFace[] = (faces) => faces): FontFace | undefined {
    const list = this.candidates.get(point);
    return list && order(list).find((face) => this.cmap(face).has(point));
  }

  canDraw(point: number): boolean {
    return this.faceFor(point) !== undefined;
  }

  /** Every code point some face draws at both weights, as sorted [first, last] ranges (the CMS's save check). */
  drawableRanges(): [number, number][] {
    const ranges: [number, number][] = [];
    for (const point of [...this.candidates.keys()].sort((a, b) => a - b)) {
      if (!this.canDraw(point)) continue;
      const last = ranges.at(-1);
      if (last && last[1] === point - 1) last[1] = point;
      else ranges.push([point, point]);
    }
    return ranges;
  }

  /**
   * The faces that draw `texts`, main font first, then in rank order (the
   * CJK packages in the order `cjkOrder` gives for these texts). Characters
   * no face draws are skipped: leaving them out is the caller's business.
   */
  facesFor(texts: readonly string[]): FontFace[] {
    const all = texts.join(' ');
    const order = cjkOrder(all);
    const arrange = (faces: FontFace[]) => (faces.some((face) => face.cjk) ? [...faces].sort((a, b) => sortKey(a, order) - sortKey(b, order)) : faces);
    const needed = new Set<FontFace>([this.main]);
    for (const char of all) {
      if (/\s/u.test(char)) continue;
      const face = this.faceFor(char.codePointAt(0)!, arrange);
      if (face) needed.add(face);
    }
    return [...needed].sort((a, b) => sortKey(a, order) - sortKey(b, order));
  }

  /** satori's fonts for `faces`: one array per set of faces, kept for the life of the process, as satori caches its parsed fonts by the array. */
  fonts(faces: readonly FontFace[]): SatoriFont[] {
    const key = faces.map((face) => face.file).join(',');
    let fonts = this.loaded.get(key);
    if (!fonts) {
      fonts = faces.flatMap((face) => WEIGHTS.map((weight) => ({ name: face.file, data: this.read(this.fileOf(face, weight)), weight, style: 'normal' as const })));
      // CJK cards can need many different sets: keep the latest 48.
      if (this.loaded.size >= 48) this.loaded.delete(this.loaded.keys().next().value!);
      this.loaded.set(key, fonts);
    }
    return fonts;
  }

  /**
   * What the choice of faces and their identity rest on (the packages, as
   * their package.json files say, the faces they give, and each font file's
   * size and time): a card's fonts remembered under the same signature are
   * what `facesFor` and `identity` would give.
   */
  signature(): string {
    const hash = createHash('sha256').update(JSON.stringify(this.faces));
    for (const [pkg, root] of this.roots) hash.update(`${pkg}\n`).update(readFileSync(path.join(root, 'package.json')));
    for (const face of this.faces)
      for (const weight of WEIGHTS) {
        const file = statSync(this.fileOf(face, weight), { throwIfNoEntry: false });
        hash.update(`${face.file} ${weight} ${file?.size ?? '-'} ${file?.mtimeMs ?? '-'}\n`);
      }
    return hash.digest('base64url');
  }

  /** The hash of the files of `faces` (both weights): part of a card's cache key. */
  identity(faces: readonly FontFace[]): string {
    const hash = createHash('sha256');
    for (const face of faces) {
      for (const weight of WEIGHTS) {
        const file = this.fileOf(face, weight);
        let digest = this.hashes.get(file);
        if (!digest) {
          digest = createHash('sha256').update(this.read(file)).digest('hex');
          this.hashes.set(file, digest);
        }
        hash.update(face.file).update(digest);
      }
    }
    return hash.digest('hex');
  }
}

/**
 * The CJK packages in the order a text's Han characters should be drawn in:
 * Japanese style when the text has kana, Korean when it has Hangul,
 * Simplified Chinese otherwise (Han characters look different in each
 * region; the kana or Hangul around them tell which region the text is from).
 */
export function cjkOrder(text: string): readonly NonNullable<FontPackage['cjk']>[] {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return ['jp', 'sc', 'kr'];
  if (/\p{Script=Hangul}/u.test(text)) return ['kr', 'sc', 'jp'];
  return ['sc', 'jp', 'kr'];
}

function sortKey(face: FontFace, order: readonly string[]): number {
  if (!face.cjk) return face.rank;
  // CJK faces after every other face, by package in `order`, then by slice.
  return 1e6 * (1 + order.indexOf(face.cjk)) + face.rank;
}

let shared: FontIndex | undefined;

/** The process's font index (the renderer's and the content check's). */
export function fontIndex(): FontIndex {
  shared ??= new FontIndex();
  return shared;
}

/** Whether some card font draws `point`, at both weights. */
export function canDraw(point: number): boolean {
  return fontIndex().canDraw(point);
}

/** The code points the card fonts draw, as sorted [first, last] ranges: what Decap's save check draws with. */
export function drawableRanges(): [number, number][] {
  return fontIndex().drawableRanges();
}
