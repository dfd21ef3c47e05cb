/**
 * The sample hub in English, German and Arabic (settings.languages), in Chromium: the language switcher
 * keeps the page, German search finds German words and not pages that exist in English only, and the
 * Arabic snippet page is right to left, passes axe on a phone and shares its Arabic text exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { keepOnSite, recordOpened } from '../support/browser.ts';
import { indexedUrls } from '../support/search.ts';
import { DIST, SAMPLE_SITE, shareFeedOf, useBuiltHub } from '../support/site.ts';

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
    // The panel starts from one of the wordings (not the same one for every advocate): the one in the text box.
    const typed = await page.locator('[data-text]').inputValue();
    const arabic = shareFeedOf(path.join(DIST, 'ar')).snippets.find((s) => s.id === 'winter-checklist')!;
    const variant = arabic.variants.find((v) => v.text === typed)!;
    expect(variant, typed).toBeDefined();
    expect(variant.text).toMatch(/[\u0600-\u06FF]/);
    // X where the wording is for X; the wordings that are not go by e-mail, which every wording offers.
    const network = variant.networks.some((post) => post.network === 'x') ? 'x' : 'email';
    await page.click(`[data-network="${network}"]`);
    const [opened] = await page.evaluate(() => (window as unknown as { opened: string[] }).opened.slice());
    const expected = variant.networks.find((post) => post.network === network)!;
    expect(opened).toBe(expected.url);
    expect(decodeURIComponent(opened!)).toContain(variant.text);
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

  it("draws each language's share cards: a German page previews the German card", () => {
    const html = readFileSync(path.join(DIST, 'de/share/heat-pump-myths/index.html'), 'utf8');
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image).toBe(`${SAMPLE_SITE}/de/og/snippets/heat-pump-myths.png`);
    const german = readFileSync(path.join(DIST, 'de/og/snippets/heat-pump-myths.png'));
    const english = readFileSync(path.join(DIST, 'og/snippets/heat-pump-myths.png'));
    expect(german.subarray(16, 24)).toEqual(english.subarray(16, 24)); // the same 1200 × 630
    expect(german.equals(english)).toBe(false);
  });
});
