/**
 * Each network's length of a post, with every pattern loaded: what the build
 * check, the feed and the no-JavaScript links count. The rules live in
 * length-rules.ts, which the browser panel uses with patterns loaded on demand.
 */
import type { Composed } from './compose.ts';
import { mastodonLengthWith, measureWith } from './length-rules.ts';
import type { NetworkId } from '../../model/networks.ts';
import { LOADED_PATTERNS } from './x-length.ts';

export { blueskyLength, graphemeCount, graphemes, threadsLength, toShortUrl } from './length-rules.ts';

/** Mastodon: grapheme clusters, each http(s) URL counting 23 (its server's StatusLengthValidator). */
export function mastodonLength(text: string): number {
  return mastodonLengthWith(text, LOADED_PATTERNS)!;
}

/** The length `network` counts for a composed post. */
export function measure(network: NetworkId, post: Composed): number {
  return measureWith(network, post, LOADED_PATTERNS)!;
}
