/**
 * The sample hub in English, German and Arabic (settings.languages), in Chromium: the language switcher
 * keeps the page, German search finds German words and not pages that exist in English only, and the
 * Arabic snippet page is right to left, passes axe on a phone and shares its Arabic text exactly.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { keepOnSite, recordOpened } from '../support/browser.ts';
import { indexedUrls } from '../support/search.ts';
import { DIST, shareFeedOf, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('the sample hub in three languages', () => {
  it('switches language and keeps the page, without JavaScript', async () => {
    const context = await hub.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    await page.locator('.language-switcher a[hreflang="de"]').click();
    await page.waitForURL(`${hub.site.url}/de/share/winter-checklist/`);
    expect(await page.locator('h1').textContent()).toContain('Winter');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('.language-switcher [aria-current="page"]').textContent()).toBe('Deutsch');
    await page.locator('.language-switcher a[hreflang="ar"]').click();
    await page.waitForURL(`${hub.site.url}/ar/share/winter-checklist/`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.locator('.language-switcher a[hreflang="en"]').click();
    await page.waitForURL(`${hub.site.url}/share/winter-checklist/`);
    await context.close();
  });

  it('searches German pages in German, and not the pages that exist in English only', async () => {
    const context = await hub.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/de/search/`);
    const german = await indexedUrls(page, { term: 'Wärmepumpe', bundle: '/de/pagefind/' });
    expect(german).toContain('/de/share/heat-pump-myths/');
    expect(german.every((url) => url.startsWith('/de/'))).toBe(true);
    // "apprenticeships" is in the English pages only: not translated, so not in the German index.
    expect(await indexedUrls(page, { term: 'apprenticeships', bundle: '/pagefind/' })).toContain('/share/apprenticeships-2027/');
    expect(await indexedUrls(page, { term: 'apprenticeships', bundle: '/de/pagefind/' })).toEqual([]);
    // The search page itself asks the German index.
    await page.goto(`${hub.site.url}/de/search/?q=W%C3%A4rmepumpe`);
    await page.locator('.hub-result-link[href="/de/share/heat-pump-myths/"]').first().waitFor();
    await context.close();
  });

  it('shows the Arabic snippet right to left, shares its Arabic text exactly, and passes axe on a phone', async () => {
    const context = await hub.browser.newContext(PHONE);
    const outside: string[] = [];
    await keepOnSite(context, hub.site.url, outside);
    await recordOpened(context);
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/ar/share/winter-checklist/`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    await page.click('[data-network="x"]');
    const [opened] = await page.evaluate(() => (window as unknown as { opened: string[] }).opened.slice());
    const arabic = shareFeedOf(path.join(DIST, 'ar')).snippets.find((s) => s.id === 'winter-checklist')!;
    const expected = arabic.variants[0]!.networks.find((post) => post.network === 'x')!;
    expect(arabic.variants[0]!.text).toMatch(/[\u0600-\u06FF]/);
    expect(new URL(opened!).searchParams.get('text')).toBe(new URL(expected.url!).searchParams.get('text'));
    expect(new URL(opened!).searchParams.get('text')).toContain(arabic.variants[0]!.text);
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await page.close();
    const findings = await auditPages(context, hub.site.url, ['/ar/share/winter-checklist/', '/de/guidelines/add-value/', '/de/training/comments-that-count/'], {
      label: 'languages',
      passes: BOTH_SCHEMES,
    });
    expect(findings).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
