/**
 * A hub in German or Arabic shows the hub's own words in its language where English used to slip
 * through (a training level, the team "all", advocacy roles, "E-mail", quotation marks, numbers),
 * and, right to left, lets the entries' own words (English here: the fixture's content is) take
 * their direction with dir="auto" while the interface keeps the page's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { type BuildName, built } from '../support/builds.ts';
import { type FoundElement, elementsOf, readText } from '../support/html.ts';
import { serveStatic } from '../support/server.ts';

type Dictionary = Record<string, string>;
const dictionary = (lang: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, `../../src/i18n/${lang}.json`), 'utf8')) as Dictionary;
const en = dictionary('en');

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The elements of a built page with `class` among their classes (or any, without one) and tag `tag`. */
function elements(outDir: string, file: string, tag: string, className?: string): FoundElement[] {
  return elementsOf(readText(outDir, file)).filter((e) => e.tag === tag && (!className || (e.attrs.class ?? '').split(/\s+/).includes(className)));
}
const texts = (found: FoundElement[]) => found.map((e) => e.text.trim());

describe.each([
  { lang: 'de', build: 'german@2026-11-22' as BuildName, limit: '3.000' },
  { lang: 'ar', build: 'arabic@2026-11-22' as BuildName, limit: '3,000' },
])('a hub with lang: $lang', ({ lang, build: name, limit }) => {
  const words = dictionary(lang);

  it('builds', async () => {
    const build = await built(name);
    expect(build.code, build.output).toBe(0);
  });

  it('names a training level, an advocacy role and the team "all" in its language', async () => {
    const { outDir } = await built(name);
    // training/basics is level: starter; its list shows the level as a badge.
    expect(texts(elements(outDir, 'training/basics/index.html', 'dd'))).toContain(words['training.level.starter']);
    expect(texts(elements(outDir, 'training/index.html', 'span', 'badge'))).toContain(words['training.level.starter']);
    expect(readText(outDir, 'training/basics/index.html')).not.toMatch(/>\s*Starter\s*</);
    // Ana's roles: creator and commenter.
    const roles = texts(elements(outDir, 'people/ana/index.html', 'li', 'tag'));
    expect(roles).toEqual([words['training.role.creator'], words['training.role.commenter']]);
    // The live snippet is for teams: [all]; the search index files it under the same word.
    const snippet = readText(outDir, 'share/live/index.html');
    expect(texts(elements(outDir, 'share/live/index.html', 'li', 'tag'))).toContain(words['team.all']);
    expect(snippet).not.toMatch(/>\s*All\s*</);
    expect(snippet).toContain(`data-pagefind-filter="team[value]" value="${words['team.all']}"`);
  });

  it('names e-mail in its language wherever networks are listed, and keeps brand names', async () => {
    const { outDir } = await built(name);
    const snippet = readText(outDir, 'share/live/index.html');
    expect(texts(elements(outDir, 'share/live/index.html', 'button', 'share-network'))).toEqual(['LinkedIn', 'X', 'Bluesky', 'Mastodon', words['network.email']]);
    expect(snippet).toContain(`data-pagefind-filter="network[value]" value="${words['network.email']}"`);
    expect(snippet).not.toContain(en['network.email']);
  });

  it('quotes in its quotation marks', async () => {
    const { outDir } = await built(name);
    const [open, close] = words.quote!.split('{text}');
    const quote = elements(outDir, 'people/ana/index.html', 'blockquote', 'quote');
    expect(texts(quote)).toEqual([`${open}Ana answered every question in the launch thread.${close}`]);
    expect(readText(outDir, 'share/index.html')).toContain(`${open}We launched something I worked on for a year.${close}`);
    expect(readText(outDir, 'share/index.html')).not.toContain('“We launched');
  });

  it('writes the share counters’ numbers as the language does (in the browser)', async () => {
    const { outDir } = await built(name);
    const site = await serveStatic(outDir);
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/share/live/`, { waitUntil: 'load' });
      const counter = page.locator('[data-count="linkedin"]');
      await expect.poll(() => counter.textContent()).toContain(limit);
    } finally {
      await context.close();
      await site.close();
    }
  });
});

describe.each([
  { lang: 'de', build: 'german@2026-11-22' as BuildName, found: /^\d+ Ergebnisse? für „snippet“$/ },
  { lang: 'ar', build: 'arabic@2026-11-22' as BuildName, found: /^(\d+ )?(نتيجة|نتائج|نتيجتان)( واحدة)? لـ «snippet»$/ },
])('on a phone, a hub with lang: $lang', ({ build: name, found }) => {
  it('shows the hub’s whole name in the header, beside the search and menu buttons', async () => {
    const { outDir } = await built(name);
    const site = await serveStatic(outDir);
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/`, { waitUntil: 'load' });
      const name = await page.locator('.brand span').evaluate((span) => ({
        cut: span.scrollWidth > span.clientWidth + 1 || span.scrollHeight > span.clientHeight + 1,
        text: span.textContent,
      }));
      expect(name).toEqual({ cut: false, text: expect.stringMatching(/^Fixture/) });
      const header = (await page.locator('.site-header').boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(64);
      await expect.poll(() => page.locator('.site-menu summary').isVisible()).toBe(true);
    } finally {
      await context.close();
      await site.close();
    }
  });

  it('shows the search filters’ labels whole, and the results’ count in the language', async () => {
    const { outDir } = await built(name);
    const site = await serveStatic(outDir);
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/search/`, { waitUntil: 'load' });
      await page.locator('#search-q').fill('snippet');
      const labels = page.locator('[data-search-filter] summary > span:first-child');
      await labels.first().waitFor();
      const cut = await labels.evaluateAll((spans) => spans.filter((span) => span.scrollWidth > span.clientWidth + 1).map((span) => span.textContent));
      expect(cut).toEqual([]);
      // The summary, in the language's plural form and quotation marks.
      await expect.poll(async () => (await page.locator('[data-search-summary]').textContent())?.trim()).toMatch(found);
    } finally {
      await context.close();
      await site.close();
    }
  });
});

describe('content in another direction than an Arabic hub', () => {
  it('gives entries’ own words dir="auto", and leaves the interface in the page’s direction', async () => {
    const { outDir } = await built('arabic@2026-11-22');
    const dirOf = (file: string, tag: string, className?: string) => elements(outDir, file, tag, className).map((e) => e.attrs.dir);
    // Markdown bodies, an entry's title and lede, a person's name and job title, quotes, quiz options.
    for (const file of ['share/live/index.html', 'training/basics/index.html', 'people/ana/index.html', 'campaigns/launch/index.html', 'guidelines/be-honest/index.html'])
      expect(dirOf(file, 'div', 'prose'), file).toContain('auto');
    expect(dirOf('training/basics/index.html', 'h1')).toEqual(['auto']);
    expect(dirOf('training/basics/index.html', 'p', 'lede')).toEqual(['auto']);
    expect(dirOf('people/ana/index.html', 'h1')).toEqual(['auto']);
    expect(dirOf('people/ana/index.html', 'blockquote', 'quote')).toEqual(['auto']);
    expect(dirOf('share/index.html', 'h3', 'card-title').every((dir) => dir === 'auto')).toBe(true);
    // A list item keeps the page's direction (its marker stays inside the list); its words inside take their own.
    expect(dirOf('training/basics/index.html', 'li').filter((dir) => dir === 'auto')).toEqual([]);
    expect(dirOf('training/basics/index.html', 'span').filter((dir) => dir === 'auto').length).toBeGreaterThan(0);
    // A page of the interface's own words keeps its title in the page's direction, as do the header and navigation.
    expect(dirOf('training/index.html', 'h1')).toEqual([undefined]);
    expect(dirOf('index.html', 'nav')).not.toContain('auto');
    expect(dirOf('index.html', 'a').filter((dir) => dir === 'auto').length).toBeLessThan(elements(outDir, 'index.html', 'a').length);
  });
});
