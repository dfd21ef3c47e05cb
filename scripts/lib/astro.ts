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
 * transparent huge pages and what it frees is kept a while: after bundling,
 * 367 MB stayed resident for the rest of a 10,000-entry build, 118 MB with
 * these (docs/benchmarks.md, "Scale, fifth pass").
 */
export const BUNDLER_ALLOCATOR_ENV = { MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' } as const;

/** The environment for an Astro command: this process's, plus `extra`, with telemetry off. */
export function astroEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...BUNDLER_ALLOCATOR_ENV, ...process.env, ...extra, ASTRO_TELEMETRY_DISABLED: '1' };
}
