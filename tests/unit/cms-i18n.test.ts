/**
 * Decap's i18n configuration, generated from settings.languages: a hub of
 * several languages edits each entry as one file per language
 * (`<id>.<language>.md`, the default's too: Decap 3 cannot leave the default
 * language out of the name), translating text and carrying the same ids,
 * dates and choices into every language's file. A hub of one language gets
 * the configuration it always had.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cmsBackend, decapConfig } from '../../src/lib/cms/config.ts';
import { DEFAULT_VERSION_KEY, NO_FILE, frontmatterFormat } from '../../src/lib/cms/format.ts';
import { translationToWrite } from '../../src/lib/cms/i18n.ts';
import type { DecapField } from '../../src/lib/cms/fields.ts';
import { COLLECTIONS } from '../../src/model/collections.ts';
import type { Settings } from '../../src/model/schemas/settings.ts';
import { settingsOf } from '../support/fixtures.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../content');
const sample = settingsOf(SAMPLE);
const { languages: _, ...oneLanguage } = sample;
const configOf = (settings: Settings) => decapConfig({ settings, contentPath: 'content', ...cmsBackend({ settings }) });
const multi = configOf({ ...sample, lang: 'en', languages: ['en', 'de', 'ar'] });
const single = configOf(oneLanguage);

type Collection = (typeof multi.collections)[number];
const collection = (name: string) => multi.collections.find((c: Collection) => c.name === name)! as Collection & { fields: DecapField[]; i18n?: unknown };
const field = (collectionName: string, dotted: string): DecapField => {
  let fields: DecapField[] | undefined = collection(collectionName).fields;
  let found: DecapField | undefined;
  for (const name of dotted.split('.')) {
    found = fields?.find((f) => f.name === name) ?? (found?.field?.name === name ? found.field : undefined);
    fields = found?.fields;
  }
  if (!found) throw new Error(`no field ${dotted} in ${collectionName}`);
  return found;
};
const kind = (collectionName: string, dotted: string) => field(collectionName, dotted).i18n;

/** Every `i18n` key of a configuration, removed: what is left is the rest of it. */
function withoutI18n(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutI18n);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (key === 'i18n' ? [] : [[key, withoutI18n(item)]])));
  return value;
}

/** The settings form's `translations` field, and the configuration without it. */
function withoutSettingsTranslations(config: ReturnType<typeof configOf>): [unknown, unknown] {
  const copy = structuredClone(config) as { collections: { name: string; files?: { fields: { name: string }[] }[] }[] };
  const form = copy.collections.find((c) => c.name === 'settings')!.files![0]!;
  const field = form.fields.find((f) => f.name === 'translations');
  form.fields = form.fields.filter((f) => f.name !== 'translations');
  return [field, copy];
}

describe('the Decap configuration of a hub in several languages', () => {
  it('names the languages, the default and one file per language', () => {
    expect(multi.i18n).toEqual({ structure: 'multiple_files', locales: ['en', 'de', 'ar'], default_locale: 'en' });
    // The default first, wherever settings list it.
    expect(configOf({ ...sample, lang: 'de', languages: ['en', 'ar', 'de'] }).i18n).toEqual({
      structure: 'multiple_files',
      locales: ['de', 'en', 'ar'],
      default_locale: 'de',
    });
  });

  it('translates every entry collection, and not the settings file', () => {
    for (const name of COLLECTIONS) expect(collection(name).i18n, name).toBe(true);
    const settingsCollection = multi.collections.find((c: Collection) => c.name === 'settings') as Collection & { files: { fields: DecapField[] }[] };
    expect('i18n' in settingsCollection).toBe(false);
    expect(JSON.stringify(settingsCollection.files)).not.toContain('"i18n"');
  });

  it('translates text and carries ids, dates, order, choices, links, images and references into every language', () => {
    const translated = [
      ['snippets', 'title'],
      ['snippets', 'hashtags'],
      ['snippets', 'variants'],
      ['snippets', 'variants.text'],
      ['snippets', 'body'],
      ['guidelines', 'title'],
      ['guidelines', 'summary'],
      ['guidelines', 'do'],
      ['guidelines', 'do.item'],
      ['guidelines', 'dont'],
      ['training', 'objectives'],
      ['training', 'quiz'],
      ['training', 'quiz.question'],
      ['training', 'quiz.options'],
      ['training', 'quiz.explain'],
      ['articles', 'description'],
      ['articles', 'cover'],
      ['articles', 'cover.alt'],
      ['people', 'title'],
      ['people', 'spotlight'],
      ['tracks', 'steps'],
      ['tracks', 'steps.task'],
      ['campaigns', 'summary'],
    ];
    const duplicated = [
      ['snippets', 'link'],
      ['snippets', 'campaign'],
      ['snippets', 'topics'],
      ['snippets', 'teams'],
      ['snippets', 'networks'],
      ['snippets', 'draft'],
      ['snippets', 'publish'],
      ['snippets', 'expires'],
      ['guidelines', 'order'],
      ['guidelines', 'updated'],
      ['training', 'level'],
      ['training', 'minutes'],
      ['training', 'requires'],
      ['articles', 'author'],
      ['articles', 'published'],
      ['articles', 'canonical'],
      ['articles', 'cover.src'],
      ['people', 'team'],
      ['people', 'mentor'],
      ['people', 'avatar'],
      ['people', 'code'],
      ['people', 'profiles.linkedin'],
      ['people', 'contact.email'],
      ['tracks', 'mentor'],
      ['campaigns', 'starts'],
    ];
    // Decap's list and object widgets take only true (translated) or false (left out of the other languages' forms, filled in on save).
    expect(translated.filter(([c, f]) => !['translate', true].includes(kind(c!, f!)!))).toEqual([]);
    expect(duplicated.filter(([c, f]) => !['duplicate', false].includes(kind(c!, f!)!))).toEqual([]);
    expect([kind('snippets', 'variants'), kind('guidelines', 'do'), kind('articles', 'cover'), kind('people', 'profiles'), kind('people', 'code')]).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(kind('snippets', 'title')).toBe('translate');
    expect(kind('snippets', 'topics')).toBe('duplicate');
  });

  it('lets each language write its own items of a translated list, every field of them (Decap copies no values into list items)', () => {
    expect(kind('training', 'quiz.answer')).toBe('translate');
    expect(kind('training', 'quiz.options')).toBe(true);
    expect(kind('snippets', 'variants.networks')).toBe('translate');
    expect(kind('tracks', 'steps.ref')).toBe('translate');
  });

  it('gives every field of every entry collection a kind Decap accepts (lists and objects: a boolean)', () => {
    const missing: string[] = [];
    const walk = (fields: readonly DecapField[], at: string) => {
      for (const f of fields) {
        const here = `${at}.${f.name}`;
        if (f.widget === 'list' || f.widget === 'object' ? typeof f.i18n !== 'boolean' : f.i18n !== 'translate' && f.i18n !== 'duplicate') missing.push(here);
        if (f.fields) walk(f.fields, here);
        if (f.field) walk([f.field], here);
      }
    };
    for (const name of COLLECTIONS) walk(collection(name).fields, name);
    expect(missing).toEqual([]);
  });

  it('is the one-language configuration plus the i18n keys, and a group per other language for the settings it translates', () => {
    const [multiTranslations, multiRest] = withoutSettingsTranslations(multi);
    const [singleTranslations, singleRest] = withoutSettingsTranslations(single);
    expect(withoutI18n(multiRest)).toEqual(singleRest);
    expect(singleTranslations).toMatchObject({ widget: 'hidden', required: false });
    expect(multiTranslations).toMatchObject({ widget: 'object', required: false });
    const groups = (multiTranslations as { fields: { name: string; label: string; fields: { name: string }[] }[] }).fields;
    expect(groups.map((g) => [g.name, g.label, g.fields.map((f) => f.name)])).toEqual([
      ['de', 'Deutsch (de)', ['name', 'description']],
      ['ar', 'العربية (ar)', ['name', 'description']],
    ]);
  });
});

