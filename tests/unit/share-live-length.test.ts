/**
 * The share panel's count (live-length.ts) against the whole post counted
 * with every pattern loaded (length.ts): the sum of blocks the browser
 * weighs and what the build precounted must be the same number, for any
 * text, wording, hashtags, disclosure, link and advocate code; without the
 * patterns it must be that number or unknown, never another.
 */
import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { withFirstLine } from '../../src/lib/share/compose.ts';
import { type Shareable, draftPost } from '../../src/lib/share/draft.ts';
import { mastodonLength, measure } from '../../src/lib/share/length.ts';
import { isTailNetwork, liveLength, ownBlocks } from '../../src/lib/share/live-length.ts';
import { NETWORK_IDS, type NetworkId } from '../../src/model/networks.ts';
import { LONGEST_CODE } from '../../src/model/ids.ts';
import { precount } from '../../src/lib/share/posts.ts';
import { LOADED_PATTERNS, xLength } from '../../src/lib/share/x-length.ts';
import { recording } from '../support/x-patterns.ts';

/** The networks whose tail the build precounts, as the registry's counting rules decide. */
const TAIL_NETWORKS = NETWORK_IDS.filter(isTailNetwork) as ('x' | 'mastodon')[];

const PIECES = [
  'a',
  'Z',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  '\t',
  '.',
  ',',
  '-',
  '/',
  '(',
  ')',
  '#',
  '@',
  ':',
  '?',
  '=',
  '&',
  '1',
  'é',
  'e\u0301',
  '\u0301',
  'ß',
  '日',
  '한',
  '\u1100\u1161',
  'ไ',
  '—',
  '…',
  '\u200E',
  'https://',
  'http://',
  'www.',
  'example',
  '.com',
  '.de',
  '.co.uk',
  '.example',
  '.みんな',
  't.co/',
  'xn--bcher-kva',
  '/path',
  '?q=1',
  '#frag',
  'e.g.',
  '3.5',
  '👍',
  '🏽',
  '\u200d',
  '\uFE0F',
  '\u20E3',
  '👩',
  '💻',
  '🇫',
  '🇷',
  '☺',
  '©',
  '™',
  '🫠',
  '\uD83D',
  '\uDC4D',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 120 }));
const code = fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/), { nil: undefined });
const link = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://www.tidewater.example.com/winter-checklist',
    'https://www.example.com/winter-checklist?lang=en#list',
    'https://voices.tidewater.example.com/articles/why-field-engineers-should-write-in-public/',
    'https://intranet/page',
    'https://voices.tidewater.example/x',
    'https://例え.テスト/パス',
    'http://t.co/abc',
  ),
);
// Settings and content are well-formed Unicode (YAML cannot hold a lone surrogate); what the advocate types may not be.
const item = fc.record({
  link,
  hashtags: fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/), fc.constantFrom('WinterReady', 'Wärmepumpe', '日本', '🏡')), { maxLength: 3 }),
  disclosure: fc.oneof(
    fc.constantFrom('', '#TidewaterEmployee', ' #AcmeEmployee 👋 ', 'Ad: example.com'),
    text.map((t) => t.toWellFormed()),
  ),
  wordings: fc.array(fc.oneof(text, fc.constantFrom('Read it at example.com/winter 🏡', 'A plain wording.')), { minLength: 1, maxLength: 3 }),
});
const settingsOf = (disclosure: string) => ({ disclosure, medium: 'employee-advocacy', mastodon: 'mastodon.social' });
const shareable = (i: { link: string; hashtags: string[]; wordings: string[] }): Shareable => ({
  id: 'item',
  link: i.link,
  hashtags: i.hashtags,
  variants: i.wordings.map((wording) => ({ text: wording })),
  networks: [...NETWORK_IDS],
});

