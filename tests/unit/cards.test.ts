/**
 * Share cards: every script the hub publishes is drawn (Arabic joined, right
 * to left, with every dot; CJK from the slices a card needs), text no font
 * draws is a content error and left out of the card (never tofu), emoji are
 * left out with a warning, long titles and names stay inside the card
 * (measured on satori's layout and on the PNG's pixels), avatars are drawn,
 * and the cache key follows the content and the card's font files.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import opentype from 'opentype.js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardFonts, cardKey, rememberedFonts, renderCards } from '../../src/lib/cards/batch.ts';
import { presentationForms, presentationFormPoints } from '../../src/lib/cards/arabic.ts';
import { mappedCodePoints } from '../../src/lib/cards/cmap.ts';
import { FontIndex, fontIndex } from '../../src/lib/cards/fonts.ts';
import { cardSvg, renderCard } from '../../src/lib/cards/render.ts';
import type { CardSpec } from '../../src/lib/cards/spec.ts';
import { CARD_HEIGHT, CARD_WIDTH, SAFE_MARGIN, STRIPE } from '../../src/lib/cards/template.ts';
import { codePoints, direction, drawable } from '../../src/lib/cards/text.ts';
import { parseHex } from '../../src/lib/color.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkContent } from '../../src/content/check.ts';
import { treeWith } from '../support/fixtures.ts';

const PRIMARY = '#0b5563';
const brand: CardSpec['brand'] = { hub: 'Tidewater Voices', primary: PRIMARY, accent: '#f2a541' };

function card(fields: Partial<CardSpec>): CardSpec {
  return { id: 'articles/test', layout: 'entry', eyebrow: 'Article · 2 October 2026', title: 'A title', footer: 'Tidewater Voices', brand, ...fields };
}

const TITLE_300 =
  'How a heat pump keeps a 1960s terraced house warm through a week of frost, what our installers changed in the first winter, and why the neighbours asked for the same radiators, the same controls and the same patient explanation of flow temperatures, defrost cycles and quiet nights '
    .repeat(2)
    .slice(0, 300);
const CYRILLIC_NAME = 'Александра Константиновна Преображенская-Верхнедвинская';

interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** Every word satori laid out: `<text x y width height>` when fonts are not embedded. */
async function textBoxes(spec: CardSpec): Promise<TextBox[]> {
  const svg = await cardSvg(spec, { embedFont: false });
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    text: m[5]!.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&'),
  }));
}

function expectInside(boxes: TextBox[]) {
  const inked = boxes.filter((box) => box.text.trim() !== '');
  expect(inked.length).toBeGreaterThan(0);
  for (const box of inked) {
    // y is the baseline; the box reaches one line height above it at most.
    expect(box.x, box.text).toBeGreaterThanOrEqual(SAFE_MARGIN);
    expect(box.x + box.width, box.text).toBeLessThanOrEqual(CARD_WIDTH - SAFE_MARGIN);
    expect(box.y - box.height, box.text).toBeGreaterThanOrEqual(SAFE_MARGIN - box.height * 0.5);
    expect(box.y, box.text).toBeLessThanOrEqual(CARD_HEIGHT - STRIPE);
  }
}

/** Pixels outside the safe area (left, top and right bands) that are not the background colour. */
async function inkInMargins(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  const [r, g, b] = parseHex(PRIMARY);
  const band = SAFE_MARGIN - 8;
  let ink = 0;
  for (let y = 0; y < CARD_HEIGHT - STRIPE; y++) {
    for (let x = 0; x < CARD_WIDTH; x++) {
      if (x >= band && x < CARD_WIDTH - band && y >= band) continue;
      const i = (y * info.width + x) * info.channels;
      if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) > 6) ink++;
    }
  }
  return ink;
}

