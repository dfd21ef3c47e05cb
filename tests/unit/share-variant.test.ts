import { describe, expect, it } from 'vitest';
import { defaultVariant, fnv1a, parseDeepLink, variantsFor } from '../../src/lib/share/variant.ts';

const variants = [{}, {}, { networks: ['linkedin' as const] }, {}];

describe('defaultVariant', () => {
  it('is the same for the same advocate and snippet, every time', () => {
    const first = defaultVariant(variants, { id: 'winter-checklist', code: 'ana-42' });
    for (let i = 0; i < 5; i++) expect(defaultVariant(variants, { id: 'winter-checklist', code: 'ana-42', random: Math.random })).toBe(first);
  });

  it('spreads fifty colleagues over all the wordings offered everywhere', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 1; i <= 50; i++) counts[defaultVariant(variants, { id: 'winter-checklist', code: `colleague-${i}` })]!++;
    expect(counts[2]).toBe(0);
    expect([counts[0], counts[1], counts[3]].every((n) => n >= 8)).toBe(true);
    expect(Math.max(...counts)).toBeLessThanOrEqual(25);
  });

  it('starts from a wording offered on the most networks (the winter checklist, code phone-1)', () => {
    const networks = ['linkedin', 'x', 'bluesky', 'mastodon', 'threads', 'facebook', 'reddit', 'whatsapp', 'telegram', 'email'] as const;
    const winter = [{}, {}, { networks: ['linkedin', 'mastodon', 'threads', 'facebook', 'email'] as const }, { networks: ['linkedin', 'facebook', 'email'] as const }];
    // Every wording in the pool, as before issue 15, phone-1 got the LinkedIn/Facebook/e-mail-only one.
    expect(fnv1a('phone-1\u0000winter-checklist') % 4).toBe(3);
    expect(variantsFor(winter, undefined, networks)).toEqual([0, 1]);
    expect([0, 1]).toContain(defaultVariant(winter, { id: 'winter-checklist', code: 'phone-1', networks }));
    // Wordings limited to networks the item does not offer reach fewer.
    const limited = [{ networks: ['x', 'reddit'] as const }, { networks: ['linkedin', 'bluesky', 'mastodon'] as const }];
    expect(variantsFor(limited, undefined, ['x', 'linkedin', 'mastodon'])).toEqual([1]);
    expect(variantsFor(limited, undefined, ['x', 'reddit', 'linkedin'])).toEqual([0]);
    expect(variantsFor([{ networks: ['x'] as const }, { networks: ['linkedin'] as const }])).toEqual([0, 1]);
  });

  it('differs between snippets for the same advocate', () => {
    const picks = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => defaultVariant(variants, { id, code: 'ana-42' })));
    expect(picks.size).toBeGreaterThan(1);
  });

  it('is random without a code', () => {
    expect(defaultVariant(variants, { id: 'x', random: () => 0 })).toBe(0);
    expect(defaultVariant(variants, { id: 'x', random: () => 0.99 })).toBe(3);
    expect(defaultVariant(variants, { id: 'x', random: () => 0.5 })).toBe(1);
  });

  it('picks among the wordings offered on a preselected network', () => {
    expect(variantsFor(variants, 'x')).toEqual([0, 1, 3]);
    expect(variantsFor(variants, 'linkedin')).toEqual([0, 1, 2, 3]);
    for (let i = 0; i < 30; i++) expect(defaultVariant(variants, { id: 's', code: `c${i}`, network: 'x' })).not.toBe(2);
  });

  it('hashes with 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('parseDeepLink', () => {
  const networks = ['linkedin', 'x', 'mastodon'] as const;

  it('reads ?v=N (1-based) and &network=<id>', () => {
    expect(parseDeepLink('?v=2&network=x&ref=ana', 4, networks)).toEqual({ variant: 1, network: 'x' });
    expect(parseDeepLink('?network=Mastodon', 4, networks)).toEqual({ network: 'mastodon' });
  });

  it('ignores what does not exist on this snippet', () => {
    expect(parseDeepLink('?v=0&network=threads', 4, networks)).toEqual({});
    expect(parseDeepLink('?v=5', 4, networks)).toEqual({});
    expect(parseDeepLink('?v=1.5&network=', 4, networks)).toEqual({});
  });
});
