/**
 * Finds a Chrome or Chromium for the browser tests, or installs one by the
 * means this machine has, and records its path in `.cache/chromium-path` for
 * the tests and benchmarks (scripts/lib/browser.ts). `npm test` runs it first:
 *
 *   node scripts/ensure-chromium.ts
 *
 * The search and the installers are in scripts/lib/chromium.ts.
 */
import { ensureChromium, realInstallHost, writeChosenPath } from './lib/chromium.ts';

async function main(): Promise<void> {
  const result = await ensureChromium(realInstallHost(), (line) => console.log(line));
  if ('message' in result) {
    console.error(result.message);
    process.exitCode = 1;
    return;
  }
  const { found } = result;
  writeChosenPath(found.path);
  console.log(`Chromium for the browser tests: ${found.path} (${found.version}), ${found.source}.`);
}

if (import.meta.main) await main();