describe('drawable text', () => {
  const canDraw = (codePoint: number) => fontIndex().canDraw(codePoint);

  it('keeps Latin, Cyrillic, Greek, Vietnamese, Devanagari, Hebrew, Arabic, Chinese, Japanese and Korean', () => {
    for (const text of [
      'Ærøskøbing façade',
      CYRILLIC_NAME,
      'Καλημέρα κόσμε',
      'Tiếng Việt',
      'नमस्ते दुनिया',
      'שלום עולם',
      '“Quotes” – dashes…',
      'مرحبا بالعالم',
      '世界你好',
      '静かなヒートポンプ',
      '조용한 히트 펌프',
    ]) {
      expect(drawable(text, canDraw)).toEqual({ text, omitted: [], emoji: [] });
    }
  });

  it('leaves out what no bundled font draws (Thai), and emoji apart, whole graphemes at a time', () => {
    expect(drawable('Hello 世界 and 🎉 สวัสดี end', canDraw)).toEqual({
      text: 'Hello 世界 and end',
      omitted: ['ส', 'วั', 'ดี'],
      emoji: ['🎉'],
    });
    expect(drawable('👩‍👩‍👧 family 🏳️‍🌈 👍🏽', canDraw)).toEqual({ text: 'family', omitted: [], emoji: ['👩‍👩‍👧', '🏳️‍🌈', '👍🏽'] });
    // Pictographs a text font draws are text.
    expect(drawable('© 2026 ™', canDraw)).toEqual({ text: '© 2026 ™', omitted: [], emoji: [] });
    // Bidi isolates draw nothing and are not reported.
    expect(drawable('مقال \u2066Ana\u2069', canDraw)).toEqual({ text: 'مقال Ana', omitted: [], emoji: [] });
  });

  it('draws every interface string of every language (the eyebrows of cards come from them)', () => {
    const dir = path.resolve(import.meta.dirname, '../../src/i18n');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const strings = Object.values(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
      const omitted = strings.flatMap((text) => drawable(text, canDraw).omitted);
      expect(omitted, file).toEqual([]);
    }
  });

  it('puts text on one line', () => {
    expect(drawable('two\nlines\t here', canDraw).text).toBe('two lines here');
  });

  it('knows right-to-left text by its first letter', () => {
    expect(direction('שלום world')).toBe('rtl');
    expect(direction('2026: مرحبا')).toBe('rtl');
    expect(direction('Hello مرحبا')).toBe('ltr');
  });

  it('names code points', () => {
    expect(codePoints('ก')).toBe('U+0E01');
    expect(codePoints('😀')).toBe('U+1F600');
  });
});

describe('Arabic in joined forms (satori places the dots of Noto Sans Arabic upside down otherwise)', () => {
  it('gives each letter the form of its place in the word, lam-alef as one ligature, in logical order', () => {
    // في المدينة لا: feh initial + yeh final; alef isolated, lam initial, meem medial, dal final, yeh initial, noon medial, teh marbuta final; lam-alef isolated.
    expect(codePoints(presentationForms('في المدينة لا'))).toBe('U+FED3 U+FEF2 U+0020 U+FE8D U+FEDF U+FEE4 U+FEAA U+FEF3 U+FEE8 U+FE94 U+0020 U+FEFB');
    // A harakah between letters keeps them joined; a non-joining letter (reh) breaks the word; ZWNJ breaks it too.
    expect(codePoints(presentationForms('بَب'))).toBe('U+FE91 U+064E U+FE90');
    expect(codePoints(presentationForms('برب'))).toBe('U+FE91 U+FEAE U+FE8F');
    expect(codePoints(presentationForms('ب\u200Cب'))).toBe('U+FE8F U+200C U+FE8F');
    // Persian letters (Presentation Forms-A): peh initial + final.
    expect(codePoints(presentationForms('پپ'))).toBe('U+FB58 U+FB57');
    expect(presentationForms('Hello שלום 2026')).toBe('Hello שלום 2026');
  });

  it('writes only forms the Arabic font draws, at both weights', () => {
    const index = new FontIndex();
    const arabic = index.faces.find((face) => face.file === 'noto-sans-arabic-arabic')!;
    const missing = presentationFormPoints().filter((point) => index.faceFor(point) !== arabic);
    expect(missing.map((p) => p.toString(16))).toEqual([]);
  });
});

