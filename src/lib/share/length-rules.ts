/**
 * How long a post is on each network, counted by the rule its record in the
 * network registry (src/model/networks.ts) names. docs/sharing.md explains every rule and why.
 * X and Mastodon need twitter-text's patterns for some texts: they come
 * through `XPatterns` (x-weight.ts), so the browser can load them only when
 * a text needs them; length.ts is the same with every pattern loaded.
 */
import type { Composed } from './compose.ts';
import { type CountingRule, type NetworkId, network } from '../../model/networks.ts';
import { type XPatterns, mayHoldUrl, xLengthWith } from './x-weight.ts';

/** Every URL counts as 23 on Mastodon, however long it is. */
const MASTODON_URL_LENGTH = 23;

let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters (Unicode grapheme clusters). */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const ASCII = /^\p{ASCII}*$/u;

/**
 * How many grapheme clusters `text` has. ASCII text, most posts, is counted
 * without segmenting: each character is a cluster, except that CR LF is one.
 */
export function graphemeCount(text: string): number {
  if (ASCII.test(text)) return text.length - (text.includes('\r\n') ? text.split('\r\n').length - 1 : 0);
  return graphemes(text).length;
}

/**
 * Mastodon: grapheme clusters, each http(s) URL counting 23 (its server's
 * StatusLengthValidator). Undefined while the URL patterns a text needs are
 * not loaded; a URL with a protocol needs "://" as well as a domain.
 */
export function mastodonLengthWith(text: string, patterns: XPatterns): number | undefined {
  const findUrls = mayHoldUrl(text) && text.includes('://') ? patterns.urls() : () => [];
  if (!findUrls) return undefined;
  let length = 0;
  let from = 0;
  for (const { start, end } of findUrls(text, true)) {
    length += graphemeCount(text.slice(from, start)) + MASTODON_URL_LENGTH;
    from = end;
  }
  return length + graphemeCount(text.slice(from));
}

/**
 * Bluesky's app shows and stores a link as its host and the first 13
 * characters of its path ("example.com/winter-checkl..."), and counts the post
 * that way (social-app: toShortUrl, shortenLinks). Links typed without
 * http(s):// are counted in full, which can only over-count.
 */
export function blueskyLength(text: string): number {
  const short = text.replace(/(^|\s|\()(https?:\/\/\S+)/gi, (_match, before: string, raw: string) => {
    let url = raw;
    if (/[.,;!?]$/.test(url)) url = url.slice(0, -1);
    if (url.endsWith(')') && !url.includes('(')) url = url.slice(0, -1);
    return before + toShortUrl(url) + raw.slice(url.length);
  });
  return graphemeCount(short);
}

/** How Bluesky displays a link: host, then at most 15 characters of path, query and fragment. */
export function toShortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
    const path = (parsed.pathname === '/' ? '' : parsed.pathname) + parsed.search + parsed.hash;
    return path.length > 15 ? `${parsed.host}${path.slice(0, 13)}...` : `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const encoder = new TextEncoder();

/** Threads: characters (code points), except that an emoji counts as many as its UTF-8 bytes. */
export function threadsLength(text: string): number {
  // ASCII has no emoji: one per code point.
  if (ASCII.test(text)) return text.length;
  return graphemes(text).reduce((sum, cluster) => sum + (EMOJI.test(cluster) ? encoder.encode(cluster).length : [...cluster].length), 0);
}

/** Counting rules whose count of a link needs twitter-text's URL patterns. */
export const RULES_WITH_LINK_PATTERNS: ReadonlySet<CountingRule> = new Set(['x-weighted', 'graphemes-links-23']);

/** The length `network` counts for a composed post, by its counting rule; undefined while patterns it needs are not loaded. */
export function measureWith(id: NetworkId, post: Composed, patterns: XPatterns): number | undefined {
  const { text } = post;
  switch (network(id).counting) {
    case 'x-weighted':
      return xLengthWith(text, patterns);
    case 'graphemes-short-links':
      return blueskyLength(text);
    case 'graphemes-links-23':
      return mastodonLengthWith(text, patterns);
    case 'code-points-emoji-bytes':
      return threadsLength(text);
    case 'code-points':
      return [...text].length;
    case 'utf16-with-link':
      return post.linkInText ? text.length : post.link.length + 1 + text.length;
    case 'utf16':
      return text.length;
  }
}
