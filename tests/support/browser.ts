/** Chromium for the browser tests: the one scripts/ensure-test-tools.ts chose (scripts/lib/browser.ts). */
import type { BrowserContext } from 'playwright-core';
export { CHROMIUM_FLAGS, chromiumPath, launchChromium } from '../../scripts/lib/browser.ts';

/**
 * Records the URLs a page would open (window.open) on `window.opened`
 * instead of leaving the site: every share button ends there.
 */
export async function recordOpened(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const opened: string[] = [];
    (window as unknown as { opened: string[] }).opened = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
}

/**
 * Keeps every request of `context` on the hub at `site`: one to anywhere else is aborted and its URL
 * pushed on `outside` (tests assert it stays empty: no request leaves the machine).
 */
export async function keepOnSite(context: BrowserContext, site: string, outside: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(site)) return route.continue();
    outside.push(url);
    return route.abort();
  });
}
