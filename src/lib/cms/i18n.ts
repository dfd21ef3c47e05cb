/**
 * What Decap CMS writes for each language of an entry, in a hub of several
 * languages (src/lib/cms/config.ts gives Decap the languages and each
 * field's kind). Decap 3 left alone writes a file for every language whose
 * data it holds — and it holds some for every language as soon as a
 * `duplicate` field is set in the default language (decap-cms#6932): a new
 * snippet, or a changed date, would write `<id>.de.md` and `<id>.ar.md`
 * holding a date and no title, which the build refuses. And a translation
 * written from scratch holds only what was typed in it, not the ids, dates
 * and choices it has to carry too. So, before Decap writes:
 *
 * - a language whose translated fields are all empty is not written (the
 *   entry stays untranslated there: settings.untranslated decides);
 * - a language with text gets the default language's value of every
 *   `duplicate` field (also inside translated objects, e.g. a cover's image).
 *
 * Pure: the admin page's save check and save format run it
 * (src/hub/routes/admin/cms-checks.client.ts, cms-formats.client.ts).
 */
import { parse as parseYaml } from 'yaml';

/** A field of the generated configuration, as much as the languages need. */
export interface I18nField {
  name: string;
  widget?: string;
  i18n?: 'translate' | 'duplicate' | 'none' | boolean;
  fields?: I18nField[];
  field?: I18nField;
}

/** The hub's languages as the generated configuration gives them to Decap. */
export interface I18nConfig {
  structure: string;
  locales: string[];
  default_locale: string;
}

/** The top-level `i18n` of the generated /admin/config.yml, when the hub has several languages. */
export function i18nOf(configYaml: string): I18nConfig | undefined {
  const config = parseYaml(configYaml) as { i18n?: I18nConfig } | null;
  return config?.i18n;
}

/** The file Decap writes for a language of an entry: `<id>.<language>.md` (multiple_files), the default's too. */
export function versionFileName(id: string, language: string): string {
  return `${id}.${language}.md`;
}

/** Whether a value holds something a person wrote: text, a list with such an item, an object with such a field. */
function filled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(filled);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).some(filled);
  return value !== undefined && value !== null;
}

/** Whether `value` of `field` holds translated text: a translated field's own, or a translated field's inside an object. */
function translatedText(value: unknown, field: I18nField): boolean {
  if (field.widget === 'object' && field.fields) {
    return Boolean(value) && typeof value === 'object' && field.fields.some((child) => translatedText((value as Record<string, unknown>)[child.name], child));
  }
  return (field.i18n === 'translate' || field.i18n === true) && filled(value);
}

/** Whether a language's version holds any translated text of its own. */
export function hasTranslatedText(version: Record<string, unknown>, fields: readonly I18nField[]): boolean {
  return fields.some((field) => translatedText(version[field.name], field));
}

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/**
 * `version` with the default language's value of every field that is the same in every language
 * (`duplicate`, or a list left out of the other languages' forms), inside objects too; lists of
 * objects are each language's own.
 */
export function withDuplicates(version: Record<string, unknown>, source: Record<string, unknown>, fields: readonly I18nField[]): Record<string, unknown> {
  const result = { ...version };
  for (const field of fields) {
    if (field.widget === 'object' && field.fields) {
      const theirs = source[field.name];
      if (!isObject(theirs)) continue;
      const merged = withDuplicates(isObject(result[field.name]) ? (result[field.name] as Record<string, unknown>) : {}, theirs, field.fields);
      if (Object.keys(merged).length) result[field.name] = merged;
    } else if (field.i18n === 'duplicate' || field.i18n === false || field.i18n === 'none' || field.i18n === undefined) {
      if (source[field.name] === undefined) delete result[field.name];
      else result[field.name] = source[field.name];
    }
  }
  return result;
}

/**
 * What Decap should write for a language other than the default: nothing (undefined) when the
 * version holds no translated text, else the version with the default language's duplicated values.
 */
export function translationToWrite(
  version: Record<string, unknown> | undefined,
  source: Record<string, unknown>,
  fields: readonly I18nField[],
): Record<string, unknown> | undefined {
  if (!version || !hasTranslatedText(version, fields)) return undefined;
  return withDuplicates(version, source, fields);
}
