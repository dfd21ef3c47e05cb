/** The built hub's /admin/: Decap CMS from the hub's own files, with the configured backend. */
import { describe, expect, it } from 'vitest';
import { sitemapPaths, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();

describe('/admin/ in the built hub', () => {
  it.each(['/admin/', '/admin'])('%s opens Decap CMS with every collection, loading nothing from elsewhere', async (path) => {
    const context = await hub.browser.newContext();
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === hub.site.url) return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(hub.site.url + path);
    await page.getByRole('button', { name: /login/i }).click({ timeout: 60_000 });
    for (const collection of ['Snippets', 'Articles', 'Guidelines', 'Training', 'Campaigns', 'People', 'Tracks', 'Settings']) {
      await expect(page.getByRole('link', { name: collection, exact: true }).count()).resolves.toBeGreaterThan(0);
    }
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not in the sitemap', () => {
    expect(sitemapPaths().some((p) => p.includes('/admin'))).toBe(false);
  });
});
