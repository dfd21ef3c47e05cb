/**
 * Search on the built sample hub (dist/, HUB_NOW=2026-11-22) in Chromium:
 * what readers find, how filters, sorting, deep links and the header box
 * behave, that unpublished content is never found, and axe on the page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WCAG_22_AA } from '../support/axe.ts';
import { indexedUrls, resultCount, resultLinks, waitForResults } from '../support/search.ts';
import { languageFolderOf, sitemapPaths, useBuiltHub, sampleContent } from '../support/site.ts';

/** Sample entries that are not published on 2026-11-22. */
const UNPUBLISHED = {
  '/share/summit-livestream/': 'keynote streams live', // expired 2026-10-16
  '/share/careers-open-day/': 'careers open day', // draft
  '/share/hiring-season-opens/': 'hiring season', // publish 2026-12-01
};

/** The sample content as the build saw it. */
const sample = sampleContent(new Date('2026-11-22T00:00:00Z'));

const hub = useBuiltHub();
let context: BrowserContext;
const problems: string[] = [];

/** A browser context whose requests may not leave the site. */
async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const created = await hub.browser.newContext(options);
  await created.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === hub.site.url) return route.continue();
    problems.push(`request left the site: ${url.href}`);
    return route.abort();
  });
  return created;
}

beforeAll(async () => {
  context = await newContext();
});

afterAll(async () => {
  await context?.close();
});

/** A page that records console errors and failed requests into `problems`. */
async function open(pathAndQuery: string, into: BrowserContext = context): Promise<Page> {
  const page = await into.newPage();
  // Result thumbnails (/og/…) included: every build draws the cards, so a 404 there is a failure too.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${pathAndQuery}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${pathAndQuery}: page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${pathAndQuery}: ${response.status()} for ${response.url()}`);
  });
  await page.goto(hub.site.url + pathAndQuery);
  return page;
}

const searchInput = (page: Page) => page.locator('#search-q');
/** Opens a filter's list of values. */
const openFilter = (page: Page, name: string) => page.locator(`[data-search-filter="${name}"] summary`).click();

