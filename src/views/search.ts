/**
 * What the search page needs besides the index: the hub's own words for
 * "Did you mean …" (titles, topics and hashtags of published entries, kept
 * small: one list of words, most used first) and the other names a filter
 * value goes by in links (`?type=people` for "Person").
 */
import { COLLECTIONS, type CollectionName } from '../model/collections.ts';
import { EVERYONE } from '../model/schemas/settings.ts';
import { NETWORK_IDS } from '../model/networks.ts';
import { vocabulary } from '../lib/search/suggest.ts';
import { SEARCH_FILTERS, type SearchFilter } from '../lib/search/filters.ts';
import { type SearchRecord, searchRecord } from '../lib/search/record.ts';
import { type Entry, NOW, entryTitle, published, settings, t } from './hub.ts';
import { networkName, teamName, topicName } from './labels.ts';
import { shownUntranslated } from './languages.ts';

/**
 * At most this many words go into the search page (the sample hub has 191;
 * 2,000 words are about 20 KB of JSON, 9 KB gzip): a hub larger than that
 * gets suggestions from its most used words.
 */
const MAX_WORDS = 2000;

/** The words a mistyped query is compared with, most used first. */
export async function searchVocabulary(): Promise<string[]> {
  const texts: string[] = [...settings.topics];
  for (const collection of COLLECTIONS) {
    for (const entry of await published(collection)) {
      texts.push(entryTitle(entry));
      const data = entry.data as { topics?: unknown; hashtags?: unknown };
      for (const list of [data.topics, data.hashtags]) if (Array.isArray(list)) texts.push(...list.filter((v): v is string => typeof v === 'string'));
    }
  }
  return vocabulary(texts, MAX_WORDS);
}

/**
 * For each filter, the names a link may use for a value besides its label,
 * so a link works in every language of the hub and with the content's own
 * words: the collections' names for the types (`?type=people`), and the
 * ids of teams, topics and networks (`?team=sales`, `?network=email`).
 */
export function searchAliases(): Record<string, Record<string, string>> {
  return {
    type: Object.fromEntries(COLLECTIONS.map((collection) => [collection, t(`search.type.${collection}`)])),
    team: Object.fromEntries([EVERYONE, ...settings.teams].map((team) => [team, teamName(team)])),
    topic: Object.fromEntries(settings.topics.map((topic) => [topic, topicName(topic)])),
    network: Object.fromEntries(NETWORK_IDS.map((id) => [id, networkName(id)])),
  };
}

/** What the index records of an entry's page: its filters and metadata, in the hub's language (components/SearchEntry.astro). */
export function entrySearchRecord(collection: CollectionName, entry: Entry<CollectionName>): SearchRecord {
  return searchRecord({
    collection,
    id: entry.id,
    data: entry.data as Entry<CollectionName>['data'] & Record<string, unknown>,
    title: entryTitle(entry),
    typeLabel: t(`search.type.${collection}`),
    lang: settings.lang,
    defaultNetworks: settings.networks,
    teams: settings.teams,
    now: NOW,
    names: { team: teamName, topic: topicName, network: networkName },
  });
}

/**
 * Every value of each filter that some published entry has, as the index
 * spells it, in the language's alphabetical order: the search page lists
 * them in its HTML, so a filter opens without fetching Pagefind's filter
 * lists (178 KB at 10,000 entries); their counts load when a reader reaches
 * for a filter.
 */
export async function searchFilterValues(): Promise<Record<SearchFilter, string[]>> {
  const values = Object.fromEntries(SEARCH_FILTERS.map((name) => [name, new Set<string>()])) as Record<SearchFilter, Set<string>>;
  for (const collection of COLLECTIONS) {
    for (const entry of await published(collection)) {
      if (shownUntranslated(collection, entry.id)) continue;
      const { filters } = entrySearchRecord(collection, entry);
      for (const name of SEARCH_FILTERS) for (const value of filters[name] ?? []) values[name].add(value);
    }
  }
  const order = new Intl.Collator(settings.lang);
  return Object.fromEntries(SEARCH_FILTERS.map((name) => [name, [...values[name]].sort(order.compare)])) as Record<SearchFilter, string[]>;
}
