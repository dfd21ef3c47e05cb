/**
 * The faster card path (issue 20) draws the same cards as before: a handful
 * of the sample hub's cards (its brand, logo and titles; Latin, Cyrillic,
 * Greek, Hebrew and Devanagari text, a byline, a person card with a
 * portrait, a long title cut after three lines) are drawn by the path the card workers use and compared pixel by pixel with
 * PNGs of the same cards drawn by the renderer as it was before (main at
 * b16f72b), kept in tests/fixtures/cards-reference/.
 *
 * A pixel differs when one of its channels is off by more than
 * CHANNEL_TOLERANCE (8 of 255). A card passes when fewer than 0.001 % of its
 * pixels differ (7 of 756,000: the faster path differs in none), a thumbnail
 * when fewer than 0.2 % do (86 of 43,488: the faster path differs in up to
 * 0.1 %, along clip edges that fall between pixels at 288 px). A card with
 * one word of its title changed must fail the same comparison (0.5 % of the
 * card, 0.7 % of the thumbnail), and so does a renderer that drops every
 * clip, the ones that cut descenders too (12–178 card pixels differ in six
 * of the seven cards).
 *
 * Since the third pass of issue 20 cards and thumbnails are written with a
 * palette (src/lib/cards/indexed-png.ts): the same pixels, so the same
 * references, in about half the bytes, which the test checks too.
 *
 * When the card's look changes on purpose, draw the references again:
 * `CARDS_REFERENCE_WRITE=1 vitest run --project unit tests/unit/cards-reference.test.ts`,
 * look at them, and commit them with the change.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderCardAndThumb } from '../../src/lib/cards/render.ts';
import type { CardSpec } from '../../src/lib/cards/spec.ts';

const project = fileURLToPath(new URL('../..', import.meta.url));
const REFERENCE_DIR = path.join(project, 'tests/fixtures/cards-reference');
const WRITE = process.env.CARDS_REFERENCE_WRITE === '1';

/** Antialiasing may move by a few levels where the path differs; more than this is a different pixel. */
const CHANNEL_TOLERANCE = 8;
/** Share of the pixels that may differ, in a card and in its thumbnail. */
const MAX_DIFFERING = { card: 0.00001, thumb: 0.002 } as const;

// The sample hub's brand (content/settings.yaml, public/brand/logo.svg).
const brand: CardSpec['brand'] = {
  hub: 'Tidewater Voices',
  primary: '#0b5563',
  accent: '#f2a541',
  logo: { file: path.join(project, 'public/brand/logo.svg'), sha256: 'sample-logo' },
};
const portrait = { file: path.join(project, 'tests/fixtures/valid/people/ana.png'), sha256: 'ana' };

function card(id: string, fields: Partial<CardSpec>): CardSpec {
  return { id, layout: 'entry', eyebrow: 'Article · 2 October 2026', title: '', footer: 'Tidewater Voices', brand, ...fields };
}

const CARDS: CardSpec[] = [
  card('latin-byline', {
    title: 'Why field engineers should write in public',
    text: 'The people who install heat pumps know things no brochure says.',
    person: { name: 'Samuel Adeyemi', role: 'Field Engineer' },
  }),
  card('cyrillic', {
    eyebrow: 'Snippet · Winter ready',
    title: 'Как тепловой насос работает в мороз',
    text: 'Пятнадцать минут, один фильтр и тёплый дом до первых заморозков.',
  }),
  card('greek', { eyebrow: 'Guideline', title: 'Πώς δουλεύει μια αντλία θερμότητας στο κρύο', text: 'Τι λένε τα δεδομένα από 1.200 σπίτια.' }),
  card('hebrew', { eyebrow: 'Snippet', title: 'משאבת חום בחורף: מה למדנו', text: 'חמש עשרה דקות, מסנן אחד ובית חם.' }),
  card('devanagari', { eyebrow: 'Training · 15 min', title: 'हीट पंप सर्दियों में कैसे काम करता है', text: 'पंद्रह मिनट, एक फ़िल्टर और एक गर्म घर।' }),
  card('person', {
    layout: 'person',
    eyebrow: 'Engineering · Mentor',
    title: 'Ana López',
    text: 'Heat pump installer · “Ask me about defrost cycles”',
    person: { name: 'Ana López', role: 'Heat pump installer', avatar: portrait },
  }),
  card('long-title', {
    eyebrow: 'Campaign · 1–24 Dec 2026',
    title:
      'Heat pumps in the cold: what the data from 1,200 homes says about defrost cycles, flow temperatures and quiet nights in January, and what our installers changed',
    text: 'Our winter checklist is out: fifteen minutes, one clogged filter, and a warm house through the first frost.',
    person: { name: 'Елена Петрова', role: 'People Partner' },
  }),
];

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

async function raw(png: Buffer | string): Promise<Raw> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The share of pixels of `a` and `b` (same size) that differ by more than CHANNEL_TOLERANCE in a channel. */
function differing(a: Raw, b: Raw): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > CHANNEL_TOLERANCE) {
        count++;
        break;
      }
    }
  }
  return count / (a.width * a.height);
}

const reference = (id: string, kind: 'card' | 'thumb') => path.join(REFERENCE_DIR, `${id}.${kind}.png`);

describe('cards drawn by the renderer match those drawn before (issue 20)', () => {
  if (WRITE) {
    it('writes the reference cards', async () => {
      mkdirSync(REFERENCE_DIR, { recursive: true });
      for (const spec of CARDS) {
        const { card, thumb } = await renderCardAndThumb(spec);
        writeFileSync(reference(spec.id, 'card'), card);
        writeFileSync(reference(spec.id, 'thumb'), thumb);
      }
    });
    return;
  }

  for (const spec of CARDS) {
    it(`${spec.id}: differs from the reference in fewer than 0.001 % of the card's pixels and 0.2 % of the thumbnail's`, async () => {
      expect(existsSync(reference(spec.id, 'card')), 'reference card').toBe(true);
      const { card, thumb } = await renderCardAndThumb(spec);
      expect(differing(await raw(card), await raw(reference(spec.id, 'card')))).toBeLessThan(MAX_DIFFERING.card);
      expect(differing(await raw(thumb), await raw(reference(spec.id, 'thumb')))).toBeLessThan(MAX_DIFFERING.thumb);
      // Written with a palette (colour type 3), pixel for pixel the same, in fewer bytes than the
      // references (RGB cards, RGBA thumbnails): 45–60 % of them.
      for (const [png, kind] of [
        [card, 'card'],
        [thumb, 'thumb'],
      ] as const) {
        expect(png[25], kind).toBe(3);
        expect(png.length, kind).toBeLessThan(0.7 * statSync(reference(spec.id, kind)).size);
      }
    });
  }

  it('tells a different card apart: one word of the title changed differs in more than 0.2 % of the pixels of both', async () => {
    const spec = CARDS[0]!;
    const { card, thumb } = await renderCardAndThumb({ ...spec, title: 'Why field engineers should write in private' });
    expect(differing(await raw(card), await raw(reference(spec.id, 'card')))).toBeGreaterThan(MAX_DIFFERING.thumb);
    expect(differing(await raw(thumb), await raw(reference(spec.id, 'thumb')))).toBeGreaterThan(MAX_DIFFERING.thumb);
  });
});
