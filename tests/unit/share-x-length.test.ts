/**
 * The browser's X counter against twitter-text's parseTweet, the library X's
 * own clients use: a corpus of hard cases, generated texts, and the copied
 * patterns against the installed packages; and the proof that a text for
 * which mayHoldUrl or mayHoldEmoji is false needs no pattern.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { findEmoji, findUrls, frontDecode, xLength } from '../../src/lib/share/x-length.ts';
import { network } from '../../src/model/networks.ts';
import { mayHoldEmoji, mayHoldUrl, xLengthWith } from '../../src/lib/share/x-weight.ts';
import * as emojiData from '../../src/lib/share/x-emoji-data.ts';
import * as urlData from '../../src/lib/share/x-url-data.ts';
import { recording } from '../support/x-patterns.ts';

const data = { ...urlData, ...emojiData };
const X_LIMIT = network('x').limit;

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

/** Pieces generated texts are made of: words, URL parts, CJK, emoji parts, lone surrogates. */
const PIECES = [
  'a',
  'Z',
  ' ',
  '\n',
  '.',
  ',',
  '-',
  '_',
  '/',
  '(',
  ')',
  '#',
  '@',
  '＠',
  '$',
  ':',
  '?',
  '=',
  '&',
  '1',
  '0',
  'é',
  'ß',
  'Ж',
  '日',
  '語',
  '한',
  'ไ',
  '—',
  '…',
  '\u202A',
  '\u200E',
  'https://',
  'http://',
  'HTTPS://',
  'www.',
  'example',
  '.com',
  '.de',
  '.co.uk',
  '.example',
  '.tld',
  '.みんな',
  '.онлайн',
  't.co/',
  'xn--bcher-kva',
  'münchen',
  ':8080',
  '/path',
  '?q=1',
  '#frag',
  '👍',
  '🏽',
  '\u200d',
  '\uFE0F',
  '\uFE0E',
  '\u20E3',
  '👨',
  '👩',
  '👧',
  '💻',
  '🏳',
  '🌈',
  '🇫',
  '🇷',
  '☺',
  '©',
  '™',
  '🫠',
  '🐦',
  '🔥',
  '\u{E0067}',
  '🏴',
  '\uD83D',
  '\uDC4D',
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
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40, size: 'large' }), (parts) => {
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

/** A tiny reader of the regular expressions twemoji-parser writes: alternation, groups, classes, \uXXXX, ? * +. */
type Node =
  | { kind: 'alt'; options: Node[] }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'units'; ranges: [number, number][]; negated: boolean }
  | { kind: 'repeat'; node: Node; min: number }
  | { kind: 'look' };

function parseRegExp(source: string): Node {
  let i = 0;
  const unit = (): number => {
    if (source[i] !== '\\') return source.charCodeAt(i++);
    const escaped = source[i + 1]!;
    if (escaped === 'u') {
      const code = parseInt(source.slice(i + 2, i + 6), 16);
      i += 6;
      return code;
    }
    if (/[dDwWsSbBx0-9]/.test(escaped)) throw new Error(`unsupported escape \\${escaped} at ${i}`);
    i += 2;
    return escaped.charCodeAt(0);
  };
  const alternation = (): Node => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    return { kind: 'alt', options };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let atom: Node;
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i)) {
        // A look-ahead only narrows what matches: reading it as always true can only find more.
        i += 3;
        alternation();
        if (source[i++] !== ')') throw new Error(`unclosed look-ahead at ${i}`);
        atom = { kind: 'look' };
      } else if (source[i] === '(') {
        i += source.startsWith('(?:', i) ? 3 : 1;
        if (source[i] === '?') throw new Error(`unsupported group at ${i}`);
        atom = alternation();
        if (source[i++] !== ')') throw new Error(`unclosed group at ${i}`);
      } else if (source[i] === '[') {
        i++;
        const negated = source[i] === '^';
        if (negated) i++;
        const ranges: [number, number][] = [];
        while (source[i] !== ']') {
          const from = unit();
          if (source[i] === '-' && source[i + 1] !== ']') {
            i++;
            ranges.push([from, unit()]);
          } else ranges.push([from, from]);
        }
        i++;
        atom = { kind: 'units', ranges, negated };
      } else if (source[i] === '.' || source[i] === '^' || source[i] === '$') {
        throw new Error(`unsupported ${source[i]} at ${i}`);
      } else {
        const code = unit();
        atom = { kind: 'units', ranges: [[code, code]], negated: false };
      }
      const quantifier = source[i];
      if (quantifier === '?' || quantifier === '*') atom = { kind: 'repeat', node: atom, min: 0 };
      else if (quantifier === '+') atom = { kind: 'repeat', node: atom, min: 1 };
      else if (quantifier === '{') throw new Error(`unsupported {} at ${i}`);
      if (quantifier === '?' || quantifier === '*' || quantifier === '+') i++;
      items.push(atom);
    }
    return { kind: 'seq', items };
  };
  const root = alternation();
  if (i !== source.length) throw new Error(`stopped at ${i} of ${source.length}`);
  return root;
}

