/**
 * npm run screenshots:digest — the digest e-mail as Chromium shows it, 600 px (a desktop client's
 * reading pane) and 375 px (a phone) wide, light and dark, as docs/screenshots/digest-email-<width>-<scheme>.png.
 * From the digest for everyone of the built sample hub (npm run build:test first); the hub's cards
 * are served from dist/, any other request is refused (there should be none).
 *
 *   node scripts/digest-screenshots.ts [dist] [out]
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { digestEmail } from '../src/lib/digest/email.ts';
import type { Digest } from '../src/lib/digest/types.ts';
import { launchChromium } from './lib/browser.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve(process.argv[3] ?? 'docs/screenshots');
const digest = JSON.parse(readFileSync(path.join(dist, 'digest', 'all.json'), 'utf8')) as Digest;
const { html } = await digestEmail(digest);
const site = new URL(digest.hub.site);
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const refused: string[] = [];
try {
  for (const width of [600, 375]) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        const file = path.join(dist, decodeURIComponent(url.pathname));
        if (url.host === site.host && file.startsWith(dist + path.sep) && existsSync(file)) return route.fulfill({ path: file });
        if (url.protocol === 'data:' || url.href === 'about:blank') return route.continue();
        refused.push(url.href);
        return route.abort();
      });
      await page.setContent(html, { waitUntil: 'load' });
      const file = path.join(out, `digest-email-${width}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(path.relative(process.cwd(), file));
      await page.close();
    }
  }
} finally {
  await browser.close();
}
if (refused.length) {
  console.error(`The e-mail asked for what is not the hub's: ${[...new Set(refused)].join(', ')}`);
  process.exitCode = 1;
}
