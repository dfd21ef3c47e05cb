/**
 * UI strings. `t()` and the islands' strings take typed keys (src/lib/i18n.ts,
 * `UiKey` in src/views/hub.ts): the `expectTypeOf` and `@ts-expect-error` lines
 * below are checked by `npm run check` (astro check type-checks tests too), the
 * rest at run time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PLURAL_FORMS, type Translate, createT, pluralTemplates } from '../../src/lib/i18n.ts';
import { clientStrings } from '../../src/lib/client-strings.ts';
import { ISLAND_STRINGS, type IslandKey, type stringsOf } from '../../src/client/island-strings.ts';
import type { UiKey } from '../../src/views/hub.ts';
import type { CalendarKind } from '../../src/lib/calendar.ts';
import type { ImpactView } from '../../src/lib/metrics/view.ts';
import type { CampaignStatus } from '../../src/lib/order.ts';
import { SEARCH_FILTERS } from '../../src/lib/search/filters.ts';
import { SORTS } from '../../src/lib/search/state.ts';
import type { ModuleStatus } from '../../src/lib/training-progress.ts';
import type { ContactKind } from '../../src/lib/contact.ts';
import type { AutoReason } from '../../src/lib/track-progress.ts';
import { PREF_FIELDS, type RefusalReason } from '../../src/lib/device-transfer.ts';
import { COLLECTIONS, type CollectionName } from '../../src/model/collections.ts';
import { LEVELS, type trainingSchema } from '../../src/model/schemas/training.ts';
import type { CharacterRefusal } from '../../src/model/urls.ts';
import { NETWORKS, type TranslatedNetworkId } from '../../src/model/networks.ts';
import de from '../../src/i18n/de.json' with { type: 'json' };
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import type { z } from 'astro/zod';
import en from '../../src/i18n/en.json' with { type: 'json' };

/** Every member of the union `U`: the record must name each one (a missing or extra member is a type error). */
const every = <U extends string>(members: Record<U, true>) => Object.keys(members) as U[];

type Interval = ImpactView['trend']['interval'];
/** A training module's role, as its schema allows it. */
type TrainingRole = z.output<ReturnType<typeof trainingSchema>>['role'];
const INTERVALS = every<Interval>({ day: true, week: true });
const STATUSES = every<CampaignStatus>({ current: true, upcoming: true, past: true });

/**
 * The keys the hub builds from a value (`t(\`campaign.status.${status}\`)`), by their
 * pattern in the source (`*` for the value), with every value the value's type allows.
 */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'kind.*': COLLECTIONS,
  'search.type.*': COLLECTIONS,
  'campaign.status.*': STATUSES,
  'campaigns.group.*': STATUSES,
  'training.level.*': LEVELS,
  'network.*': NETWORKS.filter((network) => 'translated' in network && network.translated).map((network) => network.id),
  'compose.linkCharacter.*': every<CharacterRefusal>({ lineBreak: true, space: true, backslash: true, invisible: true }),
  'training.role.*': every<TrainingRole>({ all: true, listener: true, curator: true, commenter: true, creator: true }),
  'training.status.*': every<ModuleStatus>({ passed: true, tried: true, new: true }),
  'search.filter.*': SEARCH_FILTERS,
  'search.sort.*': SORTS,
  'calendar.kind.*': every<CalendarKind>({ campaign: true, available: true, 'last-day': true }),
  // calendar.ics names a campaign by its title: only the other kinds have an event string.
  'calendar.event.*': every<Exclude<CalendarKind, 'campaign'>>({ available: true, 'last-day': true }),
  'impact.trend.chart.*': INTERVALS,
  'impact.trend.visits.*': INTERVALS,
  'impact.trend.conversions.*': INTERVALS,
  'impact.trendSummary.*': INTERVALS,
  'impact.period.*': INTERVALS,
  'people.contact.*': every<ContactKind>({ email: true, chat: true, booking: true }),
  'tracks.auto.*': every<AutoReason>({ quiz: true, acknowledged: true, opened: true, shared: true }),
  'you.*': PREF_FIELDS,
  'you.choose.*': PREF_FIELDS,
  'you.refused.*': every<RefusalReason>({ damaged: true, newer: true, malformed: true }),
};

/**
 * Strings in en.json that nothing uses yet (found when the keys were typed and reported, not
 * deleted: they may be meant for markup still to come). Use one and take it off this list.
 */
const NOT_YET_USED = ['tracks.qr', 'quiz.questionN', 'sharePanel.fallbackTitle'];

const dictionary: Record<string, string> = en;
const KEYS = Object.keys(dictionary);
const PLURAL_SUFFIX = new RegExp(`\\.(${PLURAL_FORMS.join('|')})$`);
/** What t() is called with for a key of en.json: the key, or the base of a plural form. */
const addressed = (key: string) => key.replace(PLURAL_SUFFIX, '');
const ADDRESSABLE = new Set(KEYS.map(addressed));