describe('card layout', () => {
  it('shortens a 300-character title with an ellipsis and keeps every word inside the card', async () => {
    const boxes = await textBoxes(
      card({ title: TITLE_300, text: TITLE_300, person: { name: CYRILLIC_NAME, role: 'Инженер по эксплуатации тепловых насосов и систем отопления' } }),
    );
    expectInside(boxes);
    const drawn = boxes.map((b) => b.text).join('');
    expect(drawn).toContain('…');
    expect(drawn.length).toBeLessThan(TITLE_300.length * 2);
    expect(drawn).toContain('Александра'); // drawn, not dropped
  });

  it('keeps a long Cyrillic name inside a person card', async () => {
    const boxes = await textBoxes(
      card({ id: 'people/x', layout: 'person', title: `${CYRILLIC_NAME} ${CYRILLIC_NAME}`, text: 'Инженер', person: { name: CYRILLIC_NAME } }),
    );
    expectInside(boxes);
    expect(boxes.map((b) => b.text).join('')).toMatch(/Преображенская/);
  });

  it('breaks a word longer than the card instead of letting it run off', async () => {
    expectInside(await textBoxes(card({ title: 'x'.repeat(200), footer: 'y'.repeat(120) })));
  });

  it('draws nothing but the background in the margins of the PNG', async () => {
    const png = await renderCard(card({ title: TITLE_300, text: TITLE_300, person: { name: CYRILLIC_NAME, role: CYRILLIC_NAME } }));
    expect(await inkInMargins(png)).toBe(0);
  });

  it('draws no boxes for what no font draws: the card is the one without it', async () => {
    const withThai = await renderCard(card({ title: 'Hello 🎉', text: 'สวัสดี' }));
    const without = await renderCard(card({ title: 'Hello' }));
    expect(Buffer.compare(withThai, without)).toBe(0);
  });

  it('shows an avatar when there is one, and initials otherwise', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-avatar-'));
    try {
      const file = path.join(dir, 'ana.webp');
      await sharp({ create: { width: 300, height: 300, channels: 3, background: '#cc3366' } })
        .webp()
        .toFile(file);
      const person = { name: 'Ana López', role: 'Field Engineer' };
      const initials = await renderCard(card({ person }));
      const photo = await renderCard(card({ person: { ...person, avatar: { file, sha256: 'test' } } }));
      expect(Buffer.compare(initials, photo)).not.toBe(0);
      // The avatar's colour is on the card, at the byline.
      const { data, info } = await sharp(photo).raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
      const avatarPixel = Array.from({ length: 200 }, (_, y) => at(108, 400 + y)).some(([r, g, b]) => r! > 190 && g! < 70 && b! > 80);
      expect(avatarPixel).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws an SVG avatar without running it or letting it pull another file of the machine into the card', async () => {
    // The content check refuses such an SVG (tests/unit/image-check.test.ts); `astro dev` still draws cards
    // of entries whose images have errors, so the renderer must not be a way round it: satori nests the
    // SVG as a data: image, and resvg neither runs script nor loads files named inside a nested SVG.
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-avatar-'));
    try {
      const secret = path.join(dir, 'secret.png');
      await sharp({ create: { width: 50, height: 50, channels: 3, background: '#00ff00' } })
        .png()
        .toFile(secret);
      const avatar = path.join(dir, 'avatar.svg');
      writeFileSync(
        avatar,
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#cc3366"/><image href="${secret}" width="100" height="100"/><image href="file://${secret}" width="100" height="100"/><script>document.title = 'ran'</script></svg>`,
      );
      const png = await renderCard(card({ person: { name: 'Ana López', avatar: { file: avatar, sha256: 'test' } } }));
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      let green = 0;
      let avatarColour = 0;
      for (let i = 0; i < data.length; i += info.channels) {
        if (data[i]! < 40 && data[i + 1]! > 220 && data[i + 2]! < 40) green++;
        if (data[i]! > 190 && data[i + 1]! < 70 && data[i + 2]! > 80) avatarColour++;
      }
      expect(avatarColour).toBeGreaterThan(100);
      expect(green).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Rows of a PNG (1200×630) that hold ink: pixels far from the background PRIMARY. */
async function inkRows(png: Buffer): Promise<{ top: number; bottom: number; pixels: Buffer }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = parseHex(PRIMARY);
  let top = Infinity;
  let bottom = -1;
  // Only the middle of the card: the eyebrow, the title and the text (not the footer).
  for (let y = 120; y < 460; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) > 120) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return { top, bottom, pixels: data };
}

function differingPixels(a: Buffer, b: Buffer): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 3) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 120) count++;
  return count;
}

