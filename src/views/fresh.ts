/**
 * The dates "What's new for me" reads: per card, when the entry was published,
 * updated and when it expires (the fields the content model has: `publish`,
 * or `published` for articles; `updated` on articles and guidelines only;
 * `expires`), and for the home page every dated entry the "New for <team>"
 * line may count. An entry without a publish date is published at once and
 * has no date to show, so it is never marked "New".
 */
import type { CollectionName } from '../model/collections.ts';
import { entryPath } from '../lib/urls.ts';
import { type Entry, NOW, entryTitle, published } from './hub.ts';

export interface CardDates {
  published?: Date;
  updated?: Date;
  expires?: Date;
}

/** The collections whose cards carry dates and marks. */
export const DATED = ['snippets', 'articles', 'guidelines', 'training'] as const;
type Dated = (typeof DATED)[number];

export function cardDates(entry: Entry<Dated>): CardDates {
  const data = entry.data as { publish?: Date; published?: Date; updated?: Date; expires?: Date };
  return { published: data.published ?? data.publish, updated: data.updated, expires: data.expires };
}

export interface NewsEntry {
  collection: Dated;
  title: string;
  href: string;
  published?: Date;
  updated?: Date;
  /** A snippet's teams; other entries are for everyone. */
  teams?: readonly string[];
}

/**
 * How far back the home page lists dated entries: an advocate away longer is
 * told what is new since then ("New since <the window's first day>"), so the
 * page does not carry every dated entry a large hub ever had.
 */
export const NEWS_WINDOW_DAYS = 90;

/** The first instant of the window, for the build's `now`. */
export function newsWindowStart(now: Date = NOW): Date {
  return new Date(now.getTime() - NEWS_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}

/** Every published entry published or updated within the window, the most recent first: what "New for <team>" may count. */
export async function newsEntries(): Promise<NewsEntry[]> {
  const from = newsWindowStart().getTime();
  const entries: NewsEntry[] = [];
  for (const collection of DATED) {
    for (const entry of await published(collection)) {
      const { published: date, updated } = cardDates(entry);
      if (Math.max(date?.getTime() ?? 0, updated?.getTime() ?? 0) < from) continue;
      const teams = collection === 'snippets' ? (entry as Entry<'snippets'>).data.teams : undefined;
      entries.push({ collection, title: entryTitle(entry as Entry<CollectionName>), href: entryPath(collection, entry.id), published: date, updated, teams });
    }
  }
  const latest = (e: NewsEntry) => Math.max(e.published?.getTime() ?? 0, e.updated?.getTime() ?? 0);
  return entries.sort((a, b) => latest(b) - latest(a));
}
