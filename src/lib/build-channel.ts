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

import type { AsyncLocalStorage } from 'node:async_hooks';
import type { TreeFacts } from './cms/facts.ts';
import type { EntryLanguages } from './translations.ts';

/** A page of the build as Astro rendered it: its URL path (with the base path) and its HTML. Rendering waits for the promise. */
export type PageListener = (page: { pathname: string; html: string; status: number }) => void | Promise<void>;

/**
 * A listener that keeps only some facts of each page (a digest, a policy, the
 * bundles it names), as plain JSON. Rendered pages are read as they render;
 * a page Astro copied from the last build is handed over with the facts
 * remembered from the build that rendered it, without reading it again,
 * or read from dist/ when nothing was remembered (src/hub/copied-pages.ts).
 */
export interface PageReader<F = unknown> {
  /** Where its facts are remembered; one name per reader. */
  readonly name: string;
  /** The facts of a page (`pathname` with the base path), as JSON: what `take` gets back on the next build. */
  read(page: { pathname: string; html: string }): F;
  /** Takes a page's facts; `html` only when the page was rendered in this build. Rendering waits for the promise. */
  take(page: { pathname: string; status: number; copied: boolean; html?: string }, facts: F): void | Promise<void>;
}

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
  /** Readers of every page, rendered or copied (src/hub/copied-pages.ts hands pages to them). */
  readonly pageReaders: Set<PageReader>;
  /** The HTML files of the built site (relative, `/`-separated), listed once rendering is done (src/hub/copied-pages.ts). */
  htmlFiles?: { dir: string; files: readonly string[] };
  /** Set by the card batch once it has run. */
  cardBatch?: CardBatchReport;
  /** The content tree as Decap's save check needs it, from the content loader's last reading (/admin/content-facts.json). */
  cmsFacts?: TreeFacts;
  /** Where each entry has a page, in every language of the hub, from the content loader's last reading (hreflang, the language switcher). */
  entryLanguages?: EntryLanguages;
  /** What the entry page being rendered reads of the content (src/views/page-key.ts), set by the hub's middleware around each page. */
  pageReads?: AsyncLocalStorage<Set<string>>;
  /** The key of an entry page from what it read, as of this build (registered by src/views/page-key.ts for the middleware). */
  pageKeyOf?: (reads: readonly string[]) => Promise<string>;
  /** Each entry page rendered in this build (`<collection>/<id>`): its key from what it read, and what it read (src/hub/page-keys.ts). */
  readonly renderedKeys: Map<string, { key: string; reads: string[] }>;
  /**
   * Each entry page of this build with a key (`<collection>/<id>`): what it reads besides its own entry before it
   * renders (`given` by its route: a guideline's neighbours), and the reads the last build kept of it, if any.
   * The pages whose reads are kept for the next build.
   */
  readonly keyedPages: Map<string, { given: readonly string[]; kept?: string[] }>;
}

const CHANNEL = Symbol.for('advocacy-hub.build-channel');

export function buildChannel(): BuildChannel {
  const scope = globalThis as Record<symbol, BuildChannel | undefined>;
  return (scope[CHANNEL] ??= { pageListeners: new Set(), pageReaders: new Set(), renderedKeys: new Map(), keyedPages: new Map() });
}

/** Listens to the pages rendered from now on; the returned function stops listening. */
export function onRenderedPage(listener: PageListener): () => void {
  const { pageListeners } = buildChannel();
  pageListeners.add(listener);
  return () => void pageListeners.delete(listener);
}

/** Reads every page of the build from now on, rendered or copied; the returned function stops reading. */
export function onPageRead<F>(reader: PageReader<F>): () => void {
  const { pageReaders } = buildChannel();
  pageReaders.add(reader as PageReader);
  return () => void pageReaders.delete(reader as PageReader);
}
