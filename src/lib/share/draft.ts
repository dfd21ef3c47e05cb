/**
 * One shareable thing (a snippet, or an article) turned into a post per
 * network before it is counted: tagged link, composed text, limit and share
 * URL. posts.ts adds the count with every pattern loaded (build, feed); the
 * share panel adds it with live-length.ts. Holds no pattern data.
 */
import { type Composed, compose } from './compose.ts';
import { CLIPBOARD_NETWORKS, intentUrl } from './intents.ts';
import { LIMITS } from './length-rules.ts';
import type { NetworkId } from './networks.ts';
import { tagLink } from './utm.ts';

export interface Shareable {
  /** Snippet or article id: utm_campaign when there is no campaign. */
  id: string;
  /** The absolute URL being shared, untagged. */
  link: string;
  campaign?: string;
  hashtags: readonly string[];
  variants: readonly { text: string; networks?: readonly NetworkId[] }[];
  /** Networks offered for this item, in button order. */
  networks: readonly NetworkId[];
}

export interface ShareSettings {
  disclosure: string;
  /** settings.utm.medium */
  medium: string;
  /** Mastodon instance host for the share URL. */
  mastodon: string;
}

export interface DraftPost extends Composed {
  network: NetworkId;
  limit: number;
  /** The share URL; for CLIPBOARD_NETWORKS the text must be copied first. */
  url: string;
  clipboard: boolean;
}

/** The longest advocate code the hub accepts (src/lib/advocate.ts): build checks assume it. */
export const LONGEST_CODE = 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';

/**
 * The post of `text` (a variant as written or edited) on `network`. `code` is
 * the advocate's code, sent as utm_content; without it the link has no utm_content.
 */
export function draftPost(network: NetworkId, text: string, item: Shareable, settings: ShareSettings, code?: string): DraftPost {
  const link = tagLink(item.link, { source: network, medium: settings.medium, campaign: item.campaign ?? item.id, content: code });
  const post = compose(network, { text, hashtags: item.hashtags, disclosure: settings.disclosure, link });
  return {
    ...post,
    network,
    limit: LIMITS[network],
    url: intentUrl(network, post, { mastodon: settings.mastodon }),
    clipboard: CLIPBOARD_NETWORKS.has(network),
  };
}


/** The networks variant `index` is offered on, in button order. */
export function networksOfVariant(item: Shareable, index: number): NetworkId[] {
  const only = item.variants[index]?.networks;
  return item.networks.filter((network) => !only || only.includes(network));
}
