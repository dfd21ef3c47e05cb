/**
 * Running Astro's CLI from the project's Node tools, benchmarks and tests:
 * its entry point, and an environment with Astro's telemetry switched off,
 * so no request leaves the machine at build or dev time.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** node_modules/astro/bin/astro.mjs: run it with `process.execPath`. */
export const ASTRO_BIN = path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');

/**
 * Settings of mimalloc, the allocator of Vite's bundler (rolldown), read when
 * it loads, so they must be in the environment Astro starts with (also in
 * package.json's build scripts). By default its 1 GiB arena is backed by
 * transparent huge pages, and what the bundler frees inside a huge page stays
 * resident: 367 MB for the rest of a 10,000-entry build, 197 MB without them
 * (docs/benchmarks.md, "Scale, fifth pass"). With no purge delay it gives
 * back what it frees at once, which leaves about 80 MB less for the rest of
 * the build (sixth pass). The card renderer (resvg) uses mimalloc too and
 * draws a fifth slower without the delay: its worker processes start without
 * it (src/lib/cards/batch.ts, `workerEnv`).
 */
export const BUNDLER_ALLOCATOR_ENV = { MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' } as const;

/** The environment for an Astro command: this process's, plus `extra`, with telemetry off. */
export function astroEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...BUNDLER_ALLOCATOR_ENV, ...process.env, ...extra, ASTRO_TELEMETRY_DISABLED: '1' };
}
