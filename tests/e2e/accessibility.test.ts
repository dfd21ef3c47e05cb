/**
 * WCAG 2.2 AA with axe-core on every page of the sitemap, in the light and
 * the dark colour scheme, plus the pages people reach outside the sitemap
 * (the 404, a search with results), and a sample of pages on a phone screen,
 * where nothing may need sideways scrolling (reflow, WCAG 1.4.10). Each page
 * is loaded once: every rule in the light scheme, then the colour rules again
 * after switching to the dark scheme (tests/support/axe.ts says why that is all).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { waitForResults } from '../support/search.ts';
import { sitemapPaths, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();

/** Pages outside the sitemap that readers see: a search with results, one listing a filter's matches, one offering "Did you mean …". */
const NOT_IN_SITEMAP = ['/no-such-page/', '/search/?q=heat', '/search/?type=people', '/search/?q=heet+pump'];

/** The quiz checked with every answer wrong (feedback without the answers), then one question's answer shown on request. */
const QUIZ_IN_FEEDBACK = '/training/advocacy-basics/';

/** Every page waits for its islands; the search page for its results (and its suggestion); the quiz is answered. */
async function ready(page: Page, path: string): Promise<void> {
  if (path.startsWith('/search/?')) {
    await waitForResults(page);
    await page.locator('.hub-result-link').first().waitFor();
    if (path.includes('heet')) await page.locator('[data-search-suggestion]').waitFor();
  }
  if (path === QUIZ_IN_FEEDBACK) {
    for (const question of await page.locator('fieldset[data-answer]').all()) {
      const answer = Number(await question.getAttribute('data-answer'));
      await question
        .getByRole('radio')
        .nth(answer === 0 ? 1 : 0)
        .check();
    }
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await page.locator('fieldset[data-answer]').nth(1).getByRole('button', { name: 'Show the answer' }).click();
    await page.locator('fieldset[data-answer]').nth(1).locator('[data-feedback]').waitFor();
  }
}

describe('every page, in both colour schemes', () => {
  // Every page of the sample's three languages, twice: about 90 s on a quiet 2-core machine, and past e2e's
  // 120 s while the other browser tests run beside it (a clean-clone CI run on 2026-12-03).
  it('has no WCAG 2.2 AA violation, light or dark', async () => {
    const paths = [...sitemapPaths(), ...NOT_IN_SITEMAP];
    expect(paths.length).toBeGreaterThan(60);
    const context = await hub.browser.newContext();
    const findings = await auditPages(context, hub.site.url, paths, { passes: BOTH_SCHEMES, ready, concurrency: 3 });
    await context.close();
    expect(findings).toEqual([]);
  }, 300_000);
});

describe('on a phone', () => {
  const sample = () => {
    const all = sitemapPaths();
    const first = (prefix: string) => all.find((p) => p.startsWith(prefix) && p !== prefix)!;
    return [
      '/',
      '/share/',
      first('/share/'),
      first('/articles/'),
      first('/training/'),
      first('/start/'),
      first('/people/'),
      first('/campaigns/'),
      '/impact/',
      '/calendar/',
      '/search/?q=heat',
      '/no-such-page/',
    ];
  };

  it('at 390 × 844: the search page listing a filter’s matches and offering "Did you mean …", and a quiz giving feedback, light or dark', async () => {
    const context = await hub.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const findings = await auditPages(context, hub.site.url, ['/search/?type=people', '/search/?q=heet+pump', QUIZ_IN_FEEDBACK], {
      label: 'phone 390',
      passes: BOTH_SCHEMES,
      ready,
      check: async (page) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        return width > 390 ? [`is ${width} px wide on a 390 px screen`] : [];
      },
    });
    await context.close();
    expect(findings).toEqual([]);
  });

  it('fits the screen without sideways scrolling and has no violation, light or dark', async () => {
    const context = await hub.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const findings = await auditPages(context, hub.site.url, sample(), {
      label: 'phone',
      passes: BOTH_SCHEMES,
      ready,
      check: async (page) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        return width > 360 ? [`is ${width} px wide on a 360 px screen`] : [];
      },
    });
    await context.close();
    expect(findings).toEqual([]);
  });
});

describe('an onboarding path under way, on a 390 × 844 phone', () => {
  /** What an advocate half way through the Sales track has in their browser. */
  const STATE: Record<string, unknown> = {
    'hub:training': { 'listening-first': { best: 4, total: 4, passed: true, passedAt: '2026-11-20T10:00:00.000Z', attempts: 1 } },
    'hub:opened': ['guidelines/say-what-is-opinion'],
    'hub:shared': { v: 1, items: { 'heat-pump-myths': { at: '2026-11-21T10:00:00.000Z', network: 'bluesky' } } },
    'hub:onboarding': { 'sales-advocates': ['task:find-one-public-question-about-heat-pumps-this-week-and-answer-it-in-a-comment-w'] },
    'hub:active-track': 'sales-advocates',
    'hub:advocate': { mentor: 'priya-raman' },
  };
  const PATHS = [
    '/',
    '/start/',
    '/start/sales-advocates/',
    '/training/comments-that-count/?track=sales-advocates',
    '/guidelines/respect-others/?track=sales-advocates',
    '/people/',
  ];

  it('shows the way back, the progress, the steps done by doing them and the Contact action without a violation, light or dark', async () => {
    const context = await hub.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript((state) => {
      if (localStorage.getItem('hub:active-track') === null) for (const [key, value] of Object.entries(state)) localStorage.setItem(key, JSON.stringify(value));
    }, STATE);
    const findings = await auditPages(context, hub.site.url, PATHS, {
      label: 'path',
      passes: BOTH_SCHEMES,
      concurrency: 2,
      ready: async (page, path) => {
        // What is audited is the state under way, not the page before its island ran.
        if (path.startsWith('/start/') && path !== '/start/') await page.locator('[data-step-auto]:visible').first().waitFor();
        else if (path !== '/people/') await page.locator('[data-path-nav]:visible a').waitFor();
      },
      check: async (page) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        return width > 390 ? [`is ${width} px wide on a 390 px screen`] : [];
      },
    });
    await context.close();
    expect(findings).toEqual([]);
  });
});
