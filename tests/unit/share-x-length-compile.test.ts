/**
 * The X counter decodes its top-level-domain lists and compiles its URL
 * patterns once: the build's share check counts every variant on every
 * network (tens of thousands of posts at 10,000 entries), and decoding the
 * lists on every count made the content check ten times slower.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { xLength } from '../../src/lib/share/x-length.ts';
import { mastodonLength } from '../../src/lib/share/length.ts';

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
  });
});