describe('createT', () => {
  const t = createT(
    'en',
    { hello: 'Hallo, {name}!', 'steps.one': '{count} Schritt', 'steps.other': '{count} Schritte' },
    { hello: 'Hello, {name}!', 'steps.one': '{count} step', 'steps.other': '{count} steps', fallback: 'from English' },
  );

  it('fills placeholders, leaves unknown ones, and picks the plural form by count', () => {
    expect(t('hello', { name: 'Ana' })).toBe('Hallo, Ana!');
    expect(t('hello')).toBe('Hallo, {name}!');
    expect(t('steps', { count: 1 })).toBe('1 Schritt');
    expect(t('steps', { count: 3 })).toBe('3 Schritte');
  });

  it('falls back to English for a key the translation lacks, and fails loudly for an unknown key', () => {
    expect(t('fallback')).toBe('from English');
    // @ts-expect-error: not a key of either dictionary
    expect(() => t('nope')).toThrow(/Missing UI string "nope"/);
  });

  it('hands an island the form of each plural category of the language, as t() picks it', () => {
    const english = { 'found.one': '{count} result', 'found.other': '{count} results' };
    // Arabic has six categories; this translation has three forms, and English the rest.
    const arabic = { 'found.zero': 'لا نتائج', 'found.two': 'نتيجتان', 'found.other': '{count} نتيجة' };
    const forms = pluralTemplates('ar', arabic, english, 'found');
    expect(Object.keys(forms).sort()).toEqual(['found.few', 'found.many', 'found.one', 'found.other', 'found.two', 'found.zero']);
    const t = createT('ar', arabic, english);
    const plural = new Intl.PluralRules('ar');
    for (const count of [0, 1, 2, 3, 11, 100]) expect(forms[`found.${plural.select(count)}`]!.replace('{count}', String(count))).toBe(t('found', { count }));
    expect(pluralTemplates('en', english, undefined, 'found')).toEqual(english);
    expect(() => pluralTemplates('en', {}, english, 'lost')).toThrow('Missing UI string "lost.other"');
  });

  it('uses the language plural rules', () => {
    const pl = createT('pl', { 'files.one': '{count} plik', 'files.few': '{count} pliki', 'files.many': '{count} plików', 'files.other': '{count} pliku' });
    expect([1, 2, 5].map((count) => pl('files', { count }))).toEqual(['1 plik', '2 pliki', '5 plików']);
  });

  it('writes numbers as the language does, and leaves strings as they are', () => {
    const template = { count: '{n} of {total}' };
    expect(createT('en', template)('count', { n: 1234, total: 1234567 })).toBe('1,234 of 1,234,567');
    expect(createT('de', template)('count', { n: 1234, total: 1234.5 })).toBe('1.234 of 1.234,5');
    // Arabic as Intl writes it: Western digits for `ar` (CLDR's default), Arabic-Indic ones for ar-EG.
    expect(createT('ar', template)('count', { n: 1234, total: 7 })).toBe('1,234 of 7');
    expect(createT('ar-EG', template)('count', { n: 1234, total: 7 })).toBe('١٬٢٣٤ of ٧');
    // A number handed over as a string (a year, a code) is not a quantity: no grouping.
    expect(createT('de', template)('count', { n: '2026', total: 'A1234' })).toBe('2026 of A1234');
    // The plural form is still chosen by the number, and the count in it formatted.
    expect(createT('de', { 'x.one': '{count} Eintrag', 'x.other': '{count} Einträge' })('x', { count: 1500 })).toBe('1.500 Einträge');
  });

  it('quotes in the quotation marks of each language (the `quote` string)', () => {
    const quote = (lang: string, dictionary: Record<string, string>) => createT(lang, dictionary, en)('quote', { text: 'Hallo' });
    expect(quote('en', en)).toBe('“Hallo”');
    expect(quote('de', de)).toBe('„Hallo“');
    expect(quote('ar', ar)).toBe('«Hallo»');
  });

  it('takes the keys of its dictionaries, plural forms by their base', () => {
    expectTypeOf(t).parameter(0).toEqualTypeOf<'hello' | 'steps' | 'fallback'>();
    // @ts-expect-error: a plural form is addressed by its base, with vars.count
    t('steps.one');
  });
});