describe('cards in every script', () => {
  const arabic = card({ eyebrow: 'جاهز للمشاركة', title: 'مضخة حرارية هادئة في المدينة', text: 'هل جربت واحدة في الشتاء؟', footer: 'أصوات المد' });

  it('draws the Arabic glyphs: the Arabic card differs from the same card drawn without the Arabic font', async () => {
    const drawn = await renderCard(arabic);
    const withoutFont = await renderCard(arabic, { withoutPackages: ['@fontsource/noto-sans-arabic'] });
    const blank = await renderCard(card({ eyebrow: '', title: '', text: undefined, footer: '' }));
    const [a, b, c] = await Promise.all([drawn, withoutFont, blank].map(inkRows));
    // Without the font the Arabic is left out (no tofu): the title falls back to the hub's name.
    expect(differingPixels(a!.pixels, b!.pixels)).toBeGreaterThan(20_000);
    expect(differingPixels(a!.pixels, c!.pixels)).toBeGreaterThan(20_000);
  });

  // The dots satori misplaced (docs/share-cards.md): below a final ي (versus ى, which has none), above ة (versus ه), in bold (titles) and regular (text).
  for (const [field, fontWeight] of [
    ['title', 700],
    ['text', 400],
  ] as const) {
    it(`keeps every dot at weight ${fontWeight}: ي has its dots below the line, ة its dots above`, async () => {
      const draw = (words: string) => renderCard(card(field === 'title' ? { title: words, eyebrow: '' } : { title: '', eyebrow: '', text: words }));
      const [yeh, maksura, marbuta, heh] = await Promise.all(['في', 'فى', 'مدرسة', 'مدرسه'].map(async (words) => inkRows(await draw(words))));
      // The two dots below ي reach lower than anything of ى.
      expect(yeh!.bottom - maksura!.bottom).toBeGreaterThan(fontWeight === 700 ? 10 : 3);
      // The two dots of ة are drawn, apart from the letter (not hidden inside it).
      expect(differingPixels(marbuta!.pixels, heh!.pixels)).toBeGreaterThan(fontWeight === 700 ? 150 : 10);
    });
  }

  it('orders Arabic right to left: the first word of the title is at the right', async () => {
    const boxes = await textBoxes(card({ title: 'مرحبا بالعالم', eyebrow: '', footer: '' }));
    const first = boxes.find((box) => box.text.includes(presentationForms('مرحبا')));
    const second = boxes.find((box) => box.text.includes(presentationForms('بالعالم')));
    expect(first && second).toBeTruthy();
    expect(first!.x).toBeGreaterThan(second!.x);
  });

  it("draws a Chinese colleague's name on an English card, with the CJK font slices loaded for that card only", async () => {
    const english = card({ person: { name: 'Samuel Adeyemi', role: 'Field Engineer' } });
    const chinese = card({ person: { name: '王小明', role: 'Field Engineer' } });
    const boxes = await textBoxes(chinese);
    expect(boxes.map((box) => box.text).join('')).toContain('王小明');
    const index = fontIndex();
    const facesOf = (spec: CardSpec) =>
      index.facesFor([spec.eyebrow, spec.title, spec.text ?? '', spec.person?.name ?? '', spec.person?.role ?? '', spec.footer]).map((face) => face.file);
    expect(facesOf(english)).toEqual(['noto-sans-latin']);
    expect(facesOf(chinese)[0]).toBe('noto-sans-latin');
    expect(
      facesOf(chinese)
        .slice(1)
        .every((file) => /^noto-sans-sc-\d+$/.test(file)),
    ).toBe(true);
    // Drawn: the card differs from the same card whose name is left out for want of the CJK fonts.
    const withoutCjk = await renderCard(chinese, { withoutPackages: ['@fontsource/noto-sans-sc', '@fontsource/noto-sans-jp', '@fontsource/noto-sans-kr'] });
    expect(Buffer.compare(await renderCard(chinese), withoutCjk)).not.toBe(0);
  });

  it('draws Han characters in Japanese style next to kana, Korean next to Hangul', () => {
    const index = fontIndex();
    const packagesOf = (text: string) =>
      new Set(
        index
          .facesFor([text])
          .slice(1)
          .map((face) => face.pkg),
      );
    expect(packagesOf('日本')).toEqual(new Set(['@fontsource/noto-sans-sc']));
    expect(packagesOf('日本のカード')).toEqual(new Set(['@fontsource/noto-sans-jp']));
    expect(packagesOf('日本 카드')).toEqual(new Set(['@fontsource/noto-sans-kr']));
  });
});

