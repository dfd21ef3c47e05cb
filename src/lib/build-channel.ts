/**
 * What the pages Astro renders hand back to the hub() integration during
 * `astro build`. Both run in the build's process, but Vite bundles the
 * pages and the middleware while Node loads the integration, so they share
 * no module: this one object on `globalThis`, under a registered symbol, is
 * the only channel between them. Configuration goes the other way, from the
 * integration to the pages, through the virtual module `virtual:hub/config`.
 * The content loader (also loaded by Node) hands the CMS's facts of the tree
 * the same way, in `astro build` and `astro dev` alike.
 */

import type { TreeFacts } from './cms/facts.ts';
import type { EntryLanguages } from './translations.ts';

/**
 * A page of the build: its URL path (with the base path) and its HTML. Rendering waits for the promise.
 * `copied`: Astro did not render it but copied it from the last build (its incremental build), and it
 * is handed over from dist/ once rendering is done (src/hub/copied-pages.ts).
 */
export type PageListener = (page: { pathname: string; html: string; status: number; copied?: boolean }) => void | Promise<void>;

/** The share-card batch of a build (src/views/cards.ts): what it drew, what came from the cache, where each card is. */
export interface CardBatchReport {
  rendered: number;
  cached: number;
  ms: number;
  /** Card id (`hub` or `<collection>/<id>`) → its PNG in the card cache. */
  files: Map<string, string>;
}

export interface BuildChannel {
  /** Listeners to every HTML page the build renders (search index, security headers). */
  readonly pageListeners: Set<PageListener>;
  /** Set by the card batch once it has run. */
  cardBatch?: CardBatchReport;
  /** The content tree as Decap's save check needs it, from the content loader's last reading (/admin/content-facts.json). */
  cmsFacts?: TreeFacts;
  /** Where each entry has a page, in every language of the hub, from the content loader's last reading (hreflang, the language switcher). */
  entryLanguages?: EntryLanguages;
}

const CHANNEL = Symbol.for('advocacy-hub.build-channel');

export function buildChannel(): BuildChannel {
  const scope = globalThis as Record<symbol, BuildChannel | undefined>;
  return (scope[CHANNEL] ??= { pageListeners: new Set() });
}

/** Listens to the pages rendered from now on; the returned function stops listening. */
export function onRenderedPage(listener: PageListener): () => void {
  const { pageListeners } = buildChannel();
  pageListeners.add(listener);
  return () => void pageListeners.delete(listener);
}