describe('the Decap configuration of a hub in one language', () => {
  it('has no i18n anywhere, with or without a one-language list in settings', () => {
    expect(stringify(single)).not.toContain('i18n');
    expect(stringify(configOf({ ...oneLanguage, languages: [oneLanguage.lang] }))).toBe(stringify(single));
  });
});

describe('what the CMS writes for each language of an entry', () => {
  const fields = collection('articles').fields;
  const english = {
    title: 'Quiet months',
    description: 'What we do in summer.',
    author: 'maya-okafor',
    published: '2026-11-02',
    topics: ['product'],
    cover: { src: './cover.jpg', alt: 'A heat pump' },
    body: 'Text.',
  };

  it('writes no file for a language with nothing translated, though Decap holds its copied dates and defaults (decap-cms#6932)', () => {
    expect(translationToWrite({ published: '2026-11-02', draft: false, topics: ['product'] }, english, fields)).toBeUndefined();
    expect(translationToWrite(undefined, english, fields)).toBeUndefined();
    expect(translationToWrite({ title: '  ', body: '' }, english, fields)).toBeUndefined();
  });

  it('writes no file for a language that only received the default language’s values inside an object or list', () => {
    const people = collection('people').fields;
    expect(translationToWrite({ profiles: { linkedin: 'https://www.linkedin.com/in/ana' }, code: ['ana-l'] }, { name: 'Ana' }, people)).toBeUndefined();
    expect(translationToWrite({ title: 'Ingenieurin' }, { name: 'Ana', code: ['ana-l'], profiles: { linkedin: 'https://www.linkedin.com/in/ana' } }, people)).toEqual({
      title: 'Ingenieurin',
      code: ['ana-l'],
      profiles: { linkedin: 'https://www.linkedin.com/in/ana' },
    });
  });

  it('writes a translation with the default language’s ids, dates and choices, inside a translated object too', () => {
    const german = { title: 'Ruhige Monate', body: 'Text auf Deutsch.', cover: { alt: 'Eine Wärmepumpe', src: './old.jpg' }, published: '2020-01-01' };
    expect(translationToWrite(german, english, fields)).toEqual({
      title: 'Ruhige Monate',
      body: 'Text auf Deutsch.',
      cover: { alt: 'Eine Wärmepumpe', src: './cover.jpg' },
      published: '2026-11-02',
      author: 'maya-okafor',
      topics: ['product'],
    });
  });

  it('lets the save format write nothing for such a language, and never writes the default version’s mark', () => {
    const format = frontmatterFormat({ beforeWrite: (data) => (data[DEFAULT_VERSION_KEY] ? data : translationToWrite(data, english, fields)) });
    expect(format.toFile({ published: '2026-11-02' }, ['title', 'published'])).toBe(NO_FILE);
    const written = format.toFile({ ...english, [DEFAULT_VERSION_KEY]: true }, ['title', 'description', 'author', 'published', 'topics', 'cover']);
    expect(written).toMatch(/^---\ntitle: Quiet months\n/);
    expect(written).not.toContain(DEFAULT_VERSION_KEY);
    expect(format.toFile({ title: 'Ruhige Monate' }, ['title', 'description', 'author', 'published'])).toContain('author: maya-okafor');
  });
});
