/**
 * Search that forgives (issue 16, item 6), in Chromium against the built
 * sample hub: filter values in the URL match whatever their case, a search
 * with filters and no words lists every match, and a mistyped query offers
 * "Did you mean …" from the hub's own words, which runs with one tap.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedUrls, resultCount, resultLinks, waitForResults } from '../support/search.ts';
import { useBuiltHub, sampleContent } from '../support/site.ts';

const sample = sampleContent(new Date('2026-11-22T00:00:00Z'));
const hub = useBuiltHub();
const pages: Page[] = [];
const errors: string[] = [];

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
  expect(errors.splice(0)).toEqual([]);
});

async function open(pathAndQuery: string): Promise<Page> {
  // Results load as they come into view: a window tall enough to show every one.
  const context = await hub.browser.newContext({ viewport: { width: 1280, height: 12_000 } });
  const page = await context.newPage();
  pages.push(page);
  page.on('pageerror', (error) => errors.push(`${pathAndQuery}: ${error.message}`));
  await page.goto(hub.site.url + pathAndQuery);
  return page;
}

/** What the search page shows once Pagefind has answered: the summary, the count it gives, and every listed result's link. */
async function shown(page: Page): Promise<{ summary: string; count: number; links: string[] }> {
  await waitForResults(page);
  const listed = await resultCount(page);
  // The page fills in results as they come into view: wait until no placeholder is left in the viewport's reach.
  if (listed <= 20) await page.locator('.hub-result-placeholder').first().waitFor({ state: 'detached' });
  const summary = (await page.locator('[data-search-summary]').innerText()).trim();
  const count = Number(/^[\d,]+/.exec(summary)?.[0].replace(/,/g, '') ?? NaN);
  // A page of results at a time ("Show more results" for the rest).
  expect(listed).toBe(Math.min(count, 20));
  return { summary, count, links: await resultLinks(page) };
}

describe('filters in the URL', () => {
  it('match whatever their case: ?team=sales and ?team=Sales give the same results', async () => {
    const lower = await shown(await open('/search/?q=heat&team=sales'));
    const upper = await shown(await open('/search/?q=heat&team=Sales'));
    const expected = await indexedUrls(pages[0]!, { term: 'heat', filters: { team: ['Sales'] } });
    expect(expected.length).toBeGreaterThan(0);
    expect(upper.count).toBe(expected.length);
    expect(upper.links.length).toBeGreaterThan(0);
    for (const link of upper.links) expect(expected).toContain(link);
    expect(lower).toEqual(upper);
  });

  it("take the content's own ids: ?network=email is E-mail, ?team=all is All, ?topic=product is Product", async () => {
    for (const [id, name, value] of [
      ['network', 'email', 'E-mail'],
      ['team', 'all', 'All'],
      ['topic', 'product', 'Product'],
    ] as const) {
      const byId = await open(`/search/?q=heat&${id}=${name}`);
      const { count } = await shown(byId);
      const expected = await indexedUrls(byId, { term: 'heat', filters: { [id]: [value] } });
      expect(expected.length, `${id}=${name}`).toBeGreaterThan(0);
      expect(count, `${id}=${name}`).toBe(expected.length);
      await expect(
        byId.locator(`[data-search-filter="${id}"] input:checked`).evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value)),
      ).resolves.toEqual([value]);
    }
  });

  it('lists every match of the filters when there are no words: type=people lists all people', async () => {
    const people = sample.entries.filter((e) => e.collection === 'people' && e.published).map((e) => `/people/${e.id}/`);
    expect(people.length).toBeGreaterThan(1);
    const page = await open('/search/?type=people');
    const { summary, count, links } = await shown(page);
    expect(count).toBe(people.length);
    expect(links.toSorted()).toEqual(people.toSorted());
    expect(summary).toContain(String(people.length));
    // The filter shows as chosen, in the hub's spelling.
    await expect(page.locator('[data-search-filter="type"] input:checked').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value))).resolves.toEqual([
      'Person',
    ]);
  });
});

describe('a mistyped query', () => {
  it('offers "Did you mean heat pump" for "heet pump", and one tap searches for it', async () => {
    const page = await open('/search/');
    const wordFetches: string[] = [];
    page.on('request', (request) => void (new URL(request.url()).pathname === '/search/words.json' && wordFetches.push(request.url())));
    await page.locator('#search-q').fill('heet pump');
    const offer = page.getByRole('button', { name: 'heat pump', exact: true });
    await offer.waitFor();
    await expect(page.locator('[data-search-suggestion]').innerText()).resolves.toBe('Did you mean heat pump?');
    await offer.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('heat pump');
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('heat pump');
    await expect.poll(() => page.locator('[data-search-summary]').innerText()).toMatch(/results? for “heat pump”$/);
    const { count, links } = await shown(page);
    const expected = await indexedUrls(page, { term: 'heat pump' });
    expect(count).toBe(expected.length);
    expect(count).toBeGreaterThan(10);
    expect(links[0]).toBe(expected[0]);
    // The offer goes once the query is fine.
    expect(await page.locator('[data-search-suggestion]').isVisible()).toBe(false);
    // The hub's words came once, when a query first found few results.
    expect(wordFetches).toHaveLength(1);
  });

  it('offers nothing for a query the hub answers well, and fetches no words for it', async () => {
    const context = await hub.browser.newContext({ viewport: { width: 1280, height: 12_000 } });
    const page = await context.newPage();
    pages.push(page);
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(new URL(request.url()).pathname));
    await page.goto(`${hub.site.url}/search/?q=heat+pump`);
    expect((await shown(page)).count).toBeGreaterThan(10);
    expect(await page.locator('[data-search-suggestion]').isVisible()).toBe(false);
    expect(requested).toContain('/search/');
    expect(requested).not.toContain('/search/words.json');
    // Nor does the page carry them.
    expect(await page.content()).not.toMatch(/data-words=/);
  });
});