describe('the search page', () => {
  it('finds the page a reader half remembers first, from the first letters, and puts the query in the URL', async () => {
    const page = await open('/search/');
    await searchInput(page).pressSequentially('myt');
    // Results for "m" or "my" may show first while typing; wait for the answer to "myt".
    await page
      .locator('[data-search-summary]')
      .filter({ hasText: /results? for “myt”$/ })
      .waitFor();
    await expect.poll(async () => (await resultLinks(page))[0]).toBe('/share/heat-pump-myths/');

    await searchInput(page).fill('');
    await searchInput(page).pressSequentially('checklist');
    await expect.poll(async () => (await resultLinks(page))[0]).toBe('/share/winter-checklist/');
    await expect.poll(() => new URL(page.url()).search).toBe('?q=checklist');
    await page.close();
  });

  it('opens a linked search (?q=) with its words in the box and its results', async () => {
    const page = await open('/search/?q=copyright');
    await waitForResults(page);
    await expect.poll(() => searchInput(page).inputValue()).toBe('copyright');
    expect(await resultLinks(page)).toEqual(['/guidelines/respect-copyright/']);
    expect(await resultCount(page)).toBe(1);
    await page.close();
  });

  it('narrows the results with a filter, and keeps the filter in the URL', async () => {
    const page = await open('/search/?q=heat');
    await waitForResults(page);
    const all = await resultCount(page);
    const articles = await indexedUrls(page, { term: 'heat', filters: { type: ['Article'] } });
    expect(articles.length).toBeGreaterThan(1);
    expect(articles.length).toBeLessThan(all);

    await openFilter(page, 'type');
    await page.getByRole('checkbox', { name: /^Article ?, \d+ results?$/ }).check();
    await expect.poll(() => resultCount(page)).toBe(articles.length);
    await expect.poll(() => new URL(page.url()).search).toBe('?q=heat&type=Article');
    const shown = await resultLinks(page);
    expect(shown).toEqual(articles.slice(0, shown.length));
    const types = await page.locator('.hub-result:not(.hub-result-placeholder) .hub-result-type').allInnerTexts();
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(type).toMatch(/^Article · /);

    // The filtered search is a link too.
    const linked = await open('/search/?q=heat&type=Article');
    await waitForResults(linked);
    await expect.poll(() => resultCount(linked)).toBe(articles.length);
    await expect(
      linked.locator('[data-search-filter="type"] input:checked').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value)),
    ).resolves.toEqual(['Article']);
    await linked.close();
    await page.close();
  });

  it('adds up the values ticked in one filter (Article or Snippet), counts each as if ticked too, and clears them', async () => {
    const page = await open('/search/?q=heat&type=Article');
    await waitForResults(page);
    const articles = await indexedUrls(page, { term: 'heat', filters: { type: ['Article'] } });
    const snippets = await indexedUrls(page, { term: 'heat', filters: { type: ['Snippet'] } });
    expect(articles.length).toBeGreaterThan(0);
    expect(snippets.length).toBeGreaterThan(0);
    await openFilter(page, 'type');
    // With Article ticked, Snippet still says what ticking it would add.
    await page.getByRole('checkbox', { name: new RegExp(`^Snippet ?, ${snippets.length} results?$`) }).check();
    await expect.poll(() => page.locator('[data-search-summary]').innerText()).toBe(`${articles.length + snippets.length} results for “heat”`);
    await expect.poll(() => new URL(page.url()).search).toBe('?q=heat&type=Article&type=Snippet');

    // A filter that leaves nothing says so, and one tap clears the filters.
    await page.goto(`${hub.site.url}/search/?q=heat&type=Article&network=LinkedIn`);
    await expect.poll(() => page.locator('[data-search-summary]').innerText()).toBe('No results for “heat” with these filters');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?q=heat');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-q');
    await expect(page.locator('[data-search-filter] input:checked').count()).resolves.toBe(0);
    await page.close();
  });

  it('fetches the filter lists only when the reader reaches for a filter, then counts the results on the page', async () => {
    const page = await open('/search/');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await searchInput(page).fill('heat');
    await waitForResults(page);
    await page.locator('.hub-result-link').first().waitFor();
    expect(
      fetched.some((file) => file.endsWith('.pf_index')),
      'the search loaded its word index',
    ).toBe(true);
    expect(fetched.filter((file) => file.endsWith('.pf_filter'))).toEqual([]);

    await openFilter(page, 'type');
    const option = page.getByRole('checkbox', { name: /^Article ?, \d+ results?$/ });
    await option.waitFor();
    expect(fetched.filter((file) => file.endsWith('.pf_filter')).length).toBeGreaterThan(0);
    // The counts are those of the results on the page.
    const articles = await indexedUrls(page, { term: 'heat', filters: { type: ['Article'] } });
    await page.getByRole('checkbox', { name: new RegExp(`^Article ?, ${articles.length} results?$`) }).waitFor();
    await option.check();
    await expect.poll(() => resultCount(page)).toBe(articles.length);
    await page.close();
  });

  it('finds what is for everyone under each team: narrowing to a team keeps the posts for all', async () => {
    const page = await open('/search/');
    const snippetsFor = (team: string) => indexedUrls(page, { term: null, filters: { type: ['Snippet'], team: [team] } });
    const expected = (team: string) =>
      sample.entries
        .filter((e) => e.collection === 'snippets' && e.published)
        .filter((e) => (e.data.teams as string[]).some((t) => t === team || t === 'all'))
        .map((e) => `/share/${e.id}/`)
        .sort();
    const forAll = sample.entries.filter((e) => e.collection === 'snippets' && e.published && (e.data.teams as string[]).includes('all'));
    const forSomeTeams = sample.entries.filter((e) => e.collection === 'snippets' && e.published && !(e.data.teams as string[]).includes('all'));
    expect(forAll.length).toBeGreaterThan(0);
    expect(forSomeTeams.length).toBeGreaterThan(0);
    for (const team of ['sales', 'engineering']) {
      const found = (await snippetsFor(team[0]!.toUpperCase() + team.slice(1))).sort();
      expect(found, team).toEqual(expected(team));
    }
    await page.close();
  });

  it('orders by date, newest first, when asked (fetching the order only then), and back by best match', async () => {
    const page = await open('/search/?q=summit');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await waitForResults(page);
    const newest = await indexedUrls(page, { term: 'summit', newest: true });
    const best = await indexedUrls(page, { term: 'summit' });
    expect(newest[0]).not.toBe(best[0]);
    await expect.poll(async () => (await resultLinks(page))[0]).toBe(best[0]);
    expect(fetched.filter((file) => file.endsWith('/newest.json'))).toEqual([]);

    await page.locator('select[name="sort"]').selectOption('date');
    await expect.poll(async () => (await resultLinks(page))[0]).toBe(newest[0]);
    expect(await resultLinks(page)).toEqual(newest.slice(0, (await resultLinks(page)).length));
    await expect.poll(() => new URL(page.url()).search).toBe('?q=summit&sort=date');
    expect(fetched.filter((file) => file.endsWith('/newest.json'))).toEqual(['/pagefind/newest.json']);

    const linked = await open('/search/?q=summit&sort=date');
    await waitForResults(linked);
    await expect(linked.locator('select[name="sort"]').inputValue()).resolves.toBe('date');
    await expect.poll(async () => (await resultLinks(linked))[0]).toBe(newest[0]);
    await linked.close();

    await page.locator('select[name="sort"]').selectOption('relevance');
    await expect.poll(async () => (await resultLinks(page))[0]).toBe(best[0]);
    await expect.poll(() => new URL(page.url()).search).toBe('?q=summit');
    await page.close();
  });

  it('lists 20 results at a time, and "Show more results" adds 20 and takes the reader to the first of them, in view', async () => {
    const phone = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await open('/search/?q=heat', phone);
    await waitForResults(page);
    const all = await indexedUrls(page, { term: 'heat' });
    expect(all.length).toBeGreaterThan(20);
    expect(await resultCount(page)).toBe(20);
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.click();
    await expect.poll(() => resultCount(page)).toBe(Math.min(all.length, 40));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(all[20]);
    // The page scrolls smoothly (unless the reader asks for reduced motion): where the card ends up.
    const card = page.locator('[data-search-results] > li').nth(20);
    await expect
      .poll(async () => {
        const box = (await card.boundingBox())!;
        return box.y >= 0 && box.y + box.height <= 844;
      })
      .toBe(true);
    await expect(more.isVisible()).resolves.toBe(all.length > 40);
    // Reaching for a filter loads its counts and leaves the results the reader has as they are.
    await openFilter(page, 'type');
    await page.getByRole('checkbox', { name: /^Article ?, \d+ results?$/ }).waitFor();
    expect(await resultCount(page)).toBe(Math.min(all.length, 40));
    await phone.close();
  });

  it('offers Share on snippet results, leading to the snippet, and not on other results', async () => {
    const page = await open('/search/?q=checklist');
    await waitForResults(page);
    const first = page.locator('[data-search-results] > li').first();
    const share = first.getByRole('link', { name: 'Share Winter checklist for homeowners', exact: true });
    await expect(share.getAttribute('href')).resolves.toBe('/share/winter-checklist/');
    await Promise.all([page.waitForURL(`${hub.site.url}/share/winter-checklist/`), share.click()]);
    await page.goto(`${hub.site.url}/search/?q=copyright`);
    await waitForResults(page);
    await page.locator('.hub-result-link').first().waitFor();
    expect(await page.locator('.hub-result-share').count()).toBe(0);
    await page.close();
  });

  it('indexes every published entry page and nothing else: no list, home or 404, no expired, draft or scheduled entry', async () => {
    const page = await open('/search/');
    const indexed = await indexedUrls(page, { term: null });
    const entryPages = sitemapPaths().filter((p) => /^\/(share|articles|guidelines|training|campaigns|people|start)\/[^/]+\/$/.test(p));
    expect(entryPages.length).toBeGreaterThan(40);
    expect([...indexed].sort()).toEqual([...entryPages].sort());
    for (const [url, words] of Object.entries(UNPUBLISHED)) {
      expect(indexed).not.toContain(url);
      expect(await indexedUrls(page, { term: words }), words).not.toContain(url);
    }
    await page.close();
  });

  it('shows nothing of an expired or draft entry on the page either', async () => {
    const page = await open('/search/?q=keynote');
    await waitForResults(page);
    expect(await resultLinks(page)).not.toContain('/share/summit-livestream/');
    await page.goto(`${hub.site.url}/search/?q=open+day`);
    await waitForResults(page);
    expect(await resultLinks(page)).not.toContain('/share/careers-open-day/');
    await page.close();
  });

  it('has no axe violation (WCAG 2.2 AA) with results and an open filter, in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const scheme = await newContext({ colorScheme });
      const page = await open('/search/?q=heat', scheme);
      await waitForResults(page);
      await page.locator('.hub-result-link').first().waitFor();
      const withResults = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(withResults.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      await openFilter(page, 'topic');
      await page.getByRole('checkbox', { name: /^Product ?, \d+ results?$/ }).check();
      await expect.poll(() => new URL(page.url()).search).toBe('?q=heat&topic=Product');
      const withFilterOpen = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(withFilterOpen.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      await scheme.close();
    }
  });

  it('fits a phone screen', async () => {
    const phone = await newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await open('/search/?q=heat', phone);
    await waitForResults(page);
    await page.locator('.hub-result-link').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const input = await searchInput(page).boundingBox();
    expect(input!.width).toBeGreaterThan(280);
    await phone.close();
  });
});