describe('the cmap reader', () => {
  it('finds the same code points as opentype.js, in Latin, Arabic and CJK files', () => {
    const index = new FontIndex();
    for (const file of ['noto-sans-latin', 'noto-sans-arabic-arabic', 'noto-sans-sc-42', 'noto-sans-kr-110']) {
      const face = index.faces.find((f) => f.file === file)!;
      const data = readFileSync(index.fileOf(face, 700));
      const parsed = opentype.parse(new Uint8Array(data).buffer) as unknown as { tables: { cmap: { glyphIndexMap: Record<string, number> } } };
      const expected = Object.entries(parsed.tables.cmap.glyphIndexMap)
        .filter(([, glyph]) => glyph > 0)
        .map(([point]) => Number(point))
        .sort((a, b) => a - b);
      expect(
        [...mappedCodePoints(data)].sort((a, b) => a - b),
        file,
      ).toEqual(expected);
    }
  });
});

describe('cache key', () => {
  it('holds the font files the card needs: a CJK name changes them, an English card has only the Latin file', () => {
    const index = new FontIndex();
    const english = card({ person: { name: 'Samuel Adeyemi' } });
    expect(cardFonts(english, index)).toBe(index.identity(index.facesFor(['Samuel'])));
    expect(cardFonts(english, index)).not.toBe(cardFonts(card({ person: { name: '王小明' } }), index));
  });

  const base = card({ brand: { ...brand, logo: { file: '/a/logo.svg', sha256: 'aaa' } } });
  it('changes with what the card shows', () => {
    expect(cardKey(base, 'f')).not.toBe(cardKey({ ...base, title: 'Another' }, 'f'));
    expect(cardKey(base, 'f')).not.toBe(cardKey({ ...base, brand: { ...base.brand, logo: { file: '/a/logo.svg', sha256: 'bbb' } } }, 'f'));
    expect(cardKey(base, 'f')).not.toBe(cardKey(base, 'another renderer'));
  });
  it('ignores where the card is served and where its images lie', () => {
    expect(cardKey(base, 'f')).toBe(cardKey({ ...base, id: 'snippets/x', brand: { ...base.brand, logo: { file: '/b/logo.svg', sha256: 'aaa' } } }, 'f'));
  });
});

