/**
 * One shareable thing (a snippet, or an article) turned into a post per
 * network: tagged link, composed text, counted length, limit and share URL.
 * The feed, the build check and the no-JavaScript links go through
 * `sharePost`, and the share panel through the same draft.ts and
 * length-rules.ts, so they cannot disagree.
 */
import { compose } from './compose.ts';
import { type DraftPost, type Shareable, type ShareSettings, draftPost } from './draft.ts';
import { mastodonLength, measure } from './length.ts';
import { type BlockWeight, type Precounted, isTailNetwork } from './live-length.ts';
import { CODE_MAX_LENGTH, LONGEST_CODE } from '../../model/ids.ts';
import { type NetworkId, network } from '../../model/networks.ts';
import { xLength } from './x-length.ts';

export interface SharedPost extends DraftPost {
  length: number;
  fits: boolean;
}

/**
 * The post of `text` (a variant as written or edited) on `network`. `code` is
 * the advocate's code, sent as utm_content; without it the link has no utm_content.
 */
export function sharePost(network: NetworkId, text: string, item: Shareable, settings: ShareSettings, code?: string): SharedPost {
  const post = draftPost(network, text, item, settings, code);
  const length = measure(network, post);
  return { ...post, length, fits: length <= post.limit };
}

/**
 * Codes of both extreme lengths and every kind of character a code may hold
 * (letters, digits, "-" and "_"): if the tail weighs the same with each, no
 * code changes it.
 */
const SAMPLE_CODES = ['a', '9', LONGEST_CODE, 'a-_Z9'.repeat(CODE_MAX_LENGTH / 5)];

/** What the share panel's count takes from the build, for `item` (live-length.ts). */
export function precount(item: Shareable, settings: ShareSettings): Precounted {
  const counted: Precounted = { tails: {}, wordings: {}, hashtags: [...item.hashtags] };
  for (const id of item.networks.filter(isTailNetwork)) {
    const length = network(id).counting === 'x-weighted' ? xLength : mastodonLength;
    const tail = (code?: string): BlockWeight => {
      const rest = draftPost(id, '', item, settings, code);
      const parts = { text: 'T', hashtags: item.hashtags, disclosure: settings.disclosure, link: rest.link };
      if (compose(id, parts).text !== `T\n\n${rest.text}`) throw new Error(`precount: a ${id} post no longer ends with a blank line and the rest`);
      return { first: length(rest.text), after: length(`\n\n${rest.text}`) };
    };
    const [coded, ...others] = SAMPLE_CODES.map(tail);
    const sameForEveryCode = others.every((other) => other.first === coded!.first && other.after === coded!.after);
    counted.tails[id] = sameForEveryCode ? { plain: tail(), coded } : { plain: tail() };
    counted.wordings[id] = item.variants.map(({ text }) => ({ first: length(text.trim()), after: length(`\n\n${text.trim()}`) }));
  }
  return counted;
}