describe('liveLength', () => {
  it('precounts exactly the networks whose count of a link needs the URL patterns', () => {
    expect(TAIL_NETWORKS).toEqual(['x', 'mastodon']);
  });

  it('is the length of the whole post on every network, for any text, wording, link and code', () => {
    fc.assert(
      fc.property(item, anyText, anyText, code, fc.boolean(), (i, firstLine, edited, advocateCode, keepWording) => {
        const shared = shareable(i);
        const settings = settingsOf(i.disclosure);
        const counted = precount(shared, settings);
        // Half the time the text is a wording as written, which the build counted.
        const blocks = ownBlocks(firstLine, keepWording ? i.wordings[0]! : edited);
        for (const network of NETWORK_IDS) {
          const draft = draftPost(network, blocks.join('\n\n'), shared, settings, advocateCode);
          const exact = measure(network, draft);
          expect(liveLength(draft, blocks, advocateCode, shared, counted, LOADED_PATTERNS), network).toBe(exact);
          const { asked, patterns } = recording({ urls: false, emoji: false });
          const unloaded = liveLength(draft, blocks, advocateCode, shared, counted, patterns);
          if (unloaded === undefined) expect(asked.size, network).toBeGreaterThan(0);
          else expect(unloaded, network).toBe(exact);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('counts the text after a first line with the blank line before it, as X does', () => {
    const urlish = fc
      .array(fc.constantFrom('é', 'ß', 'Ж', '日', 'a', '1', '!', '-', '_', '/', '.', '@', '#', 't.co/', '.com', '.de', 'example', 'www.', 'https://', '👍'), {
        minLength: 1,
        maxLength: 8,
      })
      .map((p) => p.join(''));
    const shared = shareable({ link: 'https://www.tidewater.example.com/winter-checklist', hashtags: ['WinterReady'], wordings: ['w'] });
    const settings = settingsOf('#TidewaterEmployee');
    const counted = precount(shared, settings);
    const check = (firstLine: string, edited: string) => {
      const blocks = ownBlocks(firstLine, edited);
      for (const network of TAIL_NETWORKS) {
        const draft = draftPost(network, blocks.join('\n\n'), shared, settings);
        expect(liveLength(draft, blocks, undefined, shared, counted, LOADED_PATTERNS), `${network}: ${JSON.stringify(blocks)}`).toBe(measure(network, draft));
      }
    };
    check('!', 'ét.co/'); // 1 + 2 + 23 + the rest: "é" belongs to the link after a line break
    fc.assert(fc.property(urlish, urlish, check), { numRuns: 3000 });
  }, 60_000);

  it('counts the whole post once the advocate leaves a hashtag out (the build counted the tail with all of them)', () => {
    fc.assert(
      fc.property(item, anyText, code, (i, edited, advocateCode) => {
        const shared = shareable(i);
        const settings = settingsOf(i.disclosure);
        const counted = precount(shared, settings);
        const fewer = { ...shared, hashtags: shared.hashtags.slice(1) };
        const blocks = ownBlocks('', edited);
        for (const network of NETWORK_IDS) {
          const draft = draftPost(network, blocks.join('\n\n'), fewer, settings, advocateCode);
          expect(liveLength(draft, blocks, advocateCode, fewer, counted, LOADED_PATTERNS), network).toBe(measure(network, draft));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('composes the text the panel always composed: the first line and the text, joined by a blank line', () => {
    fc.assert(
      fc.property(anyText, anyText, (firstLine, edited) => {
        expect(ownBlocks(firstLine, edited).join('\n\n')).toBe(withFirstLine(firstLine, edited).toWellFormed());
      }),
    );
  });

  it('counts a wording as written and a plain first line without any pattern, even when the wording holds a link and an emoji', () => {
    const shared = shareable({
      link: 'https://www.tidewater.example.com/winter-checklist',
      hashtags: ['WinterReady'],
      wordings: ['Read it at example.com/winter 🏡', 'Plain.'],
    });
    const settings = settingsOf('#TidewaterEmployee');
    const counted = precount(shared, settings);
    const count = (network: NetworkId, blocks: string[], loaded = { urls: false, emoji: false }) => {
      const { asked, patterns } = recording(loaded);
      const draft = draftPost(network, blocks.join('\n\n'), shared, settings, 'ana-42');
      return { length: liveLength(draft, blocks, 'ana-42', shared, counted, patterns), exact: measure(network, draft), asked: [...asked].sort() };
    };
    for (const network of TAIL_NETWORKS) {
      for (const blocks of [['Read it at example.com/winter 🏡'], ['Did mine on Sunday, e.g. the filter.', 'Read it at example.com/winter 🏡'], []]) {
        const { length, exact, asked } = count(network, blocks);
        expect(asked).toEqual([]);
        expect(length).toBe(exact);
      }
      // An edit that may hold a link asks for the URL patterns, and only for them.
      expect(count(network, ['See https://example.org', 'Plain.'])).toMatchObject({ length: undefined, asked: ['urls'] });
      expect(count(network, ['See https://example.org', 'Plain.'], { urls: true, emoji: false }).length).toBe(
        count(network, ['See https://example.org', 'Plain.']).exact,
      );
    }
    // Mastodon only counts links with a protocol, and graphemes: an emoji needs no pattern there.
    expect(count('x', ['Warm 🏡'])).toMatchObject({ length: undefined, asked: ['emoji'] });
    expect(count('x', ['See example.org'])).toMatchObject({ length: undefined, asked: ['urls'] });
    expect(count('mastodon', ['Warm 🏡']).asked).toEqual([]);
    expect(count('mastodon', ['Warm 🏡', 'example.org']).asked).toEqual([]);
    expect(count('mastodon', ['Warm 🏡', 'https://example.org']).asked).toEqual(['urls']);
    // The precounted number is X's own.
    const post = draftPost('x', 'Read it at example.com/winter 🏡', shared, settings, 'ana-42');
    expect(count('x', ['Read it at example.com/winter 🏡']).length).toBe(twitter.parseTweet(post.text).weightedLength);
  });
});

describe('a blank line cuts a post in two', () => {
  const trimmed = anyText.map((t) => t.trim()).filter(Boolean);

  it('on X and Mastodon, for any two trimmed blocks, the second counted with the blank line', () => {
    fc.assert(
      fc.property(trimmed, trimmed, (a, b) => {
        expect(xLength(`${a}\n\n${b}`)).toBe(xLength(a) + xLength(`\n\n${b}`));
        expect(mastodonLength(`${a}\n\n${b}`)).toBe(mastodonLength(a) + mastodonLength(`\n\n${b}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('not apart from it: the character before a link changes what X finds (found by the property above)', () => {
    // Opening a text, "é" is the character before the link "t.co/"; after a line break the link is "ét.co/".
    expect(twitter.parseTweet('ét.co/').weightedLength).toBe(24);
    expect(twitter.parseTweet('!\n\nét.co/').weightedLength).toBe(26);
    expect(xLength('!\n\nét.co/')).toBe(xLength('!') + xLength('\n\nét.co/'));
    expect(xLength('!\n\nét.co/')).not.toBe(xLength('!') + 2 + xLength('ét.co/'));
  });

  it('after any text, the rest of the post weighs what precount says (X and Mastodon, with and without a code)', () => {
    const checked = { plain: 0, coded: 0 };
    fc.assert(
      fc.property(item, trimmed, code, (i, own, advocateCode) => {
        const shared = shareable(i);
        const settings = settingsOf(i.disclosure);
        const { tails } = precount(shared, settings);
        const exact = { x: xLength, mastodon: mastodonLength };
        for (const network of TAIL_NETWORKS) {
          const rest = draftPost(network, '', shared, settings, advocateCode).text;
          const kind = advocateCode ? 'coded' : 'plain';
          const tail = tails[network]![kind];
          if (!tail) {
            // Only a code can change the link's weight (the panel then counts the whole post); the plain tail is always there.
            expect(kind, network).toBe('coded');
            continue;
          }
          checked[kind]++;
          expect(exact[network](`${own}\n\n${rest}`), network).toBe(exact[network](own) + tail.after);
          expect(exact[network](rest), network).toBe(tail.first);
        }
      }),
      { numRuns: 300 },
    );
    expect(checked.plain).toBeGreaterThan(50);
    expect(checked.coded).toBeGreaterThan(50);
  }, 60_000);

  it('only when the blocks are trimmed: a carriage return before it joins the line break (why the panel trims)', () => {
    expect(mastodonLength('x\r\n\ny')).not.toBe(mastodonLength('x\r') + mastodonLength('\n\ny'));
  });
});

describe('precount', () => {
  it('leaves out the coded tail when the code could change it, and the panel then counts the whole post', () => {
    // A link so long that the longest code takes it past the 4,096 characters X counts as a link.
    const base = 'https://www.example.com/';
    const tagged = (path: string, c: string) => draftPost('x', '', { ...shareable({ link: base + path, hashtags: [], wordings: ['w'] }) }, settingsOf(''), c).link;
    const path = 'a'.repeat(4088 - 8 - tagged('', 'a').length - 19);
    expect('https://'.length + tagged(path, 'a').length).toBeLessThanOrEqual(4096);
    expect('https://'.length + tagged(path, LONGEST_CODE).length).toBeGreaterThan(4096);
    const shared = shareable({ link: base + path, hashtags: [], wordings: ['w'] });
    const settings = settingsOf('');
    const counted = precount(shared, settings);
    expect(counted.tails.x!.coded).toBeUndefined();
    expect(counted.tails.mastodon!.coded).toBeUndefined();
    expect(counted.tails.x!.plain.first).toBe(23);
    for (const c of ['a', 'bo-7', LONGEST_CODE]) {
      const draft = draftPost('x', 'Hello', shared, settings, c);
      expect(liveLength(draft, ['Hello'], c, shared, counted, LOADED_PATTERNS)).toBe(twitter.parseTweet(draft.text).weightedLength);
    }
    // The codes really count differently here.
    const lengths = ['a', LONGEST_CODE].map((c) => measure('x', draftPost('x', 'Hello', shared, settings, c)));
    expect(lengths[0]).not.toBe(lengths[1]);
  });

  it('counts only the networks that need patterns, and only those the item is offered on', () => {
    const shared = { ...shareable({ link: 'https://www.example.com/', hashtags: [], wordings: ['w'] }), networks: ['linkedin', 'x'] as NetworkId[] };
    const counted = precount(shared, settingsOf(''));
    expect(Object.keys(counted.tails)).toEqual(['x']);
    expect(counted.wordings).toEqual({ x: [{ first: 1, after: 3 }] });
  });
});