describe('the header search box', () => {
  it("is on every page, as a plain form to /search/ (its language's: /de/search/ on German pages)", async () => {
    const page = await open('/');
    for (const p of sitemapPaths()) {
      const response = await page.request.get(hub.site.url + p);
      const action = `/${languageFolderOf(p)}search/`;
      expect(await response.text(), p).toContain(`role="search" action="${action}" method="get"`);
      expect(await response.text(), p).toMatch(/<form class="site-search"[^>]* role="search"/);
    }
    await page.close();
  });

  it('works without JavaScript', async () => {
    const noScript = await newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${hub.site.url}/guidelines/`);
    await page.getByRole('searchbox', { name: 'Search the hub' }).fill('frost');
    await Promise.all([page.waitForURL(`${hub.site.url}/search/?q=frost`), page.getByRole('searchbox', { name: 'Search the hub' }).press('Enter')]);
    // Chromium's no-script emulation still parses <noscript> as text, so read it as such.
    await expect(page.locator('main noscript').textContent()).resolves.toMatch(/Search needs JavaScript/);
    await noScript.close();
  });

  it('leads to the results with JavaScript', async () => {
    const page = await open('/articles/');
    await page.getByRole('searchbox', { name: 'Search the hub' }).fill('copyright');
    await Promise.all([page.waitForURL(`${hub.site.url}/search/?q=copyright`), page.getByRole('button', { name: 'Search', exact: true }).click()]);
    await waitForResults(page);
    expect(await resultLinks(page)).toEqual(['/guidelines/respect-copyright/']);
    await page.close();
  });

  it('is focused by "/", which never interrupts typing', async () => {
    const page = await open('/articles/');
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-q');
    await page.keyboard.type('a/b');
    await expect(page.locator('#site-search-q').inputValue()).resolves.toBe('a/b');

    const search = await open('/search/');
    await search.locator('h1').click();
    await search.keyboard.press('/');
    await expect(search.evaluate(() => document.activeElement?.id)).resolves.toBe('search-q');
    await search.close();
    await page.close();
  });
});

describe('all of the above', () => {
  it('made no request outside the site, failed no request and logged no error', () => {
    expect(problems).toEqual([]);
  });
});
