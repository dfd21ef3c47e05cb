/** /snippets.json: the share feed (src/lib/share/feed.ts), published snippets only. */
import type { APIRoute } from 'astro';
import { NOW, published, settings } from '../../views/hub.ts';
import { buildFeed } from '../../lib/share/feed.ts';
import { offeredNetworks } from '../../model/networks.ts';
import { SHARE_FEED_SCHEMA, absolute, entryPath, path } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = site ?? settings.site;
  const feed = buildFeed({
    schemaUrl: absolute(path(SHARE_FEED_SCHEMA), base),
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
  return new Response(JSON.stringify(feed, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
