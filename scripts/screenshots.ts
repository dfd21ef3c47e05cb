/**
 * npm run screenshots — the pages a phone shows most, at 390×844, in the light
 * and the dark colour scheme, as PNGs under docs/screenshots/ (for instance
 * share-390-light.png): a snippet's share page, the calendar and the impact
 * page with a table shown. Taken from the built hub in dist/ (npm run
 * build:test, which the npm script runs first, so the sample hub's date is
 * fixed and the pictures change only when the layout does), served on
 * localhost; any request to another host is refused.
 *
 *   node scripts/screenshots.ts [dist] [out]     (defaults: dist docs/screenshots)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { launchChromium } from './lib/browser.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const out = path.resolve(process.argv[3] ?? 'docs/screenshots');
const VIEWPORT = { width: 390, height: 844 };
const SCHEMES = ['light', 'dark'] as const;

interface Shot {
  /** File name prefix. */
  name: string;
  path: string;
  /** Scrolled to the top of the viewport before the picture (the part of the page the picture is about). */
  scrollTo?: string;
  /** The whole page, not only the first screen. */
  fullPage?: boolean;
}

const SHOTS: Shot[] = [
  // A snippet's share page: the first screen (the text, its counter and the first share actions), then the whole page.
  { name: 'share', path: '/share/winter-checklist/' },
  { name: 'share-full', path: '/share/winter-checklist/', fullPage: true },
  // This month's table: the section with the "this month" badge.
  { name: 'calendar', path: '/calendar/', scrollTo: 'section.month:has(.badge)' },
  // The campaigns chart and its table, shown as "Show the numbers" shows it.
  { name: 'impact', path: '/impact/#campaigns-table', scrollTo: '#campaigns' },
];

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`${dist} has no built hub: run "npm run build:test" first (npm run screenshots does).`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const assets = sirv(dist, { dev: false, extensions: ['html'] });
const server = createServer((req, res) =>
  assets(req, res, () => {
    res.writeHead(404);
    res.end();
  }),
);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await launchChromium();
try {
  for (const colorScheme of SCHEMES) {
    // Reduced motion: no smooth scrolling to catch half-way.
    const context = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, colorScheme, reducedMotion: 'reduce' });
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
    const page = await context.newPage();
    for (const shot of SHOTS) {
      await page.goto(origin + shot.path, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const target = shot.scrollTo ? page.locator(shot.scrollTo).first() : undefined;
      if (target && (await target.count())) await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const file = path.join(out, `${shot.name}-${VIEWPORT.width}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      console.log(path.relative(process.cwd(), file));
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