/** Whether `node` can match some string (the empty string included) made only of UTF-16 units `allowed` accepts. */
function matchesOnly(node: Node, allowed: (unit: number) => boolean): boolean {
  const inRanges = (ranges: [number, number][], unit: number) => ranges.some(([from, to]) => unit >= from && unit <= to);
  switch (node.kind) {
    case 'alt':
      return node.options.some((option) => matchesOnly(option, allowed));
    case 'seq':
      return node.items.every((item) => matchesOnly(item, allowed));
    case 'repeat':
      return node.min === 0 || matchesOnly(node.node, allowed);
    case 'look':
      return true;
    case 'units':
      for (let unit = 0; unit <= 0xffff; unit++) if (inRanges(node.ranges, unit) !== node.negated && allowed(unit)) return true;
      return false;
  }
}

describe('when a text needs no pattern (x-weight.ts)', () => {
  const tlds = [...frontDecode(data.GTLD_WORDS), ...frontDecode(data.CCTLD_WORDS), 'xn--p1ai'];

  it('every top-level domain twitter-text knows, in any case, after a "." makes mayHoldUrl true', () => {
    expect(tlds.length).toBeGreaterThan(1500);
    for (const tld of tlds) {
      for (const spelled of [tld, tld.toUpperCase(), tld[0]!.toUpperCase() + tld.slice(1)]) expect(mayHoldUrl(`.${spelled}`), spelled).toBe(true);
    }
    // A URL's domain ends with a "." and then one of those lists or punycode ("xn--"), once in the expression.
    // (ASCII_DOMAIN only looks inside a domain extractUrl already found.)
    expect(data.EXTRACT_URL.split('\\.)(?:\u0000G|\u0000C|(?:xn--[\\-0-9a-z]+))')).toHaveLength(2);
    expect(data.EXTRACT_URL.split('\u0000G')).toHaveLength(2);
  });

  it("every emoji sequence twemoji-parser's expression matches holds a UTF-16 unit that makes mayHoldEmoji true", () => {
    const emoji = parseRegExp(data.EMOJI);
    const quiet = (unit: number) => !mayHoldEmoji(String.fromCharCode(unit));
    expect(matchesOnly(emoji, quiet)).toBe(false);
    // The reader understood the expression, and can fail: with every unit allowed it matches,
    // and "©\uFE0F?" matches with units below U+203C.
    expect(matchesOnly(emoji, () => true)).toBe(true);
    expect(matchesOnly(parseRegExp('\\u00a9\\ufe0f?'), quiet)).toBe(true);
    expect(mayHoldEmoji('\u203b © ® # * 1 — … “”')).toBe(false);
  });

  it('a text without the hints holds no URL or emoji twitter-text finds, and is counted without patterns', () => {
    // How many generated texts each check below ran on: a hint that fired on every text would check nothing.
    const checked = { noUrl: 0, noEmoji: 0, counted: 0 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, 'e.g. ', 'i.e.', '3.5', '.5', '. ', 'a.b', 'www', 'com', '..'), { maxLength: 40, size: 'large' }), (parts) => {
        const text = parts.join('');
        const normalized = text.normalize();
        const { asked, patterns } = recording({ urls: false, emoji: false });
        const length = xLengthWith(text, patterns);
        if (!mayHoldUrl(normalized)) {
          checked.noUrl++;
          expect(twitter.extractUrlsWithIndices(normalized)).toEqual([]);
          expect(findUrls(normalized)).toEqual([]);
          expect(asked.has('urls')).toBe(false);
        }
        if (!mayHoldEmoji(normalized)) {
          checked.noEmoji++;
          expect(findEmoji(normalized)).toEqual([]);
          expect(asked.has('emoji')).toBe(false);
        }
        // Without patterns a count is exact or unknown, never a guess.
        if (length !== undefined) {
          checked.counted++;
          expect(length).toBe(library(text));
        } else expect(asked.size).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
    expect(checked.noUrl).toBeGreaterThan(50);
    expect(checked.noEmoji).toBeGreaterThan(50);
    expect(checked.counted).toBeGreaterThan(50);
  }, 60_000);

  it('text below U+203C is counted without the emoji pattern, exactly', () => {
    const below = fc.string({ unit: fc.integer({ min: 0, max: 0x203b }).map((code) => String.fromCharCode(code)), maxLength: 200 });
    const pieces = fc.constantFrom('#\u20e3', '1', '*', '©', '®', '\u200d', ' ', '.com', 'https://x.com/a');
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(below, pieces), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        const { asked, patterns } = recording({ urls: true, emoji: false });
        if (mayHoldEmoji(text.normalize())) return; // composed Hangul, or U+20E3 pieces
        checked++;
        expect(xLengthWith(text, patterns)).toBe(library(text));
        expect(asked.has('emoji')).toBe(false);
      }),
      { numRuns: 1000 },
    );
    // The texts skipped above are the exception: most were checked.
    expect(checked).toBeGreaterThan(500);
  }, 60_000);

  it('asks only for what a text may need', () => {
    const ask = (text: string) => {
      const { asked, patterns } = recording({ urls: true, emoji: true });
      expect(xLengthWith(text, patterns)).toBe(library(text));
      return [...asked].sort();
    };
    expect(ask('Did mine on Sunday, e.g. the filter: 3.5 kW.')).toEqual([]);
    expect(ask('Über 日本')).toEqual(['emoji']); // CJK is above U+203C: asks, finds none
    expect(ask('warmer 🏡')).toEqual(['emoji']);
    expect(ask('see example.com')).toEqual(['urls']);
    expect(ask('see https://example.com 👍')).toEqual(['emoji', 'urls']);
  });
});
