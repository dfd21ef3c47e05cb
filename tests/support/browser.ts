/** Chromium for the browser tests: the one scripts/ensure-chromium.ts chose (scripts/lib/browser.ts). */
export { CHROMIUM_FLAGS, chromiumPath, launchChromium } from '../../scripts/lib/browser.ts';
