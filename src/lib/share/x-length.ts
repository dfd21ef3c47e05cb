/**
 * X's weighted length, counted exactly as twitter-text's `parseTweet` (config
 * v3) counts it, without shipping twitter-text to the browser: every URL it
 * would find weighs 23, every emoji sequence twemoji-parser would find weighs
 * 2, a code point up to U+10FF and a few punctuation ranges weigh 1, anything
 * else (CJK, astral characters) weighs 2. The text is NFC-normalized first.
 * The patterns come from the packages themselves (x-text-data.ts, generated),
 * and tests/unit/x-length.test.ts compares this counter with twitter-text.
 */
import {
  ASCII_DOMAIN,
  CCTLD_WORDS,
  EMOJI,
  EXTRACT_URL,
  GTLD_WORDS,
  INVALID_URL_WITHOUT_PROTOCOL_PRECEDING,
  TCO_URL,
  TLD_END,
} from './x-text-data.ts';

export const X_LIMIT = 280;
const URL_WEIGHT = 23;
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_LABEL_LENGTH = 63;
/** Code point ranges (inclusive) that weigh 1; everything else weighs 2. */
const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

let patterns: { url: RegExp; asciiDomain: RegExp; tco: RegExp; invalidPreceding: RegExp; emoji: RegExp } | undefined;

/** The words of a front-coded list: each starts with a character coding how much it shares with the one before. */
export function frontDecode(coded: string): string[] {
  const words: string[] = [];
  let previous: string[] = [];
  for (const [, marker, rest] of coded.matchAll(/([0-X])([^0-X]*)/g)) {
    previous = [...previous.slice(0, marker!.charCodeAt(0) - 48), ...rest!];
    words.push(previous.join(''));
  }
  return words;
}

/** twitter-text's validGTLD or validCCTLD expression. */
export function tldPattern(coded: string): string {
  return `(?:(?:${frontDecode(coded).join('|')})${TLD_END})`;
}

/** Built on first use: the TLD lists are long. */
function compiled() {
  if (patterns) return patterns;
  const gtld = tldPattern(GTLD_WORDS);
  const cctld = tldPattern(CCTLD_WORDS);
  const withTlds = (source: string) => source.replaceAll('\u0000G', gtld).replaceAll('\u0000C', cctld);
  return (patterns = {
    url: new RegExp(withTlds(EXTRACT_URL), 'gi'),
    asciiDomain: new RegExp(withTlds(ASCII_DOMAIN), 'gi'),
    tco: new RegExp(TCO_URL, 'i'),
    invalidPreceding: new RegExp(INVALID_URL_WITHOUT_PROTOCOL_PRECEDING),
    emoji: new RegExp(EMOJI, 'g'),
  });
}

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

/**
 * The URLs twitter-text's `extractUrlsWithIndices` finds (UTF-16 indices),
 * including bare domains with a known top-level domain ("example.com/page").
 * `requireProtocol` keeps only http(s):// URLs, the rule Mastodon counts by.
 */
export function findUrls(text: string, requireProtocol = false): UrlSpan[] {
  if (!text || !(requireProtocol ? text.includes(':') : text.includes('.'))) return [];
  const { url: pattern, asciiDomain, tco, invalidPreceding } = compiled();
  const spans: UrlSpan[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const before = match[2] ?? '';
    let url = match[3] ?? '';
    const protocol = match[4];
    const domain = match[5] ?? '';
    const path = match[7];
    let end = pattern.lastIndex;
    const start = end - url.length;
    if (!isValidUrl(url, protocol || 'https://', domain)) continue;
    if (!protocol) {
      if (requireProtocol || invalidPreceding.test(before)) continue;
      // Only the ASCII part of a bare domain is a link ("café.example.com" → "example.com").
      let last: UrlSpan | undefined;
      let searchFrom = 0;
      asciiDomain.lastIndex = 0;
      for (const ascii of domain.match(asciiDomain) ?? []) {
        const at = domain.indexOf(ascii, searchFrom);
        searchFrom = at + ascii.length;
        last = { start: start + at, end: start + searchFrom, length: ascii.length };
        spans.push(last);
      }
      if (!last) continue;
      if (path) {
        // twitter-text reports the whole match with the domain replaced by its last ASCII part.
        last.end = end;
        last.length = url.length - domain.length + last.length;
      }
    } else {
      const tcoMatch = tco.exec(url);
      if (tcoMatch) {
        if (tcoMatch[1] && tcoMatch[1].length > MAX_TCO_SLUG_LENGTH) continue;
        url = tcoMatch[0];
        end = start + url.length;
      }
      spans.push({ start, end, length: url.length });
    }
  }
  return spans;
}

function isValidUrl(url: string, protocol: string, domain: string): boolean {
  const ascii = domainToAscii(domain);
  if (!ascii) return false;
  return protocol.length + url.length + ascii.length - domain.length <= MAX_URL_LENGTH;
}

/** twitter-text's lightweight IDNA check: every label must encode to 1–63 characters. */
function domainToAscii(domain: string): string | undefined {
  if (domain.startsWith('xn--') && !domain.match(compiled().asciiDomain)) return undefined;
  const labels = domain.split('.');
  for (const label of labels) {
    const encoded = punycodeToAscii(label);
    if (encoded.length < 1 || encoded.length > MAX_LABEL_LENGTH) return undefined;
  }
  return labels.join('.');
}

/** `punycode.toASCII` of the punycode package (RFC 3492), for the label length check only. */
function punycodeToAscii(input: string): string {
  return input
    .split(/[\x2E\u3002\uFF0E\uFF61]/)
    .map((part) => (/[^\0-\x7F]/.test(part) ? `xn--${punycodeEncode(part)}` : part))
    .join('.');
}

function punycodeEncode(input: string): string {
  const base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700;
  const codePoints = [...input].map((c) => c.codePointAt(0)!);
  const output: string[] = codePoints.filter((c) => c < 0x80).map((c) => String.fromCharCode(c));
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength) output.push('-');
  let n = 128, delta = 0, bias = 72;
  const digit = (d: number) => String.fromCharCode(d + 22 + 75 * Number(d < 26));
  const adapt = (d: number, points: number, first: boolean) => {
    let k = 0;
    d = first ? Math.floor(d / damp) : d >> 1;
    d += Math.floor(d / points);
    for (; d > ((base - tMin) * tMax) >> 1; k += base) d = Math.floor(d / (base - tMin));
    return Math.floor(k + ((base - tMin + 1) * d) / (d + skew));
  };
  while (handled < codePoints.length) {
    const m = Math.min(...codePoints.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = base; ; k += base) {
        const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
        if (q < t) break;
        output.push(digit(t + ((q - t) % (base - t))));
        q = Math.floor((q - t) / (base - t));
      }
      output.push(digit(q));
      bias = adapt(delta, handled + 1, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output.join('');
}

/** Emoji sequences as twemoji-parser finds them (UTF-16 indices). */
export function findEmoji(text: string): Span[] {
  const { emoji } = compiled();
  const spans: Span[] = [];
  emoji.lastIndex = 0;
  for (let match = emoji.exec(text); match; match = emoji.exec(text)) spans.push({ start: match.index, end: emoji.lastIndex });
  return spans;
}

/** The weighted length X shows in its composer (280 is the limit for most accounts). */
export function xLength(text: string): number {
  const normalized = text.normalize();
  const urls = new Map(findUrls(normalized).map((span) => [span.start, span]));
  const emoji = new Map(findEmoji(normalized).map((span) => [span.start, span]));
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
