/**
 * Work every page repeats is done once per build: date formatters, the brand
 * colours' CSS and the guidelines version. The cached answers must still
 * follow their inputs.
 */
import { describe, expect, it } from 'vitest';
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
    const first = [{ id: 'a', data: { updated: day('2026-10-01') } }, { id: 'b', data: {} }];
    const second = [...first, { id: 'c', data: {} }];
    expect(publishedGuidelinesVersion(first)).toBe(guidelinesVersion([{ id: 'a', updated: day('2026-10-01') }, { id: 'b' }]));
    expect(publishedGuidelinesVersion(second)).not.toBe(publishedGuidelinesVersion(first));
    expect(publishedGuidelinesVersion(second)).toBe(guidelinesVersion([{ id: 'a', updated: day('2026-10-01') }, { id: 'b' }, { id: 'c' }]));
  });
});
