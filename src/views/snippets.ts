/** Snippets as pages show them: the cards of a list (with their campaign's title) and a snippet's own page. */
import { type NetworkId, offeredNetworks } from '../model/networks.ts';
import { excerpt } from '../lib/labels.ts';
import type { Shareable } from '../lib/share/draft.ts';
import { type Entry, findPublished, published, settings } from './hub.ts';
import { networkName } from './labels.ts';

export interface SnippetCardItem {
  snippet: Entry<'snippets'>;
  /** The title of its campaign, when the campaign is published. */
  campaignTitle?: string;
}

/** The published snippets in sharing order (current campaigns first), at most `limit`, each with its campaign's title. */
export async function snippetCards(limit?: number): Promise<SnippetCardItem[]> {
  const campaignTitles = new Map((await published('campaigns')).map((c) => [c.id, c.data.title]));
  return (await published('snippets')).slice(0, limit).map((snippet) => ({
    snippet,
    campaignTitle: snippet.data.campaign ? campaignTitles.get(snippet.data.campaign) : undefined,
  }));
}

export interface SnippetPage {
  /** The meta description: the start of the first wording. */
  description: string;
  campaign?: Entry<'campaigns'>;
  /** The networks it is offered on: the hub's, narrowed by the snippet's own list. */
  networks: NetworkId[];
  /** Their labels, as a sentence lists them. */
  networkNames: string;
  /** What the share panel shares. */
  item: Shareable;
}

/** /share/<id>/: the snippet's campaign (when published), its networks and what its share panel shares. */
export async function snippetPage(snippet: Entry<'snippets'>): Promise<SnippetPage> {
  const { link, variants, hashtags } = snippet.data;
  const networks = offeredNetworks(settings.networks, snippet.data.networks);
  return {
    description: excerpt(variants[0]!.text, 155),
    campaign: snippet.data.campaign ? await findPublished('campaigns', snippet.data.campaign) : undefined,
    networks,
    networkNames: networks.map(networkName).join(', '),
    item: { id: snippet.id, link, campaign: snippet.data.campaign, hashtags, variants, networks },
  };
}
