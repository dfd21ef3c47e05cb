/** Snippet feeds (src/lib/feeds.ts): which snippets each feed holds, and text that stays text in RSS and JSON Feed. */
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { FEED_ITEMS, type FeedInput, feedIds, newest, snippetFeed } from '../../src/lib/feeds.ts';

const snippet = (id: string, teams: string[], topics: string[], text = 'A post.', publish?: Date) => ({
  id,
  data: { title: `Title of ${id}`, teams, topics, publish, variants: [{ text }] },
});

const input = (id: FeedInput['id']): FeedInput => ({
  id,
  title: 'Hub: posts',
  description: 'Posts.',
  lang: 'en',
  now: new Date('2026-11-22T00:00:00Z'),
  copyright: 'Org',
  urls: {
    hub: 'https://h.example/',
    feed: (f, as) => `https://h.example/feeds/${f}.${as}`,
    share: (s) => `https://h.example/share/${s}/`,
    card: (s) => `https://h.example/og/snippets/${s}.png`,
  },
  snippets: [
    snippet('for-all', ['all'], ['product'], 'Fish & chips <script>alert(1)</script>', new Date('2026-11-09T00:00:00Z')),
    snippet('for-sales', ['sales'], ['careers']),
    snippet('for-eng', ['engineering'], ['product']),
  ],
});
const links = (xml: string) => parseFeed(xml).items.map((i) => i.url);

describe('snippet feeds', () => {
  it('are one for all snippets, one per team but "all", one per topic', () => {
    expect(feedIds({ teams: ['all', 'sales'], topics: ['product'] })).toEqual(['snippets', 'team-sales', 'topic-product']);
  });
  it('hold a team’s snippets and those for everyone, or a topic’s', () => {
    expect(links(snippetFeed(input('team-sales')).xml)).toEqual(['https://h.example/share/for-all/', 'https://h.example/share/for-sales/']);
    expect(links(snippetFeed(input('topic-product')).xml)).toEqual(['https://h.example/share/for-all/', 'https://h.example/share/for-eng/']);
    expect(links(snippetFeed(input('snippets')).xml)).toHaveLength(3);
  });
  it(`hold the ${FEED_ITEMS} newest snippets, newest first, those without a date after the dated ones`, () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
    const many = [snippet('undated', ['all'], ['product']), ...Array.from({ length: 150 }, (_, n) => snippet(`s${n}`, ['all'], ['product'], `Post ${n}`, day(n)))];
    const shown = links(snippetFeed({ ...input('snippets'), snippets: many }).xml);
    expect(shown).toHaveLength(FEED_ITEMS);
    expect(shown[0]).toBe('https://h.example/share/s149/');
    expect(shown.at(-1)).toBe(`https://h.example/share/s${150 - FEED_ITEMS}/`);
    expect(newest([...many.slice(1, 4), many[0]!], 10).map((s) => s.id)).toEqual(['s2', 's1', 's0', 'undated']);
  });
  it('keep a post’s text as text, and give a date only where the snippet has one', () => {
    const { xml, json } = snippetFeed(input('snippets'));
    const item = JSON.parse(json).items[0];
    expect(item.content_html).toBe('Fish &amp; chips &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(item.date_published).toBe('2026-11-09T00:00:00.000Z');
    expect(JSON.parse(json).items[1].date_published).toBeUndefined();
    expect(xml).not.toContain('<script>');
    expect(parseFeed(xml).items[1]!.published).toBeNull();
  });
});
