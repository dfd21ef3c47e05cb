/**
 * Every translation in src/i18n/ (each file but en.json) is complete: a hub set to its
 * language shows no English. `t()` would fill a missing key from English without a word,
 * so an incomplete dictionary is caught here, not by a reader. A file's name is its
 * language (`de.json`, `ar.json`), which decides its plural forms.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLURAL_FORMS } from '../../src/lib/i18n.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };

const dir = path.resolve(import.meta.dirname, '../../src/i18n');

/**
 * Words a translation may keep exactly as English has them, so that a string made only of
 * them (and placeholders, digits, punctuation) may equal the English one. Anything else
 * identical to English is an untranslated string.
 * - every language: names of formats, which no language translates;
 * - per language: English words that language itself uses, as its dictionaries list them
 *   (German: Duden has Training, Team, Link, Website, Chat, Feed, Hashtag, Sitemap,
 *   Conversion as German words, and Person is German too).
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  '*': ['RSS', 'JSON', 'Feed'],
  de: ['Training', 'Team', 'Teams', 'Link', 'Website', 'Chat', 'Sitemap', 'Feeds', 'Hashtags', 'Conversions', 'Person'],
};

type Dictionary = Record<string, unknown>;

const pluralPattern = new RegExp(`^(.+)\\.(${PLURAL_FORMS.join('|')})$`);
/** English's plural keys by base (`snippet.variants` → its forms); every other key stands alone. */
function split(dictionary: Dictionary): { plain: string[]; plurals: Map<string, string[]> } {
  const plain: string[] = [];
  const plurals = new Map<string, string[]>();
  for (const key of Object.keys(dictionary)) {
    const match = pluralPattern.exec(key);
    if (match) plurals.set(match[1]!, [...(plurals.get(match[1]!) ?? []), key]);
    else plain.push(key);
  }
  return { plain, plurals };
}

const placeholders = (...texts: unknown[]) =>
  [...new Set(texts.flatMap((text) => (typeof text === 'string' ? [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!) : [])))].sort();

/** True when `text` is made only of words `lang` may keep from English (see SAME_AS_ENGLISH). */
function allowedSame(text: string, lang: string): boolean {
  const allowed = new Set([...SAME_AS_ENGLISH['*']!, ...(SAME_AS_ENGLISH[lang] ?? [])]);
  const words = text.replace(/\{\w+\}/g, ' ').match(/\p{L}+/gu) ?? [];
  return words.every((word) => allowed.has(word));
}

/** What is wrong with `dictionary` as the translation of `english` into `lang`: one line per problem. */
function problems(lang: string, dictionary: Dictionary, english: Dictionary = en): string[] {
  const found: string[] = [];
  const { plain, plurals } = split(english);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  const expected = new Set([...plain, ...[...plurals.keys()].flatMap((base) => categories.map((category) => `${base}.${category}`))]);

  for (const key of expected) if (!(key in dictionary)) found.push(`missing ${key}`);
  for (const key of Object.keys(dictionary))
    if (!expected.has(key))
      found.push(`${key} is not a key of en.json${pluralPattern.test(key) ? ` (or not a plural category of ${lang}: ${categories.join(', ')})` : ''}`);

  for (const [key, value] of Object.entries(dictionary)) {
    if (typeof value !== 'string') found.push(`${key} is not a string`);
    else if (!value.trim()) found.push(`${key} is empty`);
    else if (value === english[key] && !allowedSame(value, lang)) found.push(`${key} is the English text, "${value}"`);
  }
  for (const key of plain) {
    if (typeof dictionary[key] !== 'string') continue;
    const want = placeholders(english[key]);
    const have = placeholders(dictionary[key]);
    if (want.join() !== have.join()) found.push(`${key} has {${have.join('} {')}} where English has {${want.join('} {')}}`);
  }
  for (const [base, forms] of plurals) {
    const want = placeholders(...forms.map((key) => english[key]));
    const have = placeholders(...categories.map((category) => dictionary[`${base}.${category}`]));
    if (want.join() !== have.join()) found.push(`${base}.* have {${have.join('} {')}} where English has {${want.join('} {')}}`);
  }
  return found;
}

const translations = readdirSync(dir)
  .filter((file) => file.endsWith('.json') && file !== 'en.json')
  .sort();

describe('the check itself', () => {
  const english = { 'a.title': 'Share', 'a.hello': 'Hello {name}', 'a.steps.one': '{count} step', 'a.steps.other': '{count} steps', 'a.feed': 'RSS' };
  const good = { 'a.title': 'Teilen', 'a.hello': 'Hallo {name}', 'a.steps.one': '{count} Schritt', 'a.steps.other': '{count} Schritte', 'a.feed': 'RSS' };

  it('passes a complete translation', () => {
    expect(problems('de', good, english)).toEqual([]);
  });

  it('finds a missing key, an extra key and a missing or extra plural category', () => {
    const { 'a.title': _, 'a.steps.one': __, ...rest } = good;
    expect(problems('de', { ...rest, 'a.extra': 'x', 'a.steps.few': 'x' }, english)).toEqual([
      'missing a.title',
      'missing a.steps.one',
      'a.extra is not a key of en.json',
      'a.steps.few is not a key of en.json (or not a plural category of de: one, other)',
    ]);
  });

  it('asks for every plural category of the language', () => {
    const missing = problems('ar', { ...good, 'a.hello': 'مرحبا {name}', 'a.title': 'شارك' }, english);
    expect(missing).toEqual(['missing a.steps.zero', 'missing a.steps.two', 'missing a.steps.few', 'missing a.steps.many']);
  });

  it('finds lost or invented placeholders, empty strings and English left in', () => {
    expect(problems('de', { ...good, 'a.hello': 'Hallo {nom}', 'a.steps.one': 'Ein Schritt', 'a.steps.other': 'Schritte', 'a.title': ' ' }, english)).toEqual([
      'a.title is empty',
      'a.hello has {nom} where English has {name}',
      'a.steps.* have {} where English has {count}',
    ]);
    expect(problems('de', { ...good, 'a.title': 'Share' }, english)).toEqual(['a.title is the English text, "Share"']);
  });
});

describe.each(translations)('src/i18n/%s', (file) => {
  const lang = path.basename(file, '.json');
  const dictionary = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Dictionary;

  it('is named for a language Intl knows', () => {
    expect(Intl.PluralRules.supportedLocalesOf(lang)).toEqual([lang]);
  });

  it('translates every string of en.json, with its placeholders and the plural forms of its language', () => {
    expect(problems(lang, dictionary)).toEqual([]);
  });
});
