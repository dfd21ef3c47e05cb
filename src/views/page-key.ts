/**
 * The key of an entry page in Astro's incremental build (src/lib/page-key.ts
 * says what it holds and why): the digest of Astro's content store, the
 * settings, and the interval of the build's instant among the content's
 * dates. The same for every entry page of a build, worked out once: any
 * change to the content renders every entry page again, and a build that
 * changes nothing copies them all.
 *
 * `astro dev` has no key (it renders every request), and a build without
 * the store file renders every page.
 */
import { getCollection } from 'astro:content';
import { contentStore, language, settings } from 'virtual:hub/config';
import { COLLECTIONS } from '../model/collections.ts';
import { datesIn, fileDigest, pageKeyOf, timeInterval } from '../lib/page-key.ts';
import { NEWS_WINDOW_DAYS } from './fresh.ts';
import { NOW } from './hub.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Where a rule looks from an entry's date: the date, the day after (bare-date expiry), the end of the news window. */
export const TIME_OFFSETS = [0, DAY, NEWS_WINDOW_DAYS * DAY] as const;

let key: Promise<string | undefined> | undefined;

/** This build's key of every entry page, or undefined when pages are rendered anyway. */
export function pageKey(): Promise<string | undefined> {
  key ??= (async () => {
    const store = contentStore && fileDigest(contentStore);
    if (!store) return undefined;
    const dates: number[] = [];
    for (const collection of COLLECTIONS) for (const entry of await getCollection(collection)) datesIn(entry.data, dates);
    return pageKeyOf([store, JSON.stringify(settings), JSON.stringify(language), timeInterval(dates, TIME_OFFSETS, NOW)]);
  })();
  return key;
}

/** The paths of a route, each with this build's key (`cacheKey`) when it has one. */
export async function withPageKey<T extends object>(paths: readonly T[]): Promise<(T & { cacheKey?: string })[]> {
  const cacheKey = await pageKey();
  return cacheKey === undefined ? [...paths] : paths.map((p) => ({ ...p, cacheKey }));
}
