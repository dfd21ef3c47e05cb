/**
 * UI strings: one flat JSON per language in src/i18n/, read through `t()`.
 * `{name}` placeholders are filled from `vars`, a number written as the
 * language writes it (Intl.NumberFormat: 1234 is "1,234" in English, "1.234"
 * in German); a key with plural forms (`x.one`, `x.other`, … one per
 * Intl.PluralRules category) is addressed as `x` and its form is chosen by
 * `vars.count`. A number that is a name rather than a quantity (a year, a
 * code) is handed over as a string, and stays as it is.
 *
 * Keys are typed from the dictionaries `createT()` is given: the hub's `t()`
 * (src/views/hub.ts) takes `UiKey`, the keys of src/i18n/en.json. A key built
 * from a union, such as t(`campaign.status.${status}`), is checked for every
 * member of the union, so `astro check` fails on a key English does not have.
 */
export type Dictionary = Record<string, string>;
export type Vars = Record<string, string | number>;

/** The categories of Intl.PluralRules: the last segment of a plural form's key. */
export const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralForm = (typeof PLURAL_FORMS)[number];

/** The keys `t()` takes for a dictionary: each key, or for a plural form (`x.one`) its base (`x`). */
export type KeysOf<D> = keyof D extends infer K ? (K extends `${infer Base}.${PluralForm}` ? Base : Extract<K, string>) : never;

/**
 * `t()` for the keys `K`. Written as a method so that a `t` of known keys can be handed to code
 * written for any key (`Translate`, as src/lib/metrics/view.ts takes it): its callers' keys are
 * checked where `t` is typed with its keys.
 */
export type Translate<K extends string = string> = { translate(key: K, vars?: Vars): string }['translate'];

/**
 * `t()` for a language: `dictionary` is its strings, `fallback` (English) fills the keys it lacks.
 * It takes the keys of both dictionaries; an unknown key throws, naming it.
 */
export function createT<D extends Dictionary, F extends Dictionary = Record<never, string>>(lang: string, dictionary: D, fallback?: F): Translate<KeysOf<D> | KeysOf<F>> {
  const plural = new Intl.PluralRules(lang);
  const number = new Intl.NumberFormat(lang);
  const lookup = lookupIn(dictionary, fallback);
  return (key, vars = {}) => {
    let template = lookup(key);
    if (typeof vars.count === 'number') template = pluralTemplate(lookup, key, plural.select(vars.count)) ?? template;
    if (template === undefined) throw new Error(`Missing UI string "${key}" (add it to src/i18n/en.json)`);
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? formatVar(vars[name]!, number) : match));
  };
}

/**
 * A plural string's template for every plural category of `lang`
 * (`{ 'x.one': '{count} result', 'x.other': … }`), each as `t()` picks it
 * (the category's own form, else `x.other`), for an island that counts on
 * the client: `x.<Intl.PluralRules(lang).select(n)>` is always there.
 */
export function pluralTemplates(lang: string, dictionary: Dictionary, fallback: Dictionary | undefined, ...keys: string[]): Record<string, string> {
  const lookup = lookupIn(dictionary, fallback);
  const templates: Record<string, string> = {};
  for (const key of keys) {
    for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
      const template = pluralTemplate(lookup, key, category);
      if (template === undefined) throw new Error(`Missing UI string "${key}.other" (add it to src/i18n/en.json)`);
      templates[`${key}.${category}`] = template;
    }
  }
  return templates;
}

const lookupIn = (dictionary: Dictionary, fallback?: Dictionary) => (key: string) => dictionary[key] ?? fallback?.[key];

/** The form of a plural key for a category: the category's own, else `.other`. */
const pluralTemplate = (lookup: (key: string) => string | undefined, key: string, category: Intl.LDMLPluralRule) =>
  lookup(`${key}.${category}`) ?? lookup(`${key}.other`);

/** A placeholder's value as text: a number in the language's digits and grouping, a string as it is. */
export function formatVar(value: string | number, number: Intl.NumberFormat): string {
  return typeof value === 'number' ? number.format(value) : value;
}
