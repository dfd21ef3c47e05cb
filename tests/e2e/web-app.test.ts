/**
 * The hub as an installable web app (issue 18, item 2): Chromium reads the
 * manifest without an error and finds its share target; the service worker
 * is active after one visit; with the network cut, the page visited and its
 * share card still load, and a page never visited gets the offline page;
 * after a new build is deployed at the same origin, the next online visit
 * gets the new page and the new worker; the snippet page's JavaScript stays
 * within its budget with the worker's registration; the offline page passes
 * axe and the Nu Html Checker, and looks right on a phone, light and dark;
 * a hub built with `web_app: false` removes the worker a browser had.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import strings from '../../src/i18n/en.json' with { type: 'json' };
import { BUDGET_BYTES, initialGzip, pageScripts } from '../../bench/share-size.ts';
import { MANIFEST_FILE } from '../../src/lib/web-app/manifest.ts';
import { OFFLINE_PAGE, writeServiceWorker } from '../../src/lib/web-app/service-worker.ts';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { BUILDS_DIR } from '../support/build.ts';
import { serveStatic } from '../support/server.ts';
import { DIST, useBuiltHub } from '../support/site.ts';
import { errorLines, runVnu } from '../support/validators.ts';

const hub = useBuiltHub();

const SNIPPET = '/share/apprenticeships-2027/';
const CARD = '/og/snippets/apprenticeships-2027.png';
const NEVER_VISITED = '/guidelines/';
const PHONE = { width: 390, height: 844 };

/** Waits until the page's service worker is active and controls it, and returns its script URL. */
async function activeWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(undefined)));
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    return `${worker.state} ${worker.scriptURL}`;
  });
}

/** Waits until the worker has stored `url` (it stores the pages open when it starts). */
async function stored(page: Page, url: string): Promise<void> {
  await expect.poll(() => page.evaluate(async (u) => Boolean(await caches.match(u)), url), { timeout: 15_000 }).toBe(true);
}

