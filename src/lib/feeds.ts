/**
 * Feeds of snippets (RSS 2.0 and JSON Feed 1.1, written by the `feed` library): the newest
 * published snippets (FEED_ITEMS), of all, of one team or of one topic, each item linking to its
 * share page. Pure: the routes (src/hub/routes/feeds/) pass published snippets and absolute URLs.
 */
import { Feed, type Item } from 'feed';
import { EVERYONE } from '../model/schemas/settings.ts';
import { fitsTeam } from './digest/build.ts';
import { escapeHtml } from './escape.ts';
import { excerpt } from './labels.ts';
import { byDateDesc } from './order.ts';

export type FeedFormat = 'xml' | 'json';

/** `snippets` (all), `team-<id>` or `topic-<id>`: the file name of a feed under /feeds/. */
export type FeedId = 'snippets' | `team-${string}` | `topic-${string}`;

/** Every feed a hub publishes: all snippets, one per team (but "all", which is every snippet), one per topic. */
export function feedIds(settings: { teams: readonly string[]; topics: readonly string[] }): FeedId[] {
  return [
    'snippets',
    ...settings.teams.filter((team) => team !== EVERYONE).map((team) => `team-${team}` as const),
    ...settings.topics.map((topic) => `topic-${topic}` as const),
  ];
}

export interface FeedSnippet {
  id: string;
  data: { title: string; teams: readonly string[]; topics: readonly string[]; hashtags?: readonly string[]; publish?: Date; variants: readonly { text: string }[] };
}

/**
 * Items a feed holds: the newest. A reader polls a feed again and again and keeps what it has seen,
 * so a feed of every snippet only grows what each poll downloads (4.6 MB at 10,000 entries);
 * every snippet stays in the share feed (/snippets.json and its pages) and on the hub.
 */
export const FEED_ITEMS = 100;

/** The snippets a feed holds, in the order given. */
export function feedSnippets<S extends FeedSnippet>(id: FeedId, snippets: readonly S[]): S[] {
  if (id.startsWith('team-')) return snippets.filter((s) => fitsTeam(s.data.teams, id.slice('team-'.length)));
  if (id.startsWith('topic-')) return snippets.filter((s) => s.data.topics.includes(id.slice('topic-'.length)));
  return [...snippets];
}

export interface FeedInput {
  id: FeedId;
  title: string;
  description: string;
  lang: string;
  /** The build's instant: the feed's last update. */
  now: Date;
  copyright: string;
  /** Absolute URLs: the hub, a feed's own address, a snippet's share page and card. */
  urls: { hub: string; feed(id: FeedId, format: FeedFormat): string; share(id: string): string; card(id: string): string };
  snippets: readonly FeedSnippet[];
}

/** The `count` newest snippets by publish date, newest first; those without one after, in the order given. */
export function newest<S extends FeedSnippet>(snippets: readonly S[], count: number): S[] {
  // Equal dates keep the order given (the sort is stable and the second key always ties).
  return [...snippets]
    .sort(
      byDateDesc(
        (s) => s.data.publish,
        () => '',
      ),
    )
    .slice(0, count);
}

export function snippetFeed(input: FeedInput): Record<FeedFormat, string> {
  const { urls } = input;
  const feed = new Feed({
    id: urls.feed(input.id, 'xml'),
    title: input.title,
    description: input.description,
    link: urls.hub,
    language: input.lang,
    updated: input.now,
    copyright: input.copyright,
    generator: false,
    feedLinks: { rss: urls.feed(input.id, 'xml'), json: urls.feed(input.id, 'json') },
  });
  for (const snippet of newest(feedSnippets(input.id, input.snippets), FEED_ITEMS)) {
    const link = urls.share(snippet.id);
    const item: Omit<Item, 'date'> & { date?: Date } = {
      title: snippet.data.title,
      id: link,
      guid: link,
      link,
      // Both formats read the description as HTML: the post's text is escaped to stay text.
      description: escapeHtml(excerpt(snippet.data.variants[0]?.text ?? '', 280)),
      category: snippet.data.topics.map((name) => ({ name })),
      image: { url: urls.card(snippet.id), type: 'image/png' },
      // A snippet without a publish date has had none to give: RSS and JSON Feed both allow an item without one.
      ...(snippet.data.publish ? { date: snippet.data.publish, published: snippet.data.publish } : {}),
    };
    feed.addItem(item as Item);
  }
  return { xml: feed.rss2(), json: feed.json1() };
}
