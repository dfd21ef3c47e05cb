/**
 * Tells the /og/ routes where the card renderer's sources are (its worker
 * threads run them unbundled) and where the card cache lives:
 * `HUB_CARD_CACHE`, default `.cache/cards/` in the project, kept between builds.
 * When the build is done it prints one line: `share cards: R rendered, C cached`.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CARD_STATS } from '../lib/cards/batch.ts';

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
      'astro:build:done': ({ logger }) => {
        const stats = (globalThis as Record<symbol, { rendered: number; cached: number } | undefined>)[CARD_STATS];
        logger.info(`share cards: ${stats?.rendered ?? 0} rendered, ${stats?.cached ?? 0} cached`);
      },
    },
  };
}