describe('the fonts remembered between batches', () => {
  it("gives a card's fonts as the last batch chose them for the same words, under the same renderer and font packages only", () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hub-card-fonts-'));
    try {
      const index = new FontIndex();
      const chinese = card({ person: { name: '王小明' } });
      const first = rememberedFonts(cacheDir, 'v1', index);
      expect(first.of(chinese)).toBe(cardFonts(chinese, index));
      first.keep();
      const kept = JSON.parse(readFileSync(path.join(cacheDir, 'font-choices.json'), 'utf8')) as { version: string; values: Record<string, string> };
      expect(Object.values(kept.values)).toEqual([cardFonts(chinese, index)]);
      // What is remembered is used as it is: a planted choice comes back for the same words and version…
      const [words] = Object.keys(kept.values);
      writeFileSync(path.join(cacheDir, 'font-choices.json'), JSON.stringify({ version: 'v1', values: { [words!]: 'planted' } }));
      expect(rememberedFonts(cacheDir, 'v1', index).of(chinese)).toBe('planted');
      // …but not for other words, nor under another version (a new renderer or font package).
      expect(rememberedFonts(cacheDir, 'v1', index).of(card({ person: { name: 'Samuel' } }))).toBe(cardFonts(card({ person: { name: 'Samuel' } }), index));
      expect(rememberedFonts(cacheDir, 'v2', index).of(chinese)).toBe(cardFonts(chinese, index));
      // Each language's batch remembers its own cards: one does not overwrite the other's choices.
      const german = rememberedFonts(cacheDir, 'v1', index, 'de');
      german.of(card({ person: { name: 'Jürgen' } }));
      german.keep();
      expect(readdirSync(cacheDir).sort()).toEqual(['font-choices.de.json', 'font-choices.json']);
      expect(rememberedFonts(cacheDir, 'v1', index).of(chinese)).toBe('planted');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('the card cache', () => {
  it('marks a card in use again when it is a day old, so the clean-up keeps it', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hub-card-cache-'));
    const sourceDir = path.resolve(import.meta.dirname, '../../src/lib/cards');
    try {
      const spec = card({ id: 'snippets/kept' });
      const { files } = await renderCards([spec], { cacheDir, sourceDir, threads: 1 });
      const file = files.get('snippets/kept')!;
      const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
      utimesSync(file, old, old);
      const again = await renderCards([spec], { cacheDir, sourceDir, threads: 1 });
      expect(again).toMatchObject({ rendered: 0, cached: 1 });
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('deletes its own files unused for 30 days, and nothing else', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hub-card-cache-'));
    try {
      const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
      const files = { stale: 'a'.repeat(40) + '.png', fresh: 'b'.repeat(40) + '.png', foreign: 'notes.txt' };
      for (const name of Object.values(files)) writeFileSync(path.join(cacheDir, name), 'x');
      for (const name of [files.stale, files.foreign]) utimesSync(path.join(cacheDir, name), old, old);
      await renderCards([], { cacheDir, sourceDir: path.resolve(import.meta.dirname, '../../src/lib/cards') });
      expect(existsSync(path.join(cacheDir, files.stale))).toBe(false);
      expect(existsSync(path.join(cacheDir, files.fresh))).toBe(true);
      expect(existsSync(path.join(cacheDir, files.foreign))).toBe(true);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('the content check', () => {
  it('fails on text no card font draws, naming file, line, field, the characters with code points and the font package; warns about emoji', () => {
    const tree = treeWith({
      'guidelines/be-kind.md': '---\ntitle: "Be kind ใจดี 親切に"\nsummary: "Кратко и ясно 🎉"\norder: 2\ndo: ["Listen"]\ndont: ["Shout"]\n---\n',
      'guidelines/draft-kind.md': '---\ntitle: "Draft ร่าง"\nsummary: Later.\norder: 3\ndo: ["Listen"]\ndont: ["Shout"]\ndraft: true\n---\n',
    });
    try {
      const { problems } = checkContent({ root: tree.root, now: new Date('2026-11-22T00:00:00Z'), cwd: tree.root });
      const about = problems.filter((p) => p.message.includes('share card')).map((p) => `${p.severity}: ${formatProblem(p)}`);
      expect(about).toEqual([
        'error: guidelines/be-kind.md:2 — field "title" has characters no share card font can draw: ใ (U+0E43), จ (U+0E08), ดี (U+0E14 U+0E35). The card would leave them out; add @fontsource/noto-sans-thai (exact version) to the card fonts (PACKAGES in src/lib/cards/fonts.ts), as docs/share-cards.md explains.',
        'warning: guidelines/be-kind.md:3 — field "summary" has emoji the share card leaves out (🎉): cards draw no emoji, because satori draws them only from images and the build fetches none. The page itself shows them.',
      ]);
    } finally {
      tree.cleanup();
    }
  });

  it('names no package for a script it knows none for', () => {
    const tree = treeWith({ 'guidelines/runes.md': '---\ntitle: "ᚠᚢᚦ"\nsummary: Old.\norder: 2\ndo: ["Listen"]\ndont: ["Shout"]\n---\n' });
    try {
      const { problems } = checkContent({ root: tree.root, now: new Date('2026-11-22T00:00:00Z'), cwd: tree.root });
      const error = problems.find((p) => p.message.includes('share card'));
      expect(error?.severity).toBe('error');
      expect(error?.message).toContain('ᚠ (U+16A0)');
      expect(error?.message).toContain('add an @fontsource package that draws them');
    } finally {
      tree.cleanup();
    }
  });
});
