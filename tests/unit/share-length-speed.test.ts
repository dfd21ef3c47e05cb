/**
 * Shortcuts of the counters, which the build runs on every variant on every
 * network (tens of thousands of posts at 10,000 entries: the content check,
 * the share panels' no-JavaScript links and /snippets.json):
 * - the X counter decodes its top-level-domain lists and compiles its URL
 *   patterns once (decoding them on every count made the check ten times slower);
 * - ASCII text is counted without Unicode segmentation, with the same result.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frontDecode, xLength } from '../../src/lib/share/x-length.ts';
import { blueskyLength, graphemeCount, graphemes, mastodonLength, threadsLength } from '../../src/lib/share/length.ts';

afterEach(() => vi.restoreAllMocks());

describe('X counter patterns', () => {
  it('are built on first use and reused by every later count', () => {
    xLength('warm up https://example.com/a');
    const matchAll = RegExp.prototype[Symbol.matchAll];
    const decodes = vi.fn();
    vi.spyOn(RegExp.prototype, Symbol.matchAll).mockImplementation(function (this: RegExp, text: string) {
      // frontDecode reads the front-coded TLD lists with this expression.
      if (this.source === '([0-X])([^0-X]*)') decodes();
      return matchAll.call(this, text);
    });
    for (let i = 0; i < 5; i++) {
      expect(xLength(`post ${i} with a link https://example.com/${i} and example.org`)).toBeGreaterThan(23);
      expect(mastodonLength(`post ${i} https://example.com/${i}`)).toBeGreaterThan(23);
    }
    expect(decodes).not.toHaveBeenCalled();
    // The spy does see frontDecode: decoding a list by hand is counted.
    frontDecode('0ab1c');
    expect(decodes).toHaveBeenCalledTimes(1);
  });
});

describe('ASCII shortcut', () => {
  const segmented = {
    count: (text: string) => graphemes(text).length,
    threads: (text: string) => graphemes(text).reduce((sum, cluster) => sum + [...cluster].length, 0),
  };
  const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '.', '\r', '\n', '\r\n', '\t', '#', 'https://x.io/a ', '\u0000', '\u007f') });

  it('counts ASCII as segmenting it does, CR LF as one cluster', () => {
    expect(graphemeCount('a\r\nb\r\n')).toBe(4);
    fc.assert(fc.property(ascii, (text) => graphemeCount(text) === segmented.count(text)));
  });

  it('gives the same Threads, Bluesky and Mastodon lengths as segmenting', () => {
    fc.assert(
      fc.property(ascii, (text) => {
        expect(threadsLength(text)).toBe(segmented.threads(text));
        // Bluesky and Mastodon count clusters of the text with links replaced or weighed.
        expect(blueskyLength(text)).toBe(blueskyLength(`${text}é`) - 1);
        expect(mastodonLength(text)).toBe(mastodonLength(`${text}é`) - 1);
      }),
    );
  });

  it('leaves other text to segmentation', () => {
    expect(graphemeCount('e\u0301 👍🏽 日本')).toBe(6);
    expect(threadsLength('👍🏽 ok')).toBe(8 + 3);
  });
});
