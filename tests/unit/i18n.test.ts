import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createT } from '../../src/lib/i18n.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };

describe('createT', () => {
  const t = createT('en', { hello: 'Hello, {name}!', 'steps.one': '{count} step', 'steps.other': '{count} steps', only: 'ours' }, { fallback: 'from English' });

  it('fills placeholders and picks the plural form by count', () => {
    expect(t('hello', { name: 'Ana' })).toBe('Hello, Ana!');
    expect(t('steps', { count: 1 })).toBe('1 step');
    expect(t('steps', { count: 3 })).toBe('3 steps');
  });

  it('falls back to English for a key the translation lacks, and fails loudly for an unknown key', () => {
    expect(t('fallback')).toBe('from English');
    expect(() => t('nope')).toThrow(/Missing UI string "nope"/);
  });

  it('uses the language plural rules', () => {
    const pl = createT('pl', { 'files.one': '{count} plik', 'files.few': '{count} pliki', 'files.many': '{count} plików', 'files.other': '{count} pliku' });
    expect([1, 2, 5].map((count) => pl('files', { count }))).toEqual(['1 plik', '2 pliki', '5 plików']);
  });
});

describe('en.json', () => {
  const src = path.resolve(import.meta.dirname, '../../src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(astro|ts)$/.test(f));
  const source = files.map((f) => readFileSync(path.join(src, f), 'utf8')).join('\n');

  it('has every key the interface asks for with a literal t() call', () => {
    const keys = [...source.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(50);
    const dictionary = en as Record<string, string>;
    const missing = [...new Set(keys)].filter((key) => !(key in dictionary) && !(`${key}.other` in dictionary));
    expect(missing).toEqual([]);
  });
});
