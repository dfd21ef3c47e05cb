/**
 * UI strings: one flat JSON per language in src/i18n/, read through `t()`.
 * `{name}` placeholders are filled from `vars`; a key with `.one`/`.other`
 * (etc.) variants is chosen by `vars.count` through Intl.PluralRules.
 */
export type Dictionary = Record<string, string>;
export type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

export function createT(lang: string, dictionary: Dictionary, fallback: Dictionary = {}): Translate {
  const plural = new Intl.PluralRules(lang);
  const lookup = (key: string) => dictionary[key] ?? fallback[key];
  return (key, vars = {}) => {
    let template = lookup(key);
    if (typeof vars.count === 'number') template = lookup(`${key}.${plural.select(vars.count)}`) ?? lookup(`${key}.other`) ?? template;
    if (template === undefined) throw new Error(`Missing UI string "${key}" (add it to src/i18n/en.json)`);
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}
