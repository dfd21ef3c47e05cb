/** The snippet feeds of this hub (src/lib/feeds.ts), and what the pages say about them. */
import { type FeedFormat, type FeedId, feedIds, snippetFeed } from '../lib/feeds.ts';
import { absolute, cardPath, entryPath, feedPath, path } from '../lib/urls.ts';
import { NOW, published, settings, t } from './hub.ts';
import { teamName, topicName } from './labels.ts';

/** A feed as a page names it: "Tidewater Voices: posts for Sales". */
export function feedTitle(id: FeedId): string {
  if (id.startsWith('team-')) return t('feeds.team', { hub: settings.name, team: teamName(id.slice(5)) });
  if (id.startsWith('topic-')) return t('feeds.topic', { hub: settings.name, topic: topicName(id.slice(6)) });
  return t('feeds.all', { hub: settings.name });
}

export function allFeeds(): { id: FeedId; title: string; label: string; rss: string; json: string }[] {
  return feedIds(settings).map((id) => ({
    id,
    title: feedTitle(id),
    label: id === 'snippets' ? t('feeds.allLabel') : id.startsWith('team-') ? teamName(id.slice(5)) : topicName(id.replace(/^topic-/, '')),
    rss: feedPath(id, 'xml'),
    json: feedPath(id, 'json'),
  }));
}

export const feedPaths = () => feedIds(settings).map((feed) => ({ params: { feed } }));

export async function feedText(id: string, format: FeedFormat): Promise<string> {
  const site = settings.site;
  return snippetFeed({
    id: id as FeedId,
    title: feedTitle(id as FeedId),
    description: t('feeds.description', { hub: settings.name }),
    lang: settings.lang,
    now: NOW,
    copyright: settings.organization,
    urls: {
      hub: absolute(path(), site),
      feed: (feed, as) => absolute(feedPath(feed, as), site),
      share: (snippet) => absolute(entryPath('snippets', snippet), site),
      card: (snippet) => absolute(cardPath('snippets', snippet), site),
    },
    snippets: await published('snippets'),
  })[format];
}
