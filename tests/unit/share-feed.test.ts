import { describe, expect, it } from 'vitest';
import { buildFeed, feedJsonSchema, feedSchema } from '../../src/lib/share/feed.ts';
import { validator } from '../support/json-schema.ts';

const settings = { disclosure: '#AcmeEmployee', medium: 'employee-advocacy', mastodon: 'mastodon.social' };
const feed = buildFeed({
  schemaUrl: 'https://hub.example.com/snippets.schema.json',
  hub: { name: 'Acme Voices', site: 'https://hub.example.com/' },
  now: new Date('2026-11-22T00:00:00Z'),
  settings,
  snippets: [
    {
      id: 'report',
      title: 'Our report is out',
      url: 'https://hub.example.com/share/report/',
      link: 'https://example.com/report?lang=en#numbers',
      campaign: 'earth-week',
      topics: ['sustainability'],
      teams: ['all'],
      hashtags: ['Sustainability'],
      expires: new Date('2027-01-31T00:00:00Z'),
      variants: [{ text: 'Proud of our plant teams.' }, { text: 'Three numbers that surprised me.', networks: ['linkedin', 'reddit'] }],
      networks: ['linkedin', 'x', 'reddit', 'telegram', 'email'],
    },
  ],
});

describe('the share feed', () => {
  it('lists, per variant and network, the composed text, its length, the limit and the share URL, without an advocate code', () => {
    const [snippet] = feed.snippets;
    expect(snippet!.variants.map((v) => v.networks.map((n) => n.network))).toEqual([
      ['linkedin', 'x', 'reddit', 'telegram', 'email'],
      ['linkedin', 'reddit'],
    ]);
    const x = snippet!.variants[0]!.networks[1]!;
    expect(x).toEqual({
      network: 'x',
      text: 'Proud of our plant teams.\n\n#Sustainability #AcmeEmployee\n\nhttps://example.com/report?lang=en&utm_source=x&utm_medium=employee-advocacy&utm_campaign=earth-week#numbers',
      link: 'https://example.com/report?lang=en&utm_source=x&utm_medium=employee-advocacy&utm_campaign=earth-week#numbers',
      linkInText: true,
      length: 'Proud of our plant teams.'.length + 2 + '#Sustainability #AcmeEmployee'.length + 2 + 23,
      limit: 280,
      fits: true,
      clipboard: false,
      url: `https://x.com/intent/post?text=${encodeURIComponent(x.text)}`,
    });
    expect(JSON.stringify(feed.snippets)).not.toContain('utm_content');
    expect(snippet!.variants[1]!.networks[1]).toMatchObject({
      network: 'reddit',
      linkInText: false,
      text: 'Three numbers that surprised me. #AcmeEmployee',
    });
    expect(snippet).toMatchObject({ campaign: 'earth-week', publish: null, expires: '2027-01-31T00:00:00.000Z' });
  });

  it('matches its zod schema and the JSON Schema generated from it', () => {
    expect(feedSchema().safeParse(feed).success).toBe(true);
    const schema = feedJsonSchema('https://hub.example.com/snippets.schema.json');
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://hub.example.com/snippets.schema.json' });
    const validate = validator(schema);
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has a JSON Schema that rejects a broken feed', () => {
    const validate = validator(feedJsonSchema('https://hub.example.com/snippets.schema.json'));
    const broken = structuredClone(feed) as unknown as { snippets: { variants: { networks: Record<string, unknown>[] }[] }[] };
    delete broken.snippets[0]!.variants[0]!.networks[0]!.length;
    broken.snippets[0]!.variants[0]!.networks[1]!.network = 'myspace';
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/snippets/0/variants/0/networks/0', '/snippets/0/variants/0/networks/1/network']),
    );
  });
});
