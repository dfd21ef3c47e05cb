/**
 * Opens every page of the sitemap in Chromium: no console error, no failed or
 * outside request, and every internal link (and #fragment) leads somewhere.
 */
import { describe, expect, it } from 'vitest';
import { sitemapPaths, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();

describe('every page of the sitemap', () => {
  it('loads without console errors, failed requests or requests leaving the site, and links only to pages that exist', async () => {
    const paths = sitemapPaths();
    expect(paths.length).toBeGreaterThan(40);
    const problems: string[] = [];
    const links = new Map<string, string>(); // link → first page it was seen on
    const ids = new Map<string, Set<string>>(); // page path → element ids

    const context = await hub.browser.newContext();
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === hub.site.url) return route.continue();
      problems.push(`request left the site: ${url.href}`);
      return route.abort();
    });

    const queue = [...paths];
    const worker = async () => {
      const page = await context.newPage();
      let current = '';
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${current}: console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${current}: page error: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${current}: ${response.status()} for ${response.url()}`);
      });
      for (let path = queue.shift(); path; path = queue.shift()) {
        current = path;
        const response = await page.goto(hub.site.url + path);
        if (response?.status() !== 200) problems.push(`${path}: status ${response?.status()}`);
        const found = await page.evaluate(() => ({
          hrefs: [...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')].map((a) => a.href),
          ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        }));
        ids.set(path, new Set(found.ids));
        for (const href of found.hrefs) if (href.startsWith(hub.site.url) && !links.has(href)) links.set(href, path);
      }
      await page.close();
    };
    await Promise.all([worker(), worker(), worker()]);
    await context.close();

    for (const [href, from] of links) {
      const url = new URL(href);
      const response = await fetch(url.origin + url.pathname);
      if (response.status !== 200) problems.push(`${from}: link to ${url.pathname} answers ${response.status}`);
      if (url.hash && ids.has(url.pathname) && !ids.get(url.pathname)!.has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push(`${from}: link to ${url.pathname}${url.hash} has no such anchor`);
      }
    }
    expect(links.size).toBeGreaterThan(paths.length);
    expect(problems).toEqual([]);
  });
});

describe('an unknown URL', () => {
  it('answers 404 with the hub’s own page, linking home', async () => {
    const page = await hub.browser.newPage();
    const response = await page.goto(`${hub.site.url}/share/no-such-snippet/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    expect(await page.locator('main a[href="/"]').count()).toBe(1);
    await page.close();
  });
});
