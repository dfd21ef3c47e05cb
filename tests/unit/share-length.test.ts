import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../../src/model/ids.ts';
import { compose } from '../../src/lib/share/compose.ts';
import { blueskyLength, graphemes, mastodonLength, measure, threadsLength, toShortUrl } from '../../src/lib/share/length.ts';
import { NETWORKS, NETWORK_IDS, offeredNetworks } from '../../src/model/networks.ts';
import { LONGEST_CODE } from '../../src/model/ids.ts';
import { sharePost } from '../../src/lib/share/posts.ts';

const LINK = 'https://www.example.com/winter-checklist?utm_source=bluesky&utm_medium=employee-advocacy&utm_campaign=winter-ready';

describe('limits', () => {
  it('has one per network, as documented', () => {
    const limits = Object.fromEntries(NETWORKS.map((n) => [n.id, n.limit]));
    expect(limits).toMatchObject({ linkedin: 3000, x: 280, bluesky: 300, mastodon: 500, threads: 500, reddit: 300, telegram: 4096, email: 2000 });
  });

  it('the longest advocate code is the longest the hub accepts', () => {
    expect(normalizeCode(LONGEST_CODE)).toBe(LONGEST_CODE);
    expect(normalizeCode(`${LONGEST_CODE}X`)).toBeUndefined();
  });
});

describe('Bluesky', () => {
  it('counts grapheme clusters', () => {
    expect(graphemes('👨‍👩‍👧‍👦é日')).toHaveLength(3);
    expect(blueskyLength('👨‍👩‍👧‍👦 café')).toBe(6);
  });

  it('counts a link as Bluesky shows it: host and 13 characters of path, then "..."', () => {
    expect(toShortUrl(LINK)).toBe('www.example.com/winter-check...');
    expect(toShortUrl('https://example.com/')).toBe('example.com');
    expect(toShortUrl('https://example.com/short-path')).toBe('example.com/short-path');
    expect(blueskyLength(`Read this: ${LINK}`)).toBe('Read this: '.length + 'www.example.com/winter-check...'.length);
    // Trailing punctuation is not part of the link.
    expect(blueskyLength(`(see ${LINK}).`)).toBe('(see '.length + 31 + ').'.length);
    // Without http(s):// the link is counted in full, which can only over-count.
    expect(blueskyLength('example.com/a-very-long-path-indeed')).toBe(35);
  });

  it('fits a post of exactly 300 and not 301', () => {
    const at = (n: number) => 'a'.repeat(n - 32) + ` ${LINK}`; // the link counts 31
    expect(blueskyLength(at(300))).toBe(300);
    expect(measure('bluesky', { text: at(301), link: LINK, linkInText: true })).toBe(301);
  });
});

describe('Mastodon', () => {
  it('counts grapheme clusters, and every http(s) link as 23', () => {
    expect(mastodonLength(`${'👍🏽'.repeat(3)} ${LINK} and http://a.example.com/x`)).toBe(3 + 1 + 23 + 5 + 23);
    // Bare domains are text on Mastodon.
    expect(mastodonLength('example.com')).toBe(11);
  });
});

describe('Threads', () => {
  it('counts characters, and an emoji as its UTF-8 bytes', () => {
    expect(threadsLength('abc')).toBe(3);
    expect(threadsLength('日本')).toBe(2);
    expect(threadsLength('👍')).toBe(4);
    expect(threadsLength('👨‍👩‍👧‍👦')).toBe(25);
    expect(threadsLength('🇫🇷')).toBe(8);
  });
});

describe('measure', () => {
  const parts = { text: '日本語 and 😀', hashtags: ['Tag'], disclosure: '', link: LINK };

  it('uses twitter-text’s weighting for X', () => {
    const post = compose('x', parts);
    expect(measure('x', post)).toBe(twitter.parseTweet(post.text).weightedLength);
  });

  it('counts the Reddit title (without hashtags), and the Telegram message with its link', () => {
    expect(measure('reddit', compose('reddit', parts))).toBe([...'日本語 and 😀'].length);
    expect(measure('reddit', compose('reddit', { ...parts, disclosure: '#Disclosed' }))).toBe([...'日本語 and 😀 #Disclosed'].length);
    expect(measure('telegram', compose('telegram', parts))).toBe(LINK.length + 1 + '日本語 and 😀\n\n#Tag'.length);
  });

  it('counts UTF-16 code units for LinkedIn, Facebook, WhatsApp and e-mail', () => {
    for (const network of ['linkedin', 'facebook', 'whatsapp', 'email'] as const) {
      const post = compose(network, parts);
      expect(measure(network, post)).toBe(post.text.length);
    }
  });
});

describe('sharePost', () => {
  const item = {
    id: 'winter-checklist',
    link: 'https://www.example.com/winter-checklist',
    campaign: 'winter-ready',
    hashtags: ['WinterReady'],
    variants: [{ text: 'x' }],
    networks: [...NETWORK_IDS],
  };
  const settings = { disclosure: '#AcmeEmployee', medium: 'employee-advocacy', mastodon: 'mastodon.social' };

  it('tags the link with the network, medium, campaign and the code', () => {
    const post = sharePost('x', 'Hello', item, settings, 'ana-42');
    expect(post.link).toBe('https://www.example.com/winter-checklist?utm_source=x&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=ana-42');
    expect(post.text).toBe(`Hello\n\n#WinterReady #AcmeEmployee\n\n${post.link}`);
    expect(post).toMatchObject({ network: 'x', limit: 280, fits: true, clipboard: false });
    expect(post.length).toBe('Hello'.length + 2 + '#WinterReady #AcmeEmployee'.length + 2 + 23);
  });

  it('uses the snippet id as campaign when there is none', () => {
    expect(sharePost('linkedin', 'Hi', { ...item, campaign: undefined }, settings).link).toContain('utm_campaign=winter-checklist');
    expect(sharePost('linkedin', 'Hi', item, settings).clipboard).toBe(true);
  });

  it('says when a post does not fit', () => {
    const post = sharePost('x', 'y'.repeat(300), item, settings);
    expect(post.fits).toBe(false);
    expect(post.length).toBeGreaterThan(post.limit);
  });
});

describe('offeredNetworks', () => {
  it('keeps the button order of settings, whatever order the snippet lists them in', () => {
    expect(offeredNetworks(['linkedin', 'x', 'bluesky', 'email'], ['email', 'linkedin'])).toEqual(['linkedin', 'email']);
    expect(offeredNetworks(['linkedin', 'x'])).toEqual(['linkedin', 'x']);
  });
});
