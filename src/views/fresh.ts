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
import { type Entry, entryTitle, published } from './hub.ts';

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

/** Every published entry with a publish or update date, the most recent first: what "New for <team>" may count. */
export async function newsEntries(): Promise<NewsEntry[]> {
  const entries: NewsEntry[] = [];
  for (const collection of DATED) {
    for (const entry of await published(collection)) {
      const { published: date, updated } = cardDates(entry);
      if (!date && !updated) continue;
      const teams = collection === 'snippets' ? (entry as Entry<'snippets'>).data.teams : undefined;
      entries.push({ collection, title: entryTitle(entry as Entry<CollectionName>), href: entryPath(collection, entry.id), published: date, updated, teams });
    }
  }
  const latest = (e: NewsEntry) => Math.max(e.published?.getTime() ?? 0, e.updated?.getTime() ?? 0);
  return entries.sort((a, b) => latest(b) - latest(a));
}
