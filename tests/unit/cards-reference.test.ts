/**
 * The faster card path (issue 20) draws the same cards as before: a handful
 * of the sample hub's cards (its brand, logo and titles; Latin, Cyrillic and
 * Greek text, a byline, a person card with a portrait, a long title) are
 * drawn by the path the card workers use and compared pixel by pixel with
 * PNGs of the same cards drawn by the renderer as it was before (main at
 * b16f72b), kept in tests/fixtures/cards-reference/.
 *
 * A pixel differs when one of its channels is off by more than
 * CHANNEL_TOLERANCE; a card passes when fewer than MAX_DIFFERING of its
 * pixels differ. A card with another title must fail the same comparison,
 * so the test can tell two cards apart.
 *
 * When the card's look changes on purpose, draw the references again:
 * `CARDS_REFERENCE_WRITE=1 vitest run --project unit tests/unit/cards-reference.test.ts`,
 * look at them, and commit them with the change.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
/** Share of a card's pixels that may differ: 0.2 %. One word of a title changed differs in 0.5 % (card) and 0.7 % (thumbnail). */
const MAX_DIFFERING = 0.002;

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
    it(`${spec.id}: card and thumbnail differ from the reference in fewer than 0.2 % of their pixels`, async () => {
      expect(existsSync(reference(spec.id, 'card')), 'reference card').toBe(true);
      const { card, thumb } = await renderCardAndThumb(spec);
      expect(differing(await raw(card), await raw(reference(spec.id, 'card')))).toBeLessThan(MAX_DIFFERING);
      expect(differing(await raw(thumb), await raw(reference(spec.id, 'thumb')))).toBeLessThan(MAX_DIFFERING);
    });
  }

  it('tells a different card apart: one word of the title changed differs in more than 0.2 % of the pixels', async () => {
    const spec = CARDS[0]!;
    const { card, thumb } = await renderCardAndThumb({ ...spec, title: 'Why field engineers should write in private' });
    expect(differing(await raw(card), await raw(reference(spec.id, 'card')))).toBeGreaterThan(MAX_DIFFERING);
    expect(differing(await raw(thumb), await raw(reference(spec.id, 'thumb')))).toBeGreaterThan(MAX_DIFFERING);
  });
});
