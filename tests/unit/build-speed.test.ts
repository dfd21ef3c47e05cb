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

  it('make one formatter per language and style, however many dates they format', () => {
    const made: string[] = [];
    const Original = Intl.DateTimeFormat;
    // Counts what the formatters cost: each one created.
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        made.push(`${String(args[0])} ${args[1]?.dateStyle}`);
      }
    } as typeof Intl.DateTimeFormat;
    try {
      // Languages no other test formats in, so the cache starts without them.
      for (let i = 1; i <= 20; i++) {
        formatDate(day(`2026-11-${String(i).padStart(2, '0')}`), 'sv-FI', 'long');
        formatDate(day(`2026-11-${String(i).padStart(2, '0')}`), 'sv-FI', 'short');
        formatRange(day('2026-11-01'), day(`2026-12-${String(i).padStart(2, '0')}`), 'nb-NO');
      }
    } finally {
      Intl.DateTimeFormat = Original;
    }
    expect(made.sort()).toEqual(['nb-NO medium', 'sv-FI long', 'sv-FI short']);
  });
});

/** A brand whose colours count how often they are read: the work behind brandCss reads them many times, a cached answer once. */
function countingBrand(primary: string, accent: string) {
  const brand = {
    reads: 0,
    get primary() {
      brand.reads++;
      return primary;
    },
    get accent() {
      brand.reads++;
      return accent;
    },
  };
  return brand;
}

describe('brand CSS, kept per pair of colours', () => {
  it('differs for different colours', () => {
    const teal = brandCss({ primary: '#0b5563', accent: '#f2a541' });
    const red = brandCss({ primary: '#b00020', accent: '#f2a541' });
    expect(red).not.toBe(teal);
    expect(red).toContain('--brand:#b00020');
    expect(brandCss({ primary: '#0b5563', accent: '#ffffff' })).toContain('--accent:#ffffff');
  });

  it('works out the colours of a pair once, and answers again from what it kept', () => {
    // A pair no other test uses: the first call does the colour search.
    const first = countingBrand('#5b3a8c', '#e0b84f');
    const css = brandCss(first);
    expect(first.reads).toBeGreaterThan(4);
    const again = countingBrand('#5b3a8c', '#e0b84f');
    expect(brandCss(again)).toBe(css);
    // Read once each, to find the pair.
    expect(again.reads).toBe(2);
    const other = countingBrand('#5b3a8c', '#4fb8e0');
    brandCss(other);
    expect(other.reads).toBeGreaterThan(4);
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

  it('reads a list once, however many pages ask', () => {
    let reads = 0;
    const guideline = (id: string) => ({
      get id() {
        reads++;
        return id;
      },
      data: {},
    });
    const list = [guideline('a'), guideline('b')];
    const version = publishedGuidelinesVersion(list);
    expect(reads).toBe(2);
    for (let page = 0; page < 10; page++) expect(publishedGuidelinesVersion(list)).toBe(version);
    expect(reads).toBe(2);
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
  // Worker threads that load the fonts and the renderer: seconds, on a busy machine.
  it('are the card painted 288 px wide, and kept or cleaned up with it in the cache', { timeout: 30_000 }, async () => {
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
