/**
 * What the search page needs besides the index: the hub's own words for
 * "Did you mean …" (titles, topics and hashtags of published entries, kept
 * small: one list of words, most used first) and the other names a filter
 * value goes by in links (`?type=people` for "Person").
 */
import { COLLECTIONS } from '../model/collections.ts';
import { vocabulary } from '../lib/search/suggest.ts';
import { entryTitle, published, settings, t } from './hub.ts';

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

/** For each filter, the names a link may use for a value besides its label: the collections' names for the types. */
export function searchAliases(): Record<string, Record<string, string>> {
  return { type: Object.fromEntries(COLLECTIONS.map((collection) => [collection, t(`search.type.${collection}`)])) };
}
