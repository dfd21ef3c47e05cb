/** The share feed of this build (src/lib/share/feed.ts): its index (/snippets.json), and its pages (/snippets/<n>.json) as they are asked for. */
import { type BuiltFeed, buildFeed } from '../lib/share/feed.ts';
import { offeredNetworks } from '../model/networks.ts';
import { SHARE_FEED, SHARE_FEED_SCHEMA, absolute, entryPath, path, shareFeedPagePath } from '../lib/urls.ts';
import { NOW, published, settings } from './hub.ts';

let built: Promise<BuiltFeed> | undefined;

export function shareFeed(): Promise<BuiltFeed> {
  built ??= build();
  return built;
}

async function build(): Promise<BuiltFeed> {
  const base = settings.site;
  return buildFeed({
    schemaUrl: absolute(path(SHARE_FEED_SCHEMA), base),
    indexUrl: absolute(path(SHARE_FEED), base),
    pageUrl: (n) => absolute(shareFeedPagePath(n), base),
    hub: { name: settings.name, site: absolute(path(), base) },
    now: NOW,
    settings: { disclosure: settings.disclosure, medium: settings.utm.medium, mastodon: settings.mastodon.instance },
    snippets: (await published('snippets')).map(({ id, data }) => ({
      id,
      title: data.title,
      url: absolute(entryPath('snippets', id), base),
      link: data.link,
      campaign: data.campaign,
      topics: data.topics,
      teams: data.teams,
      hashtags: data.hashtags,
      publish: data.publish,
      expires: data.expires,
      variants: data.variants,
      networks: offeredNetworks(settings.networks, data.networks),
    })),
  });
}
