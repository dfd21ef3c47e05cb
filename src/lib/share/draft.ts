/**
 * One shareable thing (a snippet, or an article) turned into a post per
 * network before it is counted: tagged link, composed text, limit and share
 * URL. posts.ts adds the count with every pattern loaded (build, feed); the
 * share panel adds it with live-length.ts. Holds no pattern data.
 */
import { type Composed, compose } from './compose.ts';
import { type NetworkId, network, needsClipboard } from '../../model/networks.ts';
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
  /** Share the link as is, without UTM tags (a third-party link on /compose/, own-domains.ts). */
  untagged?: boolean;
}

export interface ShareSettings {
  disclosure: string;
  /** settings.utm.medium */
  medium: string;
  /** Mastodon instance host for the share URL. */
  mastodon: string;
  /** settings.linkedin.link_only: never offer a composer URL that takes the text where the documented one takes only the link. */
  linkOnly?: boolean;
}

export interface DraftPost extends Composed {
  network: NetworkId;
  limit: number;
  /** The share URL; where `clipboard` is true the text must be copied first. */
  url: string;
  clipboard: boolean;
  /** Where the network has one (LinkedIn) and settings allow it: a URL that takes the whole post, on the desktop web only. */
  textUrl?: string;
}

/**
 * The post of `text` (a variant as written or edited) on `network`. `code` is
 * the advocate's code, sent as utm_content; without it the link has no utm_content.
 */
export function draftPost(id: NetworkId, text: string, item: Shareable, settings: ShareSettings, code?: string): DraftPost {
  const link = item.untagged ? item.link : tagLink(item.link, { source: id, medium: settings.medium, campaign: item.campaign ?? item.id, content: code });
  const post = compose(id, { text, hashtags: item.hashtags, disclosure: settings.disclosure, link });
  const record = network(id);
  const draft: DraftPost = { ...post, network: id, limit: record.limit, url: record.shareUrl(post, { mastodon: settings.mastodon }), clipboard: needsClipboard(id) };
  if (record.textShareUrl && !settings.linkOnly) draft.textUrl = record.textShareUrl.url(post);
  return draft;
}

/** The networks variant `index` is offered on, in button order. */
export function networksOfVariant(item: Shareable, index: number): NetworkId[] {
  const only = item.variants[index]?.networks;
  return item.networks.filter((network) => !only || only.includes(network));
}

/**
 * Where the advocate is sharing from, as far as a share URL cares: LinkedIn's
 * composer (`textUrl`) takes prefilled text on the desktop web only
 * (docs/sharing.md, "LinkedIn"); phone browsers land on the feed and the app
 * takes no text. A phone or tablet browser (or an app's web view), from the
 * user agent; iPadOS reports a Mac with touch points. Kept here, in the chunk
 * the share panel and /compose/ share, rather than in a file of its own.
 */
export function isPhoneBrowser(userAgent: string, maxTouchPoints = 0): boolean {
  return /Android|iPhone|iPad|iPod|Mobile|Mobi/i.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}
