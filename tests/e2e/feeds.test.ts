/**
 * The snippet feeds of the sample hub as built (HUB_NOW=2026-11-22): every feed under /feeds/ is
 * well-formed RSS 2.0 that a feed parser reads, and JSON Feed with the fields the spec requires; each
 * holds exactly the published snippets of its team or topic, each item linking to its share page;
 * pages announce the feeds with <link rel="alternate">, and "Get updates" lists them with the
 * calendar feed, passing axe (light, dark, phone) and the Nu Html Checker.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { isPublished } from '../../src/lib/publish.ts';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { PROJECT } from '../support/build.ts';
import { settingsOf } from '../support/fixtures.ts';
import { DIST, SAMPLE_SITE, useBuiltHub, sampleContent } from '../support/site.ts';
import { errorLines, runVnu } from '../support/validators.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const content = sampleContent(NOW);
const snippets = content.entries.filter((e) => e.collection === 'snippets');
const live = snippets.filter((e) => isPublished(e.data as never, NOW));
type Data = { teams: string[]; topics: string[] };
const settings = settingsOf(path.join(PROJECT, 'content'));
const read = (file: string) => readFileSync(path.join(DIST, 'feeds', file), 'utf8');

/** The published snippets a feed must hold. */
function expected(feed: string): string[] {
  const fits = (data: Data) =>
    feed === 'snippets' || (feed.startsWith('team-') ? data.teams.includes(feed.slice(5)) || data.teams.includes('all') : data.topics.includes(feed.slice(6)));
  return live
    .filter((e) => fits(e.data as unknown as Data))
    .map((e) => e.id)
    .sort();
}
const idOf = (url: string) => new URL(url).pathname.match(/^\/share\/([^/]+)\/$/)?.[1];

const FEEDS = ['snippets', ...settings.teams.filter((t) => t !== 'all').map((t) => `team-${t}`), ...settings.topics.map((t) => `topic-${t}`)];

describe('the snippet feeds', () => {
  it('are one RSS and one JSON Feed for all snippets, each team and each topic', () => {
    expect(readdirSync(path.join(DIST, 'feeds')).sort()).toEqual(FEEDS.flatMap((f) => [`${f}.json`, `${f}.xml`]).sort());
    expect(live.length).toBeLessThan(snippets.length);
  });

  it.each(FEEDS)('%s.xml is well-formed RSS 2.0 with the published snippets, linking to their share pages', (feed) => {
    const xml = read(`${feed}.xml`);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseFeed(xml);
    expect(parsed.meta.type).toBe('rss');
    expect(parsed.meta.version).toBe('2.0');
    expect(parsed.self).toBe(`${SAMPLE_SITE}/feeds/${feed}.xml`);
    expect(parsed.items.map((i) => idOf(i.url!)).sort()).toEqual(expected(feed));
    for (const item of parsed.items) expect(item.title).toBeTruthy();
  });

  it.each(FEEDS)('%s.json is a JSON Feed with the same items', (feed) => {
    const json = JSON.parse(read(`${feed}.json`)) as {
      version: string;
      title: string;
      feed_url: string;
      items: { id: string; url: string; title: string; content_html: string }[];
    };
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(json.title).toBeTruthy();
    expect(json.feed_url).toBe(`${SAMPLE_SITE}/feeds/${feed}.json`);
    for (const item of json.items) expect(item.id && item.url && typeof item.content_html === 'string').toBeTruthy();
    expect(json.items.map((i) => idOf(i.url)).sort()).toEqual(expected(feed));
  });
});

describe('pages that announce the feeds', () => {
  const hub = useBuiltHub();
  const alternates = (file: string) =>
    [...readFileSync(path.join(DIST, file), 'utf8').matchAll(/<link rel="alternate" type="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

  it('every page links the feed of all snippets; a team’s digest its team’s; Get updates every feed and the calendar', () => {
    expect(alternates('index.html')).toEqual(expect.arrayContaining(['application/rss+xml /feeds/snippets.xml', 'application/feed+json /feeds/snippets.json']));
    expect(alternates('digest/sales/index.html')).toEqual(
      expect.arrayContaining(['application/rss+xml /feeds/team-sales.xml', 'application/feed+json /feeds/team-sales.json']),
    );
    const updates = alternates('updates/index.html');
    for (const feed of FEEDS) expect(updates).toContain(`application/rss+xml /feeds/${feed}.xml`);
    expect(updates).toContain('text/calendar /calendar.ics');
  });

  it('Get updates shows every feed and explains the calendar', async () => {
    const page = await hub.browser.newPage();
    await page.goto(`${hub.site.url}/updates/`);
    await expect(page.getByRole('link', { name: 'Sales: RSS' }).getAttribute('href')).resolves.toBe('/feeds/team-sales.xml');
    await expect(page.getByRole('heading', { name: 'The content calendar' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Subscribe in your calendar app' }).getAttribute('href')).resolves.toMatch(/^webcal:\/\/.*\/calendar\.ics$/);
    await page.close();
  });

  it('Get updates has no WCAG 2.2 AA violation, light or dark, on a desktop and a phone, and no Nu error', { timeout: 120_000 }, async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const context = await hub.browser.newContext(viewport ? { viewport } : {});
      expect(await auditPages(context, hub.site.url, ['/updates/'], { passes: BOTH_SCHEMES })).toEqual([]);
      await context.close();
    }
    expect(errorLines(await runVnu([path.join(DIST, 'updates', 'index.html')]), DIST)).toEqual([]);
  });
});
