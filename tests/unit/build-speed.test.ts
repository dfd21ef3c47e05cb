/**
 * Work every page repeats is done once per build: date formatters, the brand
 * colours' CSS and the guidelines version. The cached answers must still
 * follow their inputs. And a build copies the entries' share cards from the
 * cache into dist/og/ rather than serving each through an endpoint.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyCards } from '../../src/lib/cards/batch.ts';
import { formatDate, formatRange } from '../../src/lib/dates.ts';
import { brandCss } from '../../src/lib/theme.ts';
import { guidelinesVersion, publishedGuidelinesVersion } from '../../src/lib/guidelines-ack.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('date formatters, kept per language and style', () => {
  it('format each language and style as a fresh formatter does', () => {
    for (const lang of ['en', 'de', 'en', 'fr-CH']) {
      for (const style of ['long', 'medium', 'short'] as const) {
        expect(formatDate(day('2026-11-02'), lang, style)).toBe(new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(day('2026-11-02')));
      }
      expect(formatRange(day('2026-11-02'), day('2026-12-20'), lang)).toBe(
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(day('2026-11-02'), day('2026-12-20')),
      );
    }
    expect(formatDate(day('2026-11-02'), 'en', 'long')).toBe('November 2, 2026');
    expect(formatDate(day('2026-11-02'), 'de', 'long')).toBe('2. November 2026');
  });
});

describe('brand CSS, kept per pair of colours', () => {
  it('differs for different colours and is the same for the same ones', () => {
    const teal = brandCss({ primary: '#0b5563', accent: '#f2a541' });
    const red = brandCss({ primary: '#b00020', accent: '#f2a541' });
    expect(red).not.toBe(teal);
    expect(red).toContain('--brand:#b00020');
    expect(brandCss({ primary: '#0b5563', accent: '#f2a541' })).toBe(teal);
    expect(brandCss({ primary: '#0b5563', accent: '#ffffff' })).toContain('--accent:#ffffff');
  });
});

describe('published guidelines version, once per list', () => {
  it('is guidelinesVersion of the list, and each list has its own', () => {
    const first = [
      { id: 'a', data: { updated: day('2026-10-01') } },
      { id: 'b', data: {} },
    ];
    const second = [...first, { id: 'c', data: {} }];
    expect(publishedGuidelinesVersion(first)).toBe(guidelinesVersion([{ id: 'a', updated: day('2026-10-01') }, { id: 'b' }]));
    expect(publishedGuidelinesVersion(second)).not.toBe(publishedGuidelinesVersion(first));
    expect(publishedGuidelinesVersion(second)).toBe(guidelinesVersion([{ id: 'a', updated: day('2026-10-01') }, { id: 'b' }, { id: 'c' }]));
  });
});

describe('copyCards', () => {
  it('writes every entry card and its thumbnail to og/<collection>/<id>(.thumb).png, leaving the hub card to its route', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hub-copy-cards-'));
    try {
      const cache = path.join(root, 'cache');
      mkdirSync(cache);
      const files = new Map(['hub', 'snippets/a', 'snippets/b', 'people/c'].map((id, i) => [id, path.join(cache, `${String(i).repeat(40)}.png`)]));
      for (const [id, file] of files) {
        writeFileSync(file, `png of ${id}`);
        writeFileSync(file.replace(/\.png$/, '.thumb.png'), `thumbnail of ${id}`);
      }
      const dist = path.join(root, 'dist');
      expect(copyCards(files, dist)).toBe(3);
      expect(readFileSync(path.join(dist, 'og/snippets/a.png'), 'utf8')).toBe('png of snippets/a');
      expect(readFileSync(path.join(dist, 'og/snippets/b.png'), 'utf8')).toBe('png of snippets/b');
      expect(readFileSync(path.join(dist, 'og/people/c.png'), 'utf8')).toBe('png of people/c');
      expect(readFileSync(path.join(dist, 'og/people/c.thumb.png'), 'utf8')).toBe('thumbnail of people/c');
      expect(readdirSync(path.join(dist, 'og')).sort()).toEqual(['people', 'snippets']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('card thumbnails', () => {
  it('are the card painted 288 px wide, and kept or cleaned up with it in the cache', async () => {
    const { renderCardAndThumb, THUMB_WIDTH } = await import('../../src/lib/cards/render.ts');
    const { renderCards, thumbFile } = await import('../../src/lib/cards/batch.ts');
    const sharp = (await import('sharp')).default;
    const spec = {
      id: 'snippets/x',
      layout: 'entry' as const,
      eyebrow: 'Snippet',
      title: 'Heat pumps in the cold',
      text: 'A line.',
      footer: 'Hub',
      brand: { hub: 'Hub', primary: '#0b5563', accent: '#f2a541' },
    };
    const { card, thumb } = await renderCardAndThumb(spec);
    expect(await sharp(card).metadata()).toMatchObject({ width: 1200, height: 630, format: 'png' });
    expect(await sharp(thumb).metadata()).toMatchObject({ width: THUMB_WIDTH, height: 151, format: 'png' });
    expect(thumb.length).toBeLessThan(card.length / 2);

    const cacheDir = mkdtempSync(path.join(tmpdir(), 'hub-thumb-cache-'));
    try {
      const sourceDir = path.resolve(import.meta.dirname, '../../src/lib/cards');
      const first = await renderCards([spec], { cacheDir, sourceDir, threads: 1 });
      const file = first.files.get('snippets/x')!;
      expect(readFileSync(thumbFile(file))).toEqual(thumb);
      // Without its thumbnail a cached card is drawn again.
      rmSync(thumbFile(file));
      expect((await renderCards([spec], { cacheDir, sourceDir, threads: 1 })).rendered).toBe(1);
      expect((await renderCards([spec], { cacheDir, sourceDir, threads: 1 })).rendered).toBe(0);
      // Unused for 30 days: both go.
      const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
      const { utimesSync, existsSync } = await import('node:fs');
      utimesSync(file, old, old);
      utimesSync(thumbFile(file), old, old);
      await renderCards([], { cacheDir, sourceDir });
      expect([existsSync(file), existsSync(thumbFile(file))]).toEqual([false, false]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
