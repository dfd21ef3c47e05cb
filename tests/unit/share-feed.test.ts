/**
 * The share feed (src/lib/share/feed.ts): an index and pages, each post with
 * its text, length and link, and share URLs from one template per network
 * that make exactly the URL the share panel opens.
 */
import { describe, expect, it } from 'vitest';
import {
  type FeedPage,
  type SnippetForFeed,
  buildFeed,
  expandShareUrl,
  feedJsonSchema,
  feedSchema,
  pageBreaks,
  shareUrlTemplates,
  walkFeed,
} from '../../src/lib/share/feed.ts';
import { sharePost } from '../../src/lib/share/posts.ts';
import { NETWORK_IDS, type NetworkId, network } from '../../src/model/networks.ts';
import { validator } from '../support/json-schema.ts';

const settings = { disclosure: '#AcmeEmployee', medium: 'employee-advocacy', mastodon: 'social.acme.example' };
const REPORT: SnippetForFeed = {
  id: 'report',
  title: 'Our report is out',
  url: 'https://hub.example.com/share/report/',
  link: 'https://example.com/report?lang=en#numbers',
  campaign: 'earth-week',
  topics: ['sustainability'],
  teams: ['all'],
  hashtags: ['Sustainability'],
  expires: new Date('2027-01-31T00:00:00Z'),
  variants: [{ text: 'Proud of our plant teams.\nThree sites, 40 % less.' }, { text: 'Three numbers that surprised me.', networks: ['linkedin', 'reddit'] }],
  networks: ['linkedin', 'x', 'mastodon', 'reddit', 'telegram', 'email'],
};
const options = (snippets: SnippetForFeed[]) => ({
  schemaUrl: 'https://hub.example.com/snippets.schema.json',
  indexUrl: 'https://hub.example.com/snippets.json',
  pageUrl: (n: number) => `https://hub.example.com/snippets/${n}.json`,
  hub: { name: 'Acme Voices', site: 'https://hub.example.com/' },
  now: new Date('2026-11-22T00:00:00Z'),
  settings,
  snippets,
});
const feed = buildFeed(options([REPORT]));
const page = JSON.parse(feed.page(1)!) as FeedPage;

/** `count` snippets, each told apart by its id, the i-th with a wording `i` times as long. */
const many = (count: number): SnippetForFeed[] =>
  Array.from({ length: count }, (_, i) => ({
    ...REPORT,
    id: `s${i}`,
    url: `https://hub.example.com/share/s${i}/`,
    variants: [{ text: `Wording ${i} `.repeat(1 + (i % 7)) }],
  }));

