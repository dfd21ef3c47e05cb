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

/** The environment for an Astro command: this process's, plus `extra`, with telemetry off. */
export function astroEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra, ASTRO_TELEMETRY_DISABLED: '1' };
}
