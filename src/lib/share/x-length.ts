/**
 * X's weighted length, counted exactly as twitter-text's `parseTweet` (config
 * v3) counts it, without shipping twitter-text to the browser: every URL it
 * would find weighs 23, every emoji sequence twemoji-parser would find weighs
 * 2, a code point up to U+10FF and a few punctuation ranges weigh 1, anything
 * else (CJK, astral characters) weighs 2. The text is NFC-normalized first.
 *
 * This module loads every pattern up front, for the build, the feed and
 * Node; the browser panel uses the same pieces and loads the patterns only
 * when a text needs them (x-weight.ts). tests/unit/share-x-length.test.ts
 * compares this counter with twitter-text.
 */
import { findEmoji } from './x-emoji.ts';
import { findUrls, frontDecode, tldPattern } from './x-urls.ts';
import { type XPatterns, xLengthWith } from './x-weight.ts';

export type { Span, UrlSpan } from './x-weight.ts';
export { findEmoji, findUrls, frontDecode, tldPattern };

/** Both finders, always there. */
export const LOADED_PATTERNS: XPatterns = { urls: () => findUrls, emoji: () => findEmoji };

/** The weighted length X shows in its composer (280 is the limit for most accounts). */
export function xLength(text: string): number {
  return xLengthWith(text, LOADED_PATTERNS)!;
}
