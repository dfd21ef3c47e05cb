/**
 * What /compose/ needs: the share settings every snippet shares with
 * (views/share-panel.ts), the hub's networks and the company's own domains
 * (UTM tags on their links only), where suggestions go, and the bookmarklet.
 */
import { bookmarkletHref } from '../lib/share/bookmarklet.ts';
import { ownDomains } from '../lib/share/own-domains.ts';
import type { ShareSettings } from '../lib/share/draft.ts';
import type { SuggestTarget } from '../lib/suggest.ts';
import { absolute, path } from '../lib/urls.ts';
import { published, settings, t } from './hub.ts';
import { networkName } from './labels.ts';
import { shareSettings } from './share-panel.ts';
import { suggestTarget } from './suggest.ts';

export interface ComposeConfig {
  settings: ShareSettings;
  networks: { id: string; label: string }[];
  ownDomains: string[];
  suggest?: SuggestTarget;
  /** Title of a suggestion made from a composition. */
  suggestTitle: string;
}

export async function composeView() {
  const snippets = await published('snippets');
  const config: ComposeConfig = {
    settings: shareSettings,
    networks: settings.networks.map((id) => ({ id, label: networkName(id) })),
    ownDomains: ownDomains(
      settings.compose?.own_domains,
      settings.site,
      snippets.map((snippet) => snippet.data.link),
    ),
    ...(suggestTarget() && { suggest: suggestTarget() }),
    suggestTitle: t('suggest.composeTitle'),
  };
  return {
    config: JSON.stringify(config).replace(/</g, '\\u003c'),
    networks: config.networks,
    bookmarklet: bookmarkletHref(absolute(path('compose/'), settings.site)),
  };
}