describe('the share feed', () => {
  it('lists, per variant and network, the composed text, its length, the limit and the tagged link, without an advocate code', () => {
    const [snippet] = page.snippets;
    expect(snippet!.variants.map((v) => v.networks.map((n) => n.network))).toEqual([
      ['linkedin', 'x', 'mastodon', 'reddit', 'telegram', 'email'],
      ['linkedin', 'reddit'],
    ]);
    const x = snippet!.variants[0]!.networks[1]!;
    expect(x).toEqual({
      network: 'x',
      text: 'Proud of our plant teams.\nThree sites, 40 % less.\n\n#Sustainability #AcmeEmployee\n\nhttps://example.com/report?lang=en&utm_source=x&utm_medium=employee-advocacy&utm_campaign=earth-week#numbers',
      link: 'https://example.com/report?lang=en&utm_source=x&utm_medium=employee-advocacy&utm_campaign=earth-week#numbers',
      linkInText: true,
      length: 'Proud of our plant teams.\nThree sites, 40 % less.'.length + 2 + '#Sustainability #AcmeEmployee'.length + 2 + 23,
      limit: 280,
      fits: true,
      clipboard: false,
    });
    expect(JSON.stringify(page.snippets)).not.toContain('utm_content');
    expect(snippet!.variants[1]!.networks[1]).toMatchObject({ network: 'reddit', linkInText: false, text: 'Three numbers that surprised me. #AcmeEmployee' });
    expect(snippet).toMatchObject({ campaign: 'earth-week', publish: null, expires: '2027-01-31T00:00:00.000Z' });
  });

  it('gives every network but e-mail a URL template, and each post the URL the share panel opens, from its template or its own', () => {
    expect(Object.keys(page.shareUrls).sort()).toEqual(NETWORK_IDS.filter((id) => id !== 'email').sort());
    expect(page.shareUrls).toMatchObject({
      x: 'https://x.com/intent/post?text={text}',
      mastodon: 'https://social.acme.example/share?text={text}',
      reddit: 'https://www.reddit.com/submit?url={link}&title={text}',
      linkedin: 'https://www.linkedin.com/sharing/share-offsite/?url={link}',
    });
    let posts = 0;
    for (const [v, variant] of page.snippets[0]!.variants.entries()) {
      for (const post of variant.networks) {
        posts++;
        const expected = sharePost(post.network, REPORT.variants[v]!.text, REPORT, settings).url;
        const template = page.shareUrls[post.network];
        if (post.network === 'email') expect(post.url).toBe(expected);
        else expect(post.url).toBeUndefined();
        expect(post.url ?? expandShareUrl(template!, post)).toBe(expected);
      }
    }
    expect(posts).toBe(8);
  });

  it('keeps only templates that make the URL exactly, whatever the text holds', () => {
    for (const [id, template] of Object.entries(shareUrlTemplates(settings))) {
      for (const text of ['a', 'Ligne 1\r\nLigne 2 — « 50 % » & co #tag', '🙂👍🏽 日本語 عربي {text} {link}']) {
        const link = 'https://example.com/x?a=1&b=%20#f';
        expect(expandShareUrl(template, { text, link }), id).toBe(network(id as NetworkId).shareUrl({ text, link }, { mastodon: settings.mastodon }));
      }
    }
  });

  it('puts every snippet on exactly one page, in order, at most 100 a page and never past the byte limit', () => {
    expect(pageBreaks([])).toEqual([[]]);
    expect(pageBreaks([10, 10, 10], { snippets: 2 })).toEqual([[0, 1], [2]]);
    expect(pageBreaks([40, 40, 40, 5], { maxBytes: 100 })).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // A snippet larger than the limit alone still gets a page of its own, never dropped.
    expect(pageBreaks([10, 500, 10], { maxBytes: 100 })).toEqual([[0], [1], [2]]);

    const big = buildFeed(options(many(250)));
    expect(big.index.pages).toHaveLength(3);
    expect(big.page(4)).toBeUndefined();
    const pages = [1, 2, 3].map((n) => JSON.parse(big.page(n)!) as FeedPage);
    expect(pages.flatMap((p) => p.snippets.map((s) => s.id))).toEqual(many(250).map((s) => s.id));
    expect(pages.map((p) => [p.page, p.pages, p.previous, p.next])).toEqual([
      [1, 3, null, 'https://hub.example.com/snippets/2.json'],
      [2, 3, 'https://hub.example.com/snippets/1.json', 'https://hub.example.com/snippets/3.json'],
      [3, 3, 'https://hub.example.com/snippets/2.json', null],
    ]);
    expect(big.index).toMatchObject({
      kind: 'index',
      total: 250,
      pages: [
        { number: 1, snippets: 100 },
        { number: 2, snippets: 100 },
        { number: 3, snippets: 50 },
      ],
    });
    expect(big.index.pages.map((p) => p.url)).toEqual([1, 2, 3].map((n) => `https://hub.example.com/snippets/${n}.json`));
  });

  it('is walked page by page from the index, and a walk that never ends is refused', () => {
    const big = buildFeed(options(many(250)));
    const byUrl = new Map(big.index.pages.map((p, at) => [p.url, JSON.parse(big.page(at + 1)!) as FeedPage]));
    expect(walkFeed(big.index, (url) => byUrl.get(url)!).map((w) => w.page.page)).toEqual([1, 2, 3]);
    const looping = (url: string) => ({ ...byUrl.get(url)!, next: big.index.pages[0]!.url });
    expect(() => walkFeed(big.index, looping)).toThrow('share feed: its pages go on past the 3 the index lists');
  });

  it('composes a page again, the same, each time it is asked for', () => {
    const big = buildFeed(options(many(250)));
    expect(big.page(2)).toBe(big.page(2));
    expect(JSON.parse(big.page(3)!).snippets.map((s: { id: string }) => s.id)).toEqual(
      many(250)
        .slice(200)
        .map((s) => s.id),
    );
    expect([0, 1.5, 4].map((n) => big.page(n))).toEqual([undefined, undefined, undefined]);
  });

  it('has one empty page when nothing is published', () => {
    const empty = buildFeed(options([]));
    expect(empty.index).toMatchObject({ total: 0, pages: [{ number: 1, snippets: 0 }] });
    expect(JSON.parse(empty.page(1)!)).toMatchObject({ kind: 'page', page: 1, pages: 1, next: null, snippets: [] });
  });

  it('matches its zod schema and the JSON Schema generated from it, index and page alike', () => {
    expect(feedSchema().safeParse(feed.index).success).toBe(true);
    expect(feedSchema().safeParse(page).success).toBe(true);
    const schema = feedJsonSchema('https://hub.example.com/snippets.schema.json');
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://hub.example.com/snippets.schema.json' });
    const validate = validator(schema);
    expect(validate(feed.index), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(page), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has a JSON Schema that rejects a broken feed', () => {
    const validate = validator(feedJsonSchema('https://hub.example.com/snippets.schema.json'));
    const broken = structuredClone(page) as unknown as { snippets: { variants: { networks: Record<string, unknown>[] }[] }[] };
    delete broken.snippets[0]!.variants[0]!.networks[0]!.length;
    broken.snippets[0]!.variants[0]!.networks[1]!.network = 'myspace';
    expect(validate(broken)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('/snippets/0/variants/0/networks/0');
    expect(validate({ ...feed.index, total: 'many' })).toBe(false);
  });
});
