import { describe, expect, it } from 'vitest';
import { fallbackDirection, isolated, textDirection } from '../../src/lib/direction.ts';

const RTL = ['ar', 'ar-EG', 'AR', 'he', 'he-IL', 'fa', 'fa-IR', 'ur', 'ps', 'yi', 'ckb', 'az-Arab', 'pa-Arab'];
const LTR = ['en', 'en-GB', 'de', 'fr', 'ja', 'zh-Hant', 'ru', 'tr', 'az', 'pa', 'uz-Latn', 'sr-Cyrl'];

describe('textDirection', () => {
  it('is right to left for Arabic, Hebrew, Persian, Urdu and tags written in their scripts', () => {
    for (const lang of RTL) expect(textDirection(lang), lang).toBe('rtl');
  });

  it('is left to right for other languages', () => {
    for (const lang of LTR) expect(textDirection(lang), lang).toBe('ltr');
  });

  it('is left to right for a tag Intl cannot read', () => {
    expect(textDirection('not a language')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });

  it('agrees with the fallback list where the runtime has no text info', () => {
    for (const lang of [...RTL, ...LTR]) expect(fallbackDirection(new Intl.Locale(lang)), lang).toBe(textDirection(lang));
  });
});

describe('isolated', () => {
  it('wraps a text in a first-strong isolate, so it keeps its own direction inside a sentence', () => {
    expect(isolated('#TidewaterEmployee')).toBe('\u2068#TidewaterEmployee\u2069');
  });
});
