/**
 * How long a post is on each network, counted by that network's own rules,
 * and the limit it must fit. docs/sharing.md explains every rule and why.
 * X and Mastodon need twitter-text's patterns for some texts: they come
 * through `XPatterns` (x-weight.ts), so the browser can load them only when
 * a text needs them; length.ts is the same with every pattern loaded.
 */
import type { Composed } from './compose.ts';
import type { NetworkId } from './networks.ts';
import { X_LIMIT, type XPatterns, mayHoldUrl, xLengthWith } from './x-weight.ts';

export const LIMITS: Record<NetworkId, number> = {
  /** A LinkedIn post (the text the advocate pastes). */
  linkedin: 3000,
  x: X_LIMIT,
  /** 300 grapheme clusters, enforced on the stored record. */
  bluesky: 300,
  /** Mastodon's default; instances may allow more, never less. */
  mastodon: 500,
  threads: 500,
  /** A Facebook post (the text the advocate pastes). */
  facebook: 63206,
  /** Reddit's title limit; the link is a field of its own. */
  reddit: 300,
  /** WhatsApp's message limit. */
  whatsapp: 65536,
  /** Telegram's message limit (the link, a line break, the text). */
  telegram: 4096,
  /** Mail programs cut long mailto: links; 2,000 characters of body stay well inside them. */
  email: 2000,
};

/** Every URL counts as 23 on Mastodon, however long it is. */
const MASTODON_URL_LENGTH = 23;

let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters (Unicode grapheme clusters). */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const ASCII = /^[\x00-\x7f]*$/;

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
  return graphemes(text).reduce(
    (sum, cluster) => sum + (EMOJI.test(cluster) ? encoder.encode(cluster).length : [...cluster].length),
    0,
  );
}

/** The length `network` counts for a composed post; undefined while patterns it needs are not loaded. */
export function measureWith(network: NetworkId, post: Composed, patterns: XPatterns): number | undefined {
  const { text } = post;
  switch (network) {
    case 'x':
      return xLengthWith(text, patterns);
    case 'bluesky':
      return blueskyLength(text);
    case 'mastodon':
      return mastodonLengthWith(text, patterns);
    case 'threads':
      return threadsLength(text);
    case 'reddit':
      return [...text].length;
    case 'telegram':
      return post.linkInText ? text.length : post.link.length + 1 + text.length;
    default:
      // LinkedIn, Facebook, WhatsApp and e-mail count UTF-16 code units, as their text fields do.
      return text.length;
  }
}