describe('UiKey', () => {
  it('is every key of en.json, plural forms by their base', () => {
    expectTypeOf<'nav.skip' | 'snippet.variants' | 'impact.trendSummary.week'>().toExtend<UiKey>();
    expectTypeOf<'snippet.variants.one'>().not.toExtend<UiKey>();
    expectTypeOf<'nav.nope'>().not.toExtend<UiKey>();
    expectTypeOf<Translate<UiKey>>().parameter(0).toEqualTypeOf<UiKey>();
  });

  it('has a string for every value of the unions keys are built from', () => {
    // What the type checker proves for t(`campaign.status.${status}`) and its kind.
    expectTypeOf<`kind.${CollectionName}` | `search.type.${CollectionName}`>().toExtend<UiKey>();
    expectTypeOf<`campaign.status.${CampaignStatus}` | `campaigns.group.${CampaignStatus}`>().toExtend<UiKey>();
    expectTypeOf<`training.role.${TrainingRole}` | `training.status.${ModuleStatus}`>().toExtend<UiKey>();
    expectTypeOf<`training.level.${(typeof LEVELS)[number]}` | `network.${TranslatedNetworkId}` | `compose.linkCharacter.${CharacterRefusal}`>().toExtend<UiKey>();
    // Brand names are no UI strings: only a network whose name is a word has one.
    expectTypeOf<TranslatedNetworkId>().toEqualTypeOf<'email'>();
    expectTypeOf<`search.filter.${(typeof SEARCH_FILTERS)[number]}` | `search.sort.${(typeof SORTS)[number]}`>().toExtend<UiKey>();
    expectTypeOf<`calendar.kind.${CalendarKind}` | `calendar.event.${Exclude<CalendarKind, 'campaign'>}`>().toExtend<UiKey>();
    expectTypeOf<`impact.${'trend.chart' | 'trend.visits' | 'trend.conversions' | 'trendSummary' | 'period'}.${Interval}`>().toExtend<UiKey>();
    // A value the union does not have has no string: the checker refuses the key.
    expectTypeOf<`campaign.status.${CampaignStatus | 'cancelled'}`>().not.toExtend<UiKey>();
    const t: Translate<UiKey> = (key) => key;
    const status = 'past' as CampaignStatus;
    const wider = status as CampaignStatus | 'cancelled';
    expect(t(`campaign.status.${status}`)).toBe('campaign.status.past');
    // @ts-expect-error: there is no campaign.status.cancelled
    t(`campaign.status.${wider}`);
  });

  it('holds each key once: no plural base is also a key, and every plural key has the .other form t() falls back to', () => {
    const plural = KEYS.filter((key) => PLURAL_SUFFIX.test(key));
    expect(plural.length).toBeGreaterThan(5);
    expect(plural.map(addressed).filter((base) => base in dictionary)).toEqual([]);
    expect(plural.map(addressed).filter((base) => !(`${base}.other` in dictionary))).toEqual([]);
  });
});

describe('island strings', () => {
  it('hands each island only keys of en.json, and an island reads only what it is handed', () => {
    expectTypeOf<IslandKey<keyof typeof ISLAND_STRINGS>>().toExtend<UiKey>();
    const handed: string[] = Object.values(ISLAND_STRINGS).flat();
    expect(handed.filter((key) => !(key in dictionary))).toEqual([]);
    expectTypeOf<ReturnType<typeof stringsOf<IslandKey<'quiz'>>>>().parameter(0).toEqualTypeOf<IslandKey<'quiz'>>();
    expectTypeOf<'quiz.right'>().toExtend<IslandKey<'quiz'>>();
    expectTypeOf<'tracks.copied'>().not.toExtend<IslandKey<'quiz'>>();
  });

  it('checks the keys handed to an island against the keys t() takes', () => {
    const t = createT('en', { 'quiz.right': 'Right.', 'quiz.wrong': 'Not quite: the answer is “{answer}”.' });
    expect(JSON.parse(clientStrings(t, ['quiz.wrong']))).toEqual({ 'quiz.wrong': 'Not quite: the answer is “{answer}”.' });
    // @ts-expect-error: not a key of t's dictionary
    expect(() => clientStrings(t, ['quiz.right', 'quiz.nope'])).toThrow(/Missing UI string "quiz.nope"/);
  });
});

describe('en.json', () => {
  const src = path.resolve(import.meta.dirname, '../../src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(astro|ts)$/.test(f));
  const source = files.map((f) => readFileSync(path.join(src, f), 'utf8')).join('\n');
  const literals = new Set([...source.matchAll(/(['"])([\w.-]+)\1/g)].map((m) => m[2]!));
  // Template literals that start like a UI key: `campaign.status.${status}` → campaign.status.*
  const templates = new Set(
    [...source.matchAll(/`([\w.-]+)\$\{[^`]*?\}([\w.-]*)`/g)].filter((m) => KEYS.some((key) => key.startsWith(m[1]!))).map((m) => `${m[1]}*${m[2]}`),
  );
  const expand = (pattern: string) => DYNAMIC_KEYS[pattern]!.map((value) => pattern.replace('*', value));

  it('knows every key the source builds from a value, and every such key is in en.json', () => {
    expect([...templates].filter((pattern) => !(pattern in DYNAMIC_KEYS))).toEqual([]);
    expect(Object.keys(DYNAMIC_KEYS).filter((pattern) => !templates.has(pattern))).toEqual([]);
    const built = Object.keys(DYNAMIC_KEYS).flatMap(expand);
    expect(built.filter((key) => !ADDRESSABLE.has(key))).toEqual([]);
  });

  it('has no string that nothing uses', () => {
    const used = new Set([...literals, ...Object.keys(DYNAMIC_KEYS).flatMap(expand)]);
    const unused = [...ADDRESSABLE].filter((key) => !used.has(key));
    expect(unused.sort()).toEqual([...NOT_YET_USED].sort());
  });
});
