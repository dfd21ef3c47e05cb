/**
 * Launches the Chrome or Chromium that scripts/ensure-test-tools.ts chose,
 * through playwright-core (no browser download), for the browser tests and
 * the benchmarks that load pages.
 */
import { chromium, type Browser } from 'playwright-core';
import { discoverChromium, readChosenPath, realMachine } from './chromium.ts';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let resolved: string | undefined;

/**
 * CHROMIUM_PATH, else the browser `node scripts/ensure-test-tools.ts` (run first by
 * `npm test`) recorded in .cache/chromium-path, else the same search that script does.
 */
export function chromiumPath(): string {
  if (resolved) return resolved;
  const chosen = process.env.CHROMIUM_PATH ? undefined : readChosenPath();
  if (chosen) return (resolved = chosen);
  const discovery = discoverChromium(realMachine());
  if (discovery.error) throw new Error(discovery.error);
  if (!discovery.found) {
    throw new Error('No Chrome or Chromium found for the browser tests. Run `npm run test:tools` (npm test runs it first): it finds one or installs one, or says how.');
  }
  return (resolved = discovery.found.path);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}
