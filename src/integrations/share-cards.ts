/**
 * Tells the /og/ routes where the card renderer's sources are (its worker
 * threads run them unbundled) and where the card cache lives:
 * `HUB_CARD_CACHE`, default `.cache/cards/` in the project, kept between builds.
 * When the build is done it copies the entries' cards from the cache into
 * dist/og/ and prints one line: `share cards: R rendered, C cached in S s`.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CARD_STATS, copyCards } from '../lib/cards/batch.ts';

export function shareCards(): AstroIntegration {
  return {
    name: 'hub:cards',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        // `astro dev` draws the card it is asked for; a build draws them all in one batch.
        process.env.HUB_CARD_COMMAND = command;
        process.env.HUB_CARD_RENDERER = fileURLToPath(new URL('../lib/cards/', import.meta.url));
        process.env.HUB_CARD_CACHE ||= fileURLToPath(new URL('.cache/cards/', config.root));
      },
      'astro:build:done': ({ dir, logger }) => {
        const stats = (globalThis as Record<symbol, { rendered: number; cached: number; ms: number; files: Map<string, string> } | undefined>)[CARD_STATS];
        if (stats) copyCards(stats.files, fileURLToPath(dir));
        // The time and rate are read by the benchmark (scripts/bench/).
        const time = stats ? ` in ${(stats.ms / 1000).toFixed(2)} s${stats.rendered ? ` (${(stats.rendered / (stats.ms / 1000)).toFixed(1)} cards/s)` : ''}` : '';
        logger.info(`share cards: ${stats?.rendered ?? 0} rendered, ${stats?.cached ?? 0} cached${time}`);
      },
    },
  };
}
