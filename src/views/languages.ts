/**
 * The same page in the hub's other languages: for `<link rel="alternate" hreflang>` in the head and
 * the language switcher. A page that is not an entry's exists in every language; an entry's page
 * exists where the entry has a published version or, with `untranslated: show`, where the default
 * language's version stands in for it (src/lib/translations.ts).
 */
import { language, settings } from 'virtual:hub/config';
import { ROUTE_OF, type CollectionName } from '../model/collections.ts';
import { buildChannel } from '../lib/build-channel.ts';
import { noteRead } from './reads.ts';
import { languageName, languageSegment } from '../lib/translations.ts';
import { absolute } from '../lib/urls.ts';

export interface Alternate {
  lang: string;
  /** The language's name in that language (Deutsch, العربية). */
  name: string;
  /** The absolute URL (hreflang alternates, the sitemap). */
  href: string;
  /** The path on this site (links: they work on a preview server too). */
  path: string;
  current: boolean;
}

export interface PageLanguages {
  /** Every language the page exists in, in the hub's order; empty when it exists in one language only. */
  alternates: Alternate[];
  /** The default language's URL of the page (hreflang x-default), when it has one. */
  fallback?: string;
  /** The page shows the default language's version of an entry not translated into this page's language. */
  untranslated: boolean;
  /** The language the page's entry is written in: the default's when `untranslated`. */
  contentLang: string;
  /** Where a reader goes in a language the page does not exist in: that language's home. */
  homes: Alternate[];
}

const COLLECTION_OF_ROUTE = new Map(Object.entries(ROUTE_OF).map(([collection, route]) => [route, collection as CollectionName]));

/** `pathname` (with this language's base path) in every language of the hub. */
export function pageLanguages(pathname: string, site: string | URL = settings.site): PageLanguages {
  const { plan, current, rootBase } = language;
  const rest = underBase(pathname);
  const key = entryOf(rest);
  const known = key ? languagesOf(key) : undefined;
  const languages = known ? (known.pages ?? [current]) : plan.languages;
  const untranslated = key !== undefined && untranslatedHere(key);
  const at = (lang: string, page: string): Alternate => {
    const path = `${rootBase}${languageSegment(lang, plan)}${page}`;
    return { lang, name: languageName(lang), href: absolute(path, site), path, current: lang === current };
  };
  const present = plan.languages.filter((lang) => languages.includes(lang));
  // A page in one language only has no alternates (nor does any page of a hub of one language).
  const alternates = present.length > 1 ? present.map((lang) => at(lang, rest)) : [];
  return {
    alternates,
    fallback: alternates.find((a) => a.lang === plan.default)?.href,
    untranslated,
    contentLang: untranslated ? plan.default : current,
    homes: plan.languages.length > 1 ? plan.languages.map((lang) => at(lang, '')) : [],
  };
}

/**
 * The language of the words of the entry whose page is `pathname` (a link to it, or the page itself), when
 * they are not this page's language: the default language's, for an entry shown untranslated. For the
 * `lang` attribute of what shows the entry's words, so that a screen reader reads them in their language.
 */
export function contentLang(pathname: string): string | undefined {
  const { plan, current } = language;
  if (current === plan.default) return undefined;
  const key = entryOf(underBase(pathname));
  return key && languagesOf(key)?.untranslated?.includes(current) ? plan.default : undefined;
}

/** A path of this language's pages without its base path (`/de/share/x/` → `share/x/`). */
function underBase(pathname: string): string {
  const base = `${language.rootBase}${languageSegment(language.current, language.plan)}`;
  return pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
}

/** `collection/id` when `rest` (a path under the language's base) is an entry's page. */
function entryOf(rest: string): string | undefined {
  const match = /^([^/]+)\/([^/]+)\/$/.exec(rest);
  const collection = match && COLLECTION_OF_ROUTE.get(match[1]!);
  return collection ? `${collection}/${match[2]}` : undefined;
}

/**
 * Whether this language's page of an entry shows the default language's
 * version (`untranslated: show`): such a page stays out of this language's
 * search index, so its filter values are not offered there either.
 */
export function shownUntranslated(collection: CollectionName, id: string): boolean {
  return untranslatedHere(`${collection}/${id}`);
}

/** Whether the entry `collection/id` shows the default language's version in this language's run. */
const untranslatedHere = (key: string) => Boolean(languagesOf(key)?.untranslated?.includes(language.current));

/**
 * Where the entry `collection/id` has a page, and where that page shows the default language's version (from
 * the content loader), or undefined before the loader has read the content. The entry page being rendered
 * depends on it from then on (page-key.ts).
 */
export function languagesOf(key: string): { pages?: string[]; untranslated?: string[] } | undefined {
  noteRead(`languages:${key}`);
  const known = buildChannel().entryLanguages;
  return known && { pages: known.pages[key], untranslated: known.untranslated[key] };
}

/** The sitemap of every language: at the root of the site, where the default language's pages are. */
export function sitemapPath(): string {
  return `${language.rootBase}sitemap-index.xml`;
}
