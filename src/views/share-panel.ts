/**
 * What the share panel of a snippet or an article shows: the panel the island
 * drives (SharePanel.astro and SharePanel.client.ts) and the plain share links
 * shown without JavaScript (ShareLinks.astro). Both share through
 * src/lib/share, with the hub's settings, so they cannot disagree.
 */
import { type NetworkId, needsClipboard } from '../model/networks.ts';
import { type ShareSettings, type Shareable, networksOfVariant } from '../lib/share/draft.ts';
import { precount, sharePost } from '../lib/share/posts.ts';
import { settings } from './hub.ts';
import { networkName } from './labels.ts';

export const shareSettings: ShareSettings = {
  disclosure: settings.disclosure,
  medium: settings.utm.medium,
  mastodon: settings.mastodon.instance,
  linkOnly: settings.linkedin.link_only,
};

/** Network labels as a list in a sentence: "LinkedIn, Mastodon". */
const labels = (ids: readonly NetworkId[]) => ids.map(networkName).join(', ');

export interface SharePanelView {
  /** Prefix of the panel's element ids (a page may hold more than one panel). */
  uid: string;
  /** The wordings to start from; `onlyOn` names the networks a wording is limited to. */
  variants: { text: string; onlyOn?: string }[];
  /** Hashtags (without "#"), which the advocate may leave out. */
  hashtags: readonly string[];
  /** settings.disclosure, which always stays ("" when there is none). */
  disclosure: string;
  /** One button per network, in the hub's order. */
  networks: { id: NetworkId; label: string }[];
  /** Whether Mastodon is offered, so the panel asks for the advocate's server. */
  mastodon: boolean;
  /** What the island reads (item, settings, the build's counts, labels), as JSON safe inside <script>; its strings go through data-strings. */
  config: string;
}

/** The share panel of `item`. */
export function sharePanel(item: Shareable): SharePanelView {
  const config = {
    item,
    settings: shareSettings,
    counted: precount(item, shareSettings),
    labels: Object.fromEntries(item.networks.map((n) => [n, networkName(n)])),
  };
  return {
    uid: `share-${item.id}`,
    variants: item.variants.map((variant) => ({ text: variant.text, onlyOn: variant.networks && labels(variant.networks) })),
    hashtags: item.hashtags,
    disclosure: settings.disclosure,
    networks: item.networks.map((id) => ({ id, label: networkName(id) })),
    mastodon: item.networks.includes('mastodon'),
    config: JSON.stringify(config).replace(/</g, '\\u003c'),
  };
}

export interface ShareLink {
  network: NetworkId;
  label: string;
  /** The network's share URL with the wording, hashtags and the tagged link (no advocate code). */
  url: string;
  /** False when the post is over the network's limit: the link is then left out. */
  fits: boolean;
  /** A new tab, except for e-mail, which opens the mail app. */
  target?: '_blank';
}

export interface ShareLinksView {
  /** Whether a network takes only the link, so the wording has to be copied first. */
  clipboard: boolean;
  /** Each wording with its links, one per network it is offered on. */
  variants: { text: string; onlyOn?: string; links: ShareLink[] }[];
}

/** The plain share links of `item`, for every wording: what shows without JavaScript. */
export function shareLinks(item: Shareable): ShareLinksView {
  return {
    clipboard: item.networks.some(needsClipboard),
    variants: item.variants.map((variant, index) => ({
      text: variant.text,
      onlyOn: variant.networks && labels(variant.networks),
      links: networksOfVariant(item, index).map((id) => {
        const { url, fits } = sharePost(id, variant.text, item, shareSettings);
        return { network: id, label: networkName(id), url, fits, target: id === 'email' ? undefined : '_blank' };
      }),
    })),
  };
}