describe('the web app manifest', () => {
  it('has no errors in Chromium and declares the share target on /compose/', async () => {
    const context = await hub.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/`);
    const cdp = await context.newCDPSession(page);
    const { url, errors, data } = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data: string };
    expect(url).toBe(`${hub.site.url}/${MANIFEST_FILE}`);
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data);
    expect(manifest.share_target).toEqual({
      action: '/compose/',
      method: 'GET',
      enctype: 'application/x-www-form-urlencoded',
      params: { title: 'title', text: 'text', url: 'url' },
    });
    expect(manifest.display).toBe('standalone');
    // Every icon it names is there, a PNG of the size it says.
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, url).href);
      expect(response.headers()['content-type'], icon.src).toBe('image/png');
    }
    expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).toBe('/icons/apple-touch-icon.png');
    // The worker and the manifest are asked for again on every visit, so a deploy reaches installed hubs.
    for (const file of ['/sw.js', `/${MANIFEST_FILE}`]) expect((await page.request.get(hub.site.url + file)).headers()['cache-control'], file).toBe('no-cache');
    // The page's policy lets its own worker and manifest load, and nothing else.
    const policy = (await page.request.get(`${hub.site.url}/`)).headers()['content-security-policy'] ?? '';
    expect(policy).toContain("worker-src 'self';");
    expect(policy).toContain("manifest-src 'self';");
    await context.close();
  });
});

describe('the service worker', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('is active after one visit', async () => {
    context = await hub.browser.newContext();
    const page = await context.newPage();
    await page.goto(hub.site.url + SNIPPET);
    expect(await activeWorker(page)).toBe(`activated ${hub.site.url}/sw.js`);
  });

  it('keeps the page visited and its card readable with the network cut, and shows the offline page for others', async () => {
    const page = context.pages()[0]!;
    await stored(page, hub.site.url + SNIPPET);
    await stored(page, hub.site.url + CARD);
    await context.setOffline(true);
    try {
      const again = await page.goto(hub.site.url + SNIPPET);
      expect(again?.ok()).toBe(true);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Apprenticeships for 2027 are open');
      const card = await page.evaluate(async (src) => {
        const response = await fetch(src);
        return `${response.status} ${response.headers.get('content-type')} ${(await response.arrayBuffer()).byteLength > 1000}`;
      }, CARD);
      expect(card).toBe('200 image/png true');
      // Opened on its own, the card is the image, not the offline page.
      const opened = await page.goto(hub.site.url + CARD);
      expect(opened?.headers()['content-type']).toBe('image/png');
      await page.goto(hub.site.url + NEVER_VISITED);
      expect(await page.locator('h1').textContent()).toBe(strings['offline.title']);
      // "Share → hub" while offline: the composer, never opened before, opens with what was shared.
      await page.goto(`${hub.site.url}/compose/?text=${encodeURIComponent('A good read https://news.example/a')}`);
      await expect.poll(() => page.locator('input[type="url"], input[name="url"]').first().inputValue()).toBe('https://news.example/a');
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('the service worker and the way back to a path', () => {
  it('keeps "Continue your path" on the home page with the network cut, once the tracks were fetched online', async () => {
    const context = await hub.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${hub.site.url}/start/`);
      expect(await activeWorker(page)).toBe(`activated ${hub.site.url}/sw.js`);
      await page.evaluate(() => localStorage.setItem('hub:active-track', JSON.stringify('sales-advocates')));
      await page.goto(`${hub.site.url}/`);
      const link = page.locator('[data-path-nav="continue"] a');
      const offered = /^Continue your path \(\d of 8\): Sales advocates$/;
      await expect.poll(() => link.textContent()).toMatch(offered);
      await stored(page, `${hub.site.url}/start/tracks.json`);
      await stored(page, `${hub.site.url}/`);
      await context.setOffline(true);
      await page.reload();
      await expect.poll(() => link.textContent()).toMatch(offered);
      expect(await link.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('after a new build is deployed', () => {
  let work = '';
  beforeAll(() => {
    mkdirSync(BUILDS_DIR, { recursive: true });
    work = mkdtempSync(path.join(BUILDS_DIR, 'web-app-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the next online visit gets the new page and the new worker, which serves the new offline page', async () => {
    // The build deployed first: the sample hub as built.
    const first = await serveStatic(DIST);
    const port = Number(new URL(first.url).port);
    const context = await hub.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(first.url + SNIPPET);
      expect(await activeWorker(page)).toBe(`activated ${first.url}/sw.js`);
      await stored(page, first.url + SNIPPET);
      await first.close();

      // The next build: a retitled snippet and a reworded offline page, and the worker written for it.
      const next = path.join(work, 'dist');
      cpSync(DIST, next, { recursive: true });
      const snippetFile = path.join(next, SNIPPET, 'index.html');
      writeFileSync(snippetFile, readFileSync(snippetFile, 'utf8').replaceAll('Apprenticeships for 2027 are open', 'Apprenticeships for 2027: apply now'));
      const offlineFile = path.join(next, OFFLINE_PAGE);
      writeFileSync(offlineFile, readFileSync(offlineFile, 'utf8').replaceAll(strings['offline.title'], 'No connection (new build)'));
      await writeServiceWorker(next, '/', { enabled: true });
      expect(readFileSync(path.join(next, 'sw.js'), 'utf8')).not.toBe(readFileSync(path.join(DIST, 'sw.js'), 'utf8'));

      const second = await serveStatic(next, port);
      try {
        // Network first: a navigation whose request fails (the connection to the server that just went away)
        // falls back to the kept copy, by design; the next one reaches the new server. A worker that kept serving
        // the old page would fail here.
        await expect
          .poll(
            async () => {
              await page.goto(second.url + SNIPPET);
              return page.locator('h1').textContent();
            },
            { timeout: 20_000 },
          )
          .toBe('Apprenticeships for 2027: apply now');
        // The browser found the new worker on that visit; it takes over without waiting for the tabs to close.
        await expect
          .poll(
            () =>
              page.evaluate(async () => {
                const registration = await navigator.serviceWorker.getRegistration();
                await registration?.update().catch(() => undefined);
                return Boolean(registration?.active && !registration.installing && !registration.waiting);
              }),
            { timeout: 20_000 },
          )
          .toBe(true);
        await context.setOffline(true);
        await page.goto(second.url + NEVER_VISITED);
        await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe('No connection (new build)');
        await page.goto(second.url + SNIPPET);
        expect(await page.locator('h1').textContent()).toBe('Apprenticeships for 2027: apply now');
      } finally {
        await context.setOffline(false);
        await second.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe('turned off in settings (web_app: false)', () => {
  let work = '';
  beforeAll(() => {
    mkdirSync(BUILDS_DIR, { recursive: true });
    work = mkdtempSync(path.join(BUILDS_DIR, 'web-app-off-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('removes the worker and its caches from a browser that had it, on the next visit', async () => {
    const first = await serveStatic(DIST);
    const port = Number(new URL(first.url).port);
    const context = await hub.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(first.url + SNIPPET);
      await activeWorker(page);
      await stored(page, first.url + SNIPPET);
      await first.close();

      // The same hub built with the web app off: its sw.js removes itself.
      const off = path.join(work, 'dist');
      cpSync(DIST, off, { recursive: true });
      await writeServiceWorker(off, '/', { enabled: false });
      const second = await serveStatic(off, port);
      try {
        await page.goto(second.url + SNIPPET);
        await expect
          .poll(
            () =>
              page.evaluate(async () => {
                await (await navigator.serviceWorker.getRegistration())?.update().catch(() => undefined);
                return `${(await navigator.serviceWorker.getRegistrations()).length} workers, ${(await caches.keys()).length} caches`;
              }),
            { timeout: 20_000 },
          )
          .toBe('0 workers, 0 caches');
      } finally {
        await second.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe('the snippet page', () => {
  it('loads at most 12 KB of JavaScript, the worker registration included', () => {
    const scripts = pageScripts(DIST, `${SNIPPET.slice(1)}index.html`);
    const registration = scripts.find(
      (script) => script.file.includes('(inline') && readFileSync(path.join(DIST, SNIPPET, 'index.html'), 'utf8').includes('serviceWorker'),
    );
    expect(registration).toBeDefined();
    expect(initialGzip(scripts)).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

describe('the offline page', () => {
  it('passes axe (light and dark, on a phone) and the Nu Html Checker', async () => {
    const context = await hub.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const findings = await auditPages(context, hub.site.url, ['/offline/'], { passes: BOTH_SCHEMES });
    await context.close();
    expect(findings).toEqual([]);
    const file = path.join(DIST, OFFLINE_PAGE);
    expect(errorLines(await runVnu([file]), DIST)).toEqual([]);
  });

  it('is screenshotted on a 390×844 phone, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await hub.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${hub.site.url}/offline/`);
      mkdirSync(BUILDS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(BUILDS_DIR, `offline-${colorScheme}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await context.close();
    }
  });
});
