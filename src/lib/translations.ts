/**
 * Which version of an entry each language's pages show. An entry is one id
 * with a version per language it is written in: `<id>.md` in the default
 * language, `<id>.<language>.md` in another (docs/content-model.md →
 * Languages). A language shows its own version when it is published;
 * otherwise, per `untranslated`, the default language's version (marked as
 * such) or nothing.
 */

import { sameLanguage } from '../model/schemas/settings.ts';

/** The hub's languages and what a language does with an entry not translated into it. */
export interface LanguagePlan {
  /** settings.lang: the language of `<id>.md`, whose pages keep the hub's URLs. */
  default: string;
  /** Every language, the default first. */
  languages: readonly string[];
  untranslated: 'show' | 'hide';
}

/** A version of an entry as the check reads it: `lang` is undefined for the default language's. */
export interface Version {
  collection: string;
  id: string;
  lang?: string;
  published: boolean;
}

/** `collection/id`: how an entry is named across its versions. */
export function entryKey(entry: { collection: string; id: string }): string {
  return `${entry.collection}/${entry.id}`;
}

const isDefault = (language: string, plan: LanguagePlan) => sameLanguage(language, plan.default);

/** The versions of each entry, by `collection/id`. */
export function byEntry<V extends Version>(versions: Iterable<V>): Map<string, V[]> {
  const grouped = new Map<string, V[]>();
  for (const version of versions) {
    const key = entryKey(version);
    const list = grouped.get(key);
    if (list) list.push(version);
    else grouped.set(key, [version]);
  }
  return grouped;
}

/**
 * The version of one entry `language`'s pages show: its own when published; else the default
 * language's when untranslated entries are shown (published or not: the publish filter decides);
 * else its own unpublished one, or none.
 */
export function versionIn<V extends Version>(versions: readonly V[], language: string, plan: LanguagePlan): V | undefined {
  const source = versions.find((v) => v.lang === undefined);
  if (isDefault(language, plan)) return source;
  const own = versions.find((v) => v.lang !== undefined && sameLanguage(v.lang, language));
  if (own?.published) return own;
  if (plan.untranslated === 'show' && source) return source;
  return own;
}

/** What the pages of every language hold of each entry: where it has a page, and where that page shows the default language's text. */
export interface EntryLanguages {
  /** `collection/id` → the languages with a published page of it, in the plan's order. */
  pages: Record<string, string[]>;
  /** `collection/id` → the languages whose page shows the default language's version (untranslated: show). */
  untranslated: Record<string, string[]>;
}

export function entryLanguages(versions: Iterable<Version>, plan: LanguagePlan): EntryLanguages {
  const pages: Record<string, string[]> = {};
  const untranslated: Record<string, string[]> = {};
  for (const [key, list] of byEntry(versions)) {
    for (const language of plan.languages) {
      const shown = versionIn(list, language, plan);
      if (!shown?.published) continue;
      (pages[key] ??= []).push(language);
      if (shown.lang === undefined && !isDefault(language, plan)) (untranslated[key] ??= []).push(language);
    }
  }
  return { pages, untranslated };
}

/** The path segment of a language's pages: none for the default language, `de/` for German, `de-ch/` for de-CH. */
export function languageSegment(language: string, plan: Pick<LanguagePlan, 'default'>): string {
  return sameLanguage(language, plan.default) ? '' : `${language.toLowerCase()}/`;
}

/** A language's name in that language (Deutsch, العربية), for a switcher. */
export function languageName(language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language);
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : language;
  } catch {
    return language;
  }
}
