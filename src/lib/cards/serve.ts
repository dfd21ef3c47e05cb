/**
 * Share cards as the /og/ routes serve them. `astro dev` draws the card it is
 * asked for; a build draws every card in one batch (cache and worker processes,
 * batch.ts) the first time any card is asked for, reports the batch to the
 * hub() integration through the build channel (it copies the entries' cards
 * into dist/og/), and serves each PNG from the cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildChannel } from '../build-channel.ts';
import { renderCards } from './batch.ts';
import type { AssetRef, CardSpec } from './spec.ts';

/** An image file (resolved from `parts`, as path.resolve does) with the hash of its bytes. */
export function assetRef(...parts: string[]): AssetRef {
  const file = path.resolve(...parts);
  return { file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

export interface CardServerOptions {
  /** Every card of the site (computed once, when first needed). */
  specs(): Promise<CardSpec[]>;
  /** The Astro command: `dev` draws one card at a time. */
  command: string;
  /** The card cache and the renderer's sources (`virtual:hub/config` → cards). */
  cacheDir: string;
  rendererDir: string;
  threads?: number;
  /** The batch's name among builds sharing the card cache (the language). */
  name?: string;
}

/** The PNG of card `id` (`hub` or `<collection>/<id>`), drawn as the command needs it. */
export function cardServer(options: CardServerOptions): (id: string) => Promise<Uint8Array<ArrayBuffer>> {
  let batch: Promise<Map<string, string>> | undefined;
  const drawAll = () =>
    (batch ??= (async () => {
      const started = performance.now();
      const result = await renderCards(await options.specs(), {
        cacheDir: options.cacheDir,
        sourceDir: options.rendererDir,
        threads: options.threads,
        name: options.name,
      });
      buildChannel().cardBatch = { rendered: result.rendered, cached: result.cached, ms: performance.now() - started, files: result.files };
      return result.files;
    })());
  const missing = (id: string) => new Error(`no published entry has the share card ${id}`);
  return async (id) => {
    if (options.command === 'dev') {
      const card = (await options.specs()).find((spec) => spec.id === id);
      if (!card) throw missing(id);
      const { renderCard } = await import('./render.ts');
      return new Uint8Array(await renderCard(card));
    }
    const file = (await drawAll()).get(id);
    if (!file) throw missing(id);
    return new Uint8Array(readFileSync(file));
  };
}
