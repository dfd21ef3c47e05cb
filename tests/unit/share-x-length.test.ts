/**
 * The browser's X counter against twitter-text's parseTweet, the library X's
 * own clients use: a corpus of hard cases, generated texts, and the copied
 * patterns against the installed packages.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { X_LIMIT, findUrls, frontDecode, xLength } from '../../src/lib/share/x-length.ts';
import * as emojiData from '../../src/lib/share/x-emoji-data.ts';
import * as urlData from '../../src/lib/share/x-url-data.ts';

const data = { ...urlData, ...emojiData };

const require = createRequire(import.meta.url);
const library = (text: string) => twitter.parseTweet(text).weightedLength;

const CORPUS = [
  '',
  'plain ASCII text',
  '日本語のテキストは二つとして数えます',
  '한국어 텍스트와 中文 mixed with English',
  'Café, naïve, Ångström — “quotes” and ‘ticks’ … ellipsis ‰ ′ ″',
  'a\u0301 e\u0301 combining marks normalize to NFC',
  '👨‍👩‍👧‍👦 a ZWJ family, 🧑🏿‍🦰 skin tone and hair, 👩‍💻 at work',
  '🏳️‍🌈 🏴‍☠️ 🇫🇷🇩🇪🇯🇵 flags, #️⃣ 1️⃣ keycaps, ©️ ®️ ™️ © ® ™',
  '🐦‍🔥 🙂‍↕️ 🫠 🩷 newer emoji than twemoji-parser knows',
  '☺ ☺️ ☺︎ ↔ ↔️ text and emoji presentation',
  '\u{1F3FB} a lone skin tone, \u200d a lone joiner, \uFE0F a lone selector',
  'several links: https://example.com, http://sub.example.org/path?q=1#frag and https://www.tidewater.example.com/winter?utm_source=x&utm_medium=employee-advocacy',
  'bare domains count too: example.com, www.example.co.uk/path and docs.example.io.',
  'but not these: file.txt, version 1.2.3, end.Then, tidewater.example/page, https://intranet/page',
  'https://t.co/abcdef123 and http://t.co/abcdefghijklmnopqrstuvwxyz0123456789abcdefghij',
  'Wikipedia: https://en.wikipedia.org/wiki/Heat_pump_(disambiguation) and (https://example.com/in-parens)',
  'unicode domains: https://münchen.de/straße, https://例え.テスト/path, xn--bcher-kva.ch',
  'long label: https://' + '日本'.repeat(30) + '.com/x',
  'preceded: -example.com _example.com /example.com @example.com $example.com',
  'mixed labels: a.de🏽.com/path, 日本.example.com/x, b.io日本.net/y?z=1 and ça.example.com',
  'ports and queries: https://example.com:8080/a?b=c&d=e#f, example.com:443',
  'mail: someone@example.com is not a link',
  '𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐 math letters and 𠀀 astral CJK',
  'I went through our winter checklist at home.\n\n#WinterReady #HeatPumps #TidewaterEmployee\n\nhttps://www.tidewater.example.com/winter-checklist?utm_source=x&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=ana-42',
];

describe('xLength', () => {
  it.each(CORPUS.map((text) => [text.slice(0, 48), text]))('agrees with parseTweet: %s', (_label, text) => {
    expect(xLength(text)).toBe(library(text));
  });

  it('agrees at 279, 280 and 281 weighted characters, with links, CJK and emoji', () => {
    const link = ' https://www.example.com/a-rather-long-path/that-still-counts-as-23?utm_source=x';
    for (const target of [279, 280, 281]) {
      const texts = [
        'x'.repeat(target),
        'x'.repeat(target - 24) + link,
        '日'.repeat(Math.floor(target / 2)) + 'x'.repeat(target % 2),
        '👩‍👩‍👧‍👦'.repeat(Math.floor((target - 24) / 2)) + 'x'.repeat((target - 24) % 2) + link,
      ];
      for (const text of texts) {
        expect(library(text), text).toBe(target);
        expect(xLength(text), text).toBe(target);
      }
    }
    expect(twitter.parseTweet('x'.repeat(X_LIMIT)).valid).toBe(true);
    expect(twitter.parseTweet('x'.repeat(X_LIMIT + 1)).valid).toBe(false);
  });

  it('agrees with parseTweet on generated texts of words, links, CJK and emoji pieces', () => {
    const pieces = [
      'a', 'Z', ' ', '\n', '.', ',', '-', '_', '/', '(', ')', '#', '@', '＠', '$', ':', '?', '=', '&', '1', '0', 'é', 'ß', 'Ж', '日', '語', '한', 'ไ', '—', '…', '\u202A', '\u200E',
      'https://', 'http://', 'HTTPS://', 'www.', 'example', '.com', '.de', '.co.uk', '.example', '.tld', '.みんな', '.онлайн', 't.co/', 'xn--bcher-kva', 'münchen', ':8080', '/path', '?q=1', '#frag',
      '👍', '🏽', '\u200d', '\uFE0F', '\uFE0E', '\u20E3', '👨', '👩', '👧', '💻', '🏳', '🌈', '🇫', '🇷', '☺', '©', '™', '🫠', '🐦', '🔥', '\u{E0067}', '🏴', '\uD83D', '\uDC4D',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40, size: 'large' }), (parts) => {
        const text = parts.join('');
        expect(xLength(text)).toBe(library(text));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('agrees with parseTweet on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300, size: 'large' }), (text) => {
        expect(xLength(text)).toBe(library(text));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('finds the links twitter-text finds, at the same places', () => {
    const text = CORPUS.slice(11, 20).join(' ');
    const expected = twitter.extractUrlsWithIndices(text).map(({ indices: [start, end] }) => ({ start, end }));
    expect(findUrls(text).map(({ start, end }) => ({ start, end }))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });
});

describe('the copied patterns (src/lib/share/x-url-data.ts, x-emoji-data.ts)', () => {
  const regexp = (name: string) => {
    const mod = require(`twitter-text/dist/regexp/${name}.js`);
    return (mod.default ?? mod) as RegExp;
  };
  const words = (re: RegExp) => /^\(\?:\(\?:(.*)\)\(\?=/.exec(re.source)![1]!.split('|');

  it('come from the installed twitter-text and twemoji-parser (else run npm run gen:x-text)', () => {
    expect(data.TWITTER_TEXT_VERSION).toBe(require('twitter-text/package.json').version);
    expect(data.TWEMOJI_PARSER_VERSION).toBe(require('twemoji-parser/package.json').version);
  });

  it('hold exactly the top-level domains of twitter-text', () => {
    expect(new Set(frontDecode(data.GTLD_WORDS))).toEqual(new Set(words(regexp('validGTLD'))));
    expect(new Set(frontDecode(data.CCTLD_WORDS))).toEqual(new Set(words(regexp('validCCTLD'))));
    expect(frontDecode(data.GTLD_WORDS)).toHaveLength(words(regexp('validGTLD')).length);
  });

  it('are the URL expressions of twitter-text, with the TLD lists taken out', () => {
    const restore = (source: string) => source.replaceAll('\u0000G', regexp('validGTLD').source).replaceAll('\u0000C', regexp('validCCTLD').source);
    expect(restore(data.EXTRACT_URL)).toBe(regexp('extractUrl').source);
    expect(restore(data.ASCII_DOMAIN)).toBe(regexp('validAsciiDomain').source);
    expect(data.TCO_URL).toBe(regexp('validTcoUrl').source);
    expect(data.INVALID_URL_WITHOUT_PROTOCOL_PRECEDING).toBe(regexp('invalidUrlWithoutProtocolPrecedingChars').source);
  });

  it("keep twemoji-parser's expression up to its single-code-point tail", () => {
    const original = (require('twemoji-parser/dist/lib/regex.js').default as RegExp).source;
    const kept = data.EMOJI.slice(0, -1); // without the closing parenthesis of the last group
    expect(original.startsWith(kept)).toBe(true);
    expect(data.EMOJI.length).toBeGreaterThan(original.length * 0.8);
  });
});
