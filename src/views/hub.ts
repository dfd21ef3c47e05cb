/**
 * The hub's data as pages see it: settings, `t()`, and collections already
 * passed through the one publish filter and sorted. Routes import from here,
 * never from `getCollection` directly, so none can forget the filter.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { now, search, settings } from 'virtual:hub/config';
import type { CollectionName } from '../model/collections.ts';
import { type KeysOf, type Translate, createT, pluralTemplates } from '../lib/i18n.ts';
import { isPublished } from '../lib/publish.ts';
import { byDateDesc, byOrder, campaignStatus, compareCampaigns } from '../lib/order.ts';
import en from '../i18n/en.json';
import { noteRead } from './reads.ts';

const SNIPPET_RANK = { current: 0, evergreen: 1, upcoming: 2, past: 3 } as const;

/** The instant this build publishes for (HUB_NOW, pinned once by the hub() integration). */
export const NOW = now;

/** content/settings.yaml, read and checked once by the hub() integration. */
export { settings };

/** Whether this run writes a search index: `astro build` does, `astro dev` does not. */
export const SEARCH_INDEXED = search.indexed;

/** A UI string's key, as `t()` takes it: a key of src/i18n/en.json, plural forms (`x.one`, `x.other`) addressed by their base (`x`). */
export type UiKey = KeysOf<typeof en>;

// A translation has the keys of English, or some of them: English fills the rest.
const dictionaries = import.meta.glob<Partial<typeof en>>('../i18n/*.json', { eager: true, import: 'default' });
const language = settings.lang.toLowerCase();
const dictionary = dictionaries[`../i18n/${language}.json`] ?? dictionaries[`../i18n/${language.split('-')[0]}.json`] ?? en;

/** UI strings in the hub's language, English where a translation lacks a key. */
export const t: Translate<UiKey> = createT(settings.lang, dictionary, en);

/**
 * The forms of plural strings for an island that counts on the client, in
 * the hub's language (English where a translation lacks a key): one for each
 * of the language's plural categories (`pluralTemplates`).
 */
export const pluralStrings = (...keys: UiKey[]): Record<string, string> => pluralTemplates(settings.lang, dictionary, en, ...keys);

/** What the hub is about, in one sentence: settings.description, or one made of the organization's name. */
export function hubDescription(): string {
  return settings.description ?? t('home.description', { organization: settings.organization });
}

export type Entry<C extends CollectionName> = CollectionEntry<C>;

const cache = new Map<CollectionName, Promise<unknown[]>>();

/**
 * The published entries of a collection, in their natural order. The entry
 * page being rendered depends on the whole list from then on (page-key.ts),
 * unless `noted` is false (the page-key's own use).
 */
export function published<C extends CollectionName>(collection: C, { noted = true } = {}): Promise<Entry<C>[]> {
  if (noted) noteRead(`published:${collection}`);
  if (!cache.has(collection)) {
    cache.set(
      collection,
      getCollection(collection, (entry) => isPublished(entry.data, NOW)).then((entries) => sortEntries(collection, entries as Entry<C>[])),
    );
  }
  return cache.get(collection) as Promise<Entry<C>[]>;
}

/**
 * The published entries of a collection whose `field` is `value` (a campaign's snippets, an author's
 * articles), in their natural order. The entry page being rendered depends on those only (page-key.ts).
 */
export async function publishedWhere<C extends CollectionName>(collection: C, field: string, value: string): Promise<Entry<C>[]> {
  noteRead(`published:${collection}:${field}=${value}`);
  return (await published(collection, { noted: false })).filter((entry) => (entry.data as Record<string, unknown>)[field] === value);
}

async function sortEntries<C extends CollectionName>(collection: C, entries: Entry<C>[]): Promise<Entry<C>[]> {
  const list = [...entries] as Entry<CollectionName>[];
  switch (collection) {
    case 'articles':
      (list as Entry<'articles'>[]).sort(
        byDateDesc(
          (a) => a.data.published,
          (a) => a.data.title,
        ),
      );
      break;
    case 'snippets': {
      // What to share now comes first: current campaigns, then evergreen posts, then upcoming and past campaigns.
      const campaigns = new Map((await getCollection('campaigns')).map((c) => [c.id, c.data]));
      const rank = (s: Entry<'snippets'>) => {
        const campaign = s.data.campaign ? campaigns.get(s.data.campaign) : undefined;
        return campaign ? SNIPPET_RANK[campaignStatus(campaign, NOW)] : SNIPPET_RANK.evergreen;
      };
      const newest = byDateDesc<Entry<'snippets'>>(
        (s) => s.data.publish,
        (s) => s.data.title,
      );
      (list as Entry<'snippets'>[]).sort((a, b) => rank(a) - rank(b) || newest(a, b));
      break;
    }
    case 'guidelines':
    case 'training':
      (list as Entry<'guidelines' | 'training'>[]).sort((a, b) => byOrder(a.data, b.data));
      break;
    case 'campaigns':
      (list as Entry<'campaigns'>[]).sort((a, b) => compareCampaigns(a.data, b.data, NOW));
      break;
    case 'people':
      (list as Entry<'people'>[]).sort((a, b) => a.data.name.localeCompare(b.data.name, settings.lang));
      break;
    case 'tracks':
      (list as Entry<'tracks'>[]).sort((a, b) => a.data.title.localeCompare(b.data.title, settings.lang));
      break;
  }
  return list as Entry<C>[];
}

/**
 * A published entry by id, or undefined when it is missing or unpublished (links are then left out). The entry
 * page being rendered depends on that entry only, not on the list (page-key.ts).
 */
export async function findPublished<C extends CollectionName>(collection: C, id: string): Promise<Entry<C> | undefined> {
  noteRead(`entry:${collection}/${id}`);
  return (await published(collection, { noted: false })).find((entry) => entry.id === id);
}

/** The name an entry goes by in links: a person's name, otherwise its title. */
export function entryTitle(entry: Entry<CollectionName>): string {
  return 'name' in entry.data ? entry.data.name : entry.data.title;
}
