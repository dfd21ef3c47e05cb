/**
 * X's weighted length without the pattern data: how twitter-text's
 * `parseTweet` (config v3) weighs a text once the URLs and emoji in it are
 * known, and the two tests that tell when a text can hold none. Most texts
 * an advocate writes hold neither, so the browser loads the URL patterns
 * (x-urls.ts) and the emoji pattern (x-emoji.ts) only for a text that may
 * need them; until then the count is unknown, never a guess. x-length.ts
 * wires both in for the build and the feed.
 */
const URL_WEIGHT = 23;
/** Code point ranges (inclusive) that weigh 1; everything else weighs 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

export interface Span {
  start: number;
  end: number;
}

export interface UrlSpan extends Span {
  /**
   * How many UTF-16 units parseTweet skips for this URL: the length of the URL
   * it reports, which for a bare domain led by non-ASCII labels
   * ("a.de🏽.com/path" → "a.de/path") is shorter than the span.
   */
  length: number;
}

/** twitter-text's URL finder (x-urls.ts); `requireProtocol` keeps only http(s):// URLs. */
export type FindUrls = (text: string, requireProtocol?: boolean) => UrlSpan[];
/** twemoji-parser's emoji finder (x-emoji.ts). */
export type FindEmoji = (text: string) => Span[];

/**
 * Where the counters get the finders: each returns undefined while its
 * patterns are not loaded (in the browser, asking is what starts the load).
 * A counter asks only for a text that may need the finder.
 */
export interface XPatterns {
  urls(): FindUrls | undefined;
  emoji(): FindEmoji | undefined;
}

/**
 * Every URL twitter-text finds, with or without a protocol, has a domain that
 * ends in "." and a top-level domain (extractUrl: validDomainName, then
 * validGTLD, validCCTLD or "xn--…"), and every TLD starts with two characters
 * that are ASCII letters or non-ASCII (tests/unit/share-x-length.test.ts
 * checks each TLD of the copied list). The pattern runs case-insensitively
 * on UTF-16 units, where no non-ASCII unit matches an ASCII one. So a text
 * without "." followed by two such units holds no URL ("e.g." and "3.5" do not need
 * the patterns; "example.com" and "Mr.Smith" do).
 */
const URL_HINT = /\.[a-z\u0080-\uffff]{2}/i;
/**
 * Every emoji sequence twemoji-parser's expression (as copied) can match holds a UTF-16
 * unit from U+203C up: an emoji code point, a surrogate, U+FE0F or U+20E3
 * (the test walks the expression to prove it). Below it, © and ® alone, digits,
 * "#" and "*" are plain text to X.
 */
const EMOJI_HINT = /[\u203c-\uffff]/;

/** False when twitter-text cannot find a URL in `text`. */
export const mayHoldUrl = (text: string): boolean => URL_HINT.test(text);
/** False when twemoji-parser cannot find an emoji in `text`. */
export const mayHoldEmoji = (text: string): boolean => EMOJI_HINT.test(text);

/**
 * The weighted length X shows in its composer, or undefined while a finder
 * the text needs is not loaded.
 */
export function xLengthWith(text: string, patterns: XPatterns): number | undefined {
  const normalized = text.normalize();
  const findUrls = mayHoldUrl(normalized) ? patterns.urls() : () => [];
  const findEmoji = mayHoldEmoji(normalized) ? patterns.emoji() : () => [];
  if (!findUrls || !findEmoji) return undefined;
  return weigh(normalized, findUrls(normalized), findEmoji(normalized));
}

/** parseTweet's weighting of an NFC-normalized text, given the URLs and emoji it holds. */
function weigh(normalized: string, urlSpans: readonly UrlSpan[], emojiSpans: readonly Span[]): number {
  const urls = new Map(urlSpans.map((span) => [span.start, span]));
  const emoji = new Map(emojiSpans.map((span) => [span.start, span]));
  let weight = 0; // in hundredths, as twitter-text counts
  for (let i = 0; i < normalized.length; i++) {
    const url = urls.get(i);
    const sequence = url ? undefined : emoji.get(i);
    if (url) {
      weight += URL_WEIGHT * 100;
      i += url.length - 1;
    } else if (sequence) {
      weight += 200;
      i = sequence.end - 1;
    } else {
      // A surrogate pair is weighed by its low surrogate, which is never in a light range.
      if (isSurrogatePair(normalized, i)) i++;
      weight += characterWeight(normalized.charCodeAt(i));
    }
  }
  return weight / 100;
}

function isSurrogatePair(text: string, i: number): boolean {
  if (i >= text.length - 1) return false;
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

function characterWeight(code: number): number {
  return LIGHT_RANGES.some(([start, end]) => code >= start && code <= end) ? 100 : 200;
}
