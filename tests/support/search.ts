/** Searching a built hub in Chromium: through Pagefind's own API (every result) or the search page (what readers see). */
import type { Page } from 'playwright-core';

export interface IndexQuery {
  /** Words to search for; null lists every indexed page (a filter-only search). */
  term: string | null;
  filters?: Record<string, string[]>;
  /** Newest first, by each result's date (its `date` metadata), ties in best-match order; default best first. */
  newest?: boolean;
  /** The Pagefind bundle asked: a language's own (`/de/pagefind/`). Default: the default language's, /pagefind/. */
  bundle?: string;
}

/** The URL of every result, best first, from the index the page's site serves at /pagefind/ (or `query.bundle`). */
export async function indexedUrls(page: Page, query: IndexQuery): Promise<string[]> {
  // A string, so the test runner does not rewrite the browser's import().
  const bundle = JSON.stringify(query.bundle ?? '/pagefind/');
  return page.evaluate(`(async () => {
    const bundle = new URL(${bundle}, location.href);
    const pagefind = await import(new URL('pagefind.js', bundle).href);
    const found = await pagefind.search(${JSON.stringify(query.term)}, { filters: ${JSON.stringify(query.filters ?? {})} });
    const data = await Promise.all(found.results.map((result) => result.data()));
    // By each page's own date, read from its record: not from the order file the page uses.
    if (${query.newest === true}) data.sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? ''));
    return data.map((d) => d.url);
  })()`);
}

/** The results list of the search page, once Pagefind has answered (the summary names the count). */
export async function waitForResults(page: Page): Promise<void> {
  await page
    .locator('[data-search-summary]')
    .filter({ hasText: /\d+ results?|No results/ })
    .waitFor();
  await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
}

/** How many results the search page lists (each has an item, loaded or not yet; a page of them at a time). */
export function resultCount(page: Page): Promise<number> {
  return page.locator('[data-search-results] > li').count();
}

/** The links of the results loaded so far, in order (after `waitForResults`). */
export async function resultLinks(page: Page): Promise<string[]> {
  if ((await resultCount(page)) === 0) return [];
  await page.locator('.hub-result-link').first().waitFor();
  return page.locator('.hub-result-link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
