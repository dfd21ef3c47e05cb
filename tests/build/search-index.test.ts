/**
 * The search index of a real build of the fixture tree, searched in Chromium:
 * it holds exactly the published entry pages, and a draft, an expired and a
 * scheduled snippet (and a scheduled article) are never found until their day.
 * Beside it, newest.json orders the dated ones newest first.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { filesIn, read } from '../support/build.ts';
import { built } from '../support/builds.ts';
import { fragmentsOf, pagefindMetaOf } from '../support/pagefind-files.ts';
import { indexedUrls, resultLinks, waitForResults } from '../support/search.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';

const PUBLISHED_ON_22_NOV = [
  '/articles/hello/',
  '/campaigns/launch/',
  '/guidelines/be-honest/',
  '/people/ana/',
  '/people/bo/',
  '/share/live/',
  '/start/welcome/',
  '/training/basics/',
  '/training/listening/',
];
/** The dated ones (a campaign's start, an article's publication, a guideline's update), newest first. */
const NEWEST_ON_22_NOV = [['/campaigns/launch/'], ['/articles/hello/'], ['/guidelines/be-honest/']];
/** Words only an unpublished entry has, and the page it would have. */
const UNPUBLISHED_WORDS = [
  ['Draft snippet', '/share/draft/'],
  ['approved', '/share/draft/'],
  ['Expired snippet', '/share/expired/'],
  ['livestream', '/share/expired/'],
  ['Scheduled snippet', '/share/scheduled/'],
  ['December', '/share/scheduled/'],
  ['future', '/articles/future-article/'],
] as const;

const today = await built('valid@2026-11-22');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** newest.json of a build, each result id replaced by its page's URL (from the page's fragment in the index). */
function newestUrls(outDir: string): string[][] {
  const bundle = path.join(outDir, 'pagefind');
  const fragments = fragmentsOf(bundle);
  const newest = JSON.parse(readFileSync(path.join(bundle, 'newest.json'), 'utf8')) as string[][];
  return newest.map((day) => day.map((id) => fragments.get(id)?.url ?? `${id}, which is no page of the index`));
}

async function searchPage(site: StaticSite): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${site.url}/search/`);
  return page;
}

describe('the search index of a build on 2026-11-22', () => {
  const build = today;
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveStatic(build.outDir);
  });
  afterAll(async () => {
    await site?.close();
  });

  it('is written by the build, with Pagefind’s search API and none of its UIs, and the build says so', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/\[hub:search\] indexed 9 pages into pagefind\/ \(\d+ files, \d+ KiB\)/);
    expect(existsSync(path.join(build.outDir, 'pagefind/pagefind.js'))).toBe(true);
    for (const ui of ['pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-ui.js', 'pagefind-modular-ui.js'])
      expect(existsSync(path.join(build.outDir, 'pagefind', ui)), ui).toBe(false);
    expect(existsSync(path.join(build.outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('writes newest.json: the indexed dated pages’ result ids, newest day first, and no sort into the metadata every search downloads', () => {
    expect(newestUrls(build.outDir)).toEqual(NEWEST_ON_22_NOV);
    for (const [, url] of UNPUBLISHED_WORDS) expect(newestUrls(build.outDir).flat()).not.toContain(url);
    // Every id is a page of the index, whose date is its day.
    const bundle = path.join(build.outDir, 'pagefind');
    const fragments = fragmentsOf(bundle);
    const newest = JSON.parse(readFileSync(path.join(bundle, 'newest.json'), 'utf8')) as string[][];
    expect(newest.map((day) => day.map((id) => fragments.get(id)?.meta.date))).toEqual([['2026-11-01'], ['2026-10-02'], ['2026-09-01']]);
    // Pagefind's metadata file: [version, pages, index chunks, filters, sorts, …]; no sort any more.
    const meta = pagefindMetaOf(bundle);
    expect((meta[1] as unknown[]).length).toBe(PUBLISHED_ON_22_NOV.length);
    expect(meta[4]).toEqual([]);
  });

  it('marks entry pages, and only them, as searchable', () => {
    const pages = filesIn(build.outDir).filter((f) => f.endsWith('index.html') || f === '404.html');
    const searchable = pages.filter((f) => /<main[^>]* data-pagefind-body/.test(read(build.outDir, f)));
    expect(searchable.map((f) => `/${f.replace(/index\.html$/, '')}`).sort()).toEqual(PUBLISHED_ON_22_NOV);
  });

  it('holds exactly the published entry pages', async () => {
    const page = await searchPage(site);
    expect((await indexedUrls(page, { term: null })).sort()).toEqual(PUBLISHED_ON_22_NOV);
    await page.close();
  });

  it('never finds a draft, expired or scheduled entry, by API or on the search page', async () => {
    const page = await searchPage(site);
    expect((await indexedUrls(page, { term: 'Live snippet' }))[0]).toBe('/share/live/');
    for (const [words, url] of UNPUBLISHED_WORDS) {
      expect(await indexedUrls(page, { term: words }), words).not.toContain(url);
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(words)}`);
      await waitForResults(page);
      expect(await resultLinks(page), words).not.toContain(url);
    }
    await page.close();
  });

  it('gives results their filters, metadata and date', async () => {
    const page = await searchPage(site);
    const data = (await page.evaluate(`(async () => {
      const pagefind = await import(new URL('/pagefind/pagefind.js', location.href).href);
      const found = await pagefind.search('Live snippet');
      return found.results[0].data();
    })()`)) as { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> };
    expect(data.url).toBe('/share/live/');
    // The entry's own words, without the page's labels (eyebrow, "Wording 1", topic chips) or its title again.
    expect(data.content).toContain('We launched something I worked on for a year.');
    expect(data.content).not.toMatch(/Live snippet|Ready to share|Wording \d/);
    // Each wording once (from the list without JavaScript), and none of the share panel's own words.
    expect(data.content.split('We launched something I worked on for a year.')).toHaveLength(2);
    expect(data.content).not.toMatch(/Make it yours|Your first line|Start from a wording|Share it in your words|Share on|Mastodon/);
    expect(data.meta).toMatchObject({ title: 'Live snippet', type: 'Snippet', image: '/og/snippets/live.thumb.png', share: '/share/live/' });
    expect(data.filters).toEqual({
      type: ['Snippet'],
      topic: ['Product'],
      // For all teams: found under each team of settings too.
      team: ['All', 'Sales', 'Engineering'],
      network: ['LinkedIn', 'X', 'Bluesky', 'Mastodon', 'E-mail'],
    });
    await page.close();
  });
});

describe('the search index of a build previewing 2026-12-06', () => {
  it('finds what was scheduled, and still never the draft or the expired entry', async () => {
    const build = await built('later@2026-12-06');
    expect(build.code, build.output).toBe(0);
    const site = await serveStatic(build.outDir);
    const page = await searchPage(site);
    expect(await indexedUrls(page, { term: 'December' })).toContain('/share/scheduled/');
    expect(await indexedUrls(page, { term: 'future' })).toContain('/articles/future-article/');
    const all = await indexedUrls(page, { term: null });
    expect(all).not.toContain('/share/draft/');
    expect(all).not.toContain('/share/expired/');
    await page.close();
    await site.close();
    // Newest first: what was published since comes first; still no draft or expired entry.
    const newest = newestUrls(build.outDir);
    expect(newest.slice(0, 2)).toEqual([['/articles/future-article/'], ['/share/scheduled/']]);
    expect(newest.slice(-3)).toEqual(NEWEST_ON_22_NOV);
    expect(newest.flat().filter((url) => !all.includes(url))).toEqual([]);
  });
});
