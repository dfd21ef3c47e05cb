/**
 * Share cards: text the fonts cannot draw is left out (never tofu), long
 * titles and names stay inside the card (measured on satori's layout and on
 * the PNG's pixels), avatars are drawn, and the cache key follows the content.
 */
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardKey, renderCards } from '../../src/lib/cards/batch.ts';
import { drawableCodePoints } from '../../src/lib/cards/fonts.ts';
import { cardSvg, renderCard } from '../../src/lib/cards/render.ts';
import type { CardSpec } from '../../src/lib/cards/spec.ts';
import { CARD_HEIGHT, CARD_WIDTH, SAFE_MARGIN, STRIPE } from '../../src/lib/cards/template.ts';
import { direction, drawable } from '../../src/lib/cards/text.ts';
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
  const points = drawableCodePoints();
  const canDraw = (codePoint: number) => points.has(codePoint);

  it('keeps Latin, Cyrillic, Greek, Vietnamese, Devanagari and Hebrew', () => {
    for (const text of ['Ærøskøbing façade', CYRILLIC_NAME, 'Καλημέρα κόσμε', 'Tiếng Việt', 'नमस्ते दुनिया', 'שלום עולם', '“Quotes” – dashes…']) {
      expect(drawable(text, canDraw)).toEqual({ text, omitted: [] });
    }
  });

  it('leaves out what no bundled font draws (CJK, Thai, Arabic, emoji), whole graphemes at a time', () => {
    expect(drawable('Hi مرحبا', canDraw)).toEqual({ text: 'Hi', omitted: ['م', 'ر', 'ح', 'ب', 'ا'] });
    expect(drawable('Hello 世界 and 🎉 สวัสดี end', canDraw)).toEqual({
      text: 'Hello and end',
      omitted: ['世', '界', '🎉', 'ส', 'วั', 'ส', 'ดี'].filter((g, i, all) => all.indexOf(g) === i),
    });
    expect(drawable('👩‍👩‍👧 family', canDraw)).toEqual({ text: 'family', omitted: ['👩‍👩‍👧'] });
    expect(drawable('日本語', canDraw).text).toBe('');
  });

  it('puts text on one line', () => {
    expect(drawable('two\nlines\t here', canDraw).text).toBe('two lines here');
  });

  it('knows right-to-left text by its first letter', () => {
    expect(direction('שלום world')).toBe('rtl');
    expect(direction('2026: مرحبا')).toBe('rtl');
    expect(direction('Hello مرحبا')).toBe('ltr');
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

  it('draws no boxes for scripts it has no font for: the card is the one without them', async () => {
    const withCjk = await renderCard(card({ title: 'Hello 世界 🎉', text: 'สวัสดี' }));
    const without = await renderCard(card({ title: 'Hello' }));
    expect(Buffer.compare(withCjk, without)).toBe(0);
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

describe('cache key', () => {
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

describe('the card cache', () => {
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
  it('warns, with file, line and field, when a published entry has text its card cannot draw', () => {
    const tree = treeWith({
      'guidelines/be-kind.md': '---\ntitle: "Be kind 親切に"\nsummary: Кратко и ясно.\norder: 2\ndo: ["Listen"]\ndont: ["Shout"]\n---\n',
      'guidelines/draft-kind.md': '---\ntitle: "Draft 草稿"\nsummary: Later.\norder: 3\ndo: ["Listen"]\ndont: ["Shout"]\ndraft: true\n---\n',
    });
    try {
      const { problems } = checkContent({ root: tree.root, now: new Date('2026-11-22T00:00:00Z'), cwd: tree.root });
      const about = problems.filter((p) => p.message.includes('share card')).map(formatProblem);
      expect(about).toEqual([
        'guidelines/be-kind.md:2 — field "title" has characters the share card fonts cannot draw (親 切 に); the card leaves them out. The page itself shows them; to draw them on cards too, add a font as docs/share-cards.md explains.',
      ]);
      expect(problems.find((p) => p.message.includes('share card'))?.severity).toBe('warning');
    } finally {
      tree.cleanup();
    }
  });
});
