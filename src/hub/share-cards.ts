/**
 * The share cards of a build: once Astro has rendered the pages (and with
 * them drawn every card in one batch, src/views/cards.ts), copies the
 * entries' cards from the card cache into dist/og/ and prints one line:
 * `share cards: R rendered, C cached in S s` (the benchmark reads it).
 */
import { fileURLToPath } from 'node:url';
import { buildChannel } from '../lib/build-channel.ts';
import { copyCards } from '../lib/cards/batch.ts';
import type { HubPart } from './part.ts';

export function shareCards(): HubPart {
  return {
    name: 'hub:cards',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const batch = buildChannel().cardBatch;
        if (batch) copyCards(batch.files, fileURLToPath(dir));
        const time = batch ? ` in ${(batch.ms / 1000).toFixed(2)} s${batch.rendered ? ` (${(batch.rendered / (batch.ms / 1000)).toFixed(1)} cards/s)` : ''}` : '';
        logger.info(`share cards: ${batch?.rendered ?? 0} rendered, ${batch?.cached ?? 0} cached${time}`);
      },
    },
  };
}
