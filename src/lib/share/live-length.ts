/**
 * The share panel's count, exact without loading twitter-text's patterns for
 * most texts. On X and Mastodon every post ends with the tagged link, a URL
 * whose weight needs the URL patterns. But a post is blocks separated by a
 * blank line (the advocate's first line, their text, hashtags and
 * disclosure, the link), and a blank line cuts every rule involved in two:
 * no URL, emoji sequence or grapheme cluster spans a line break, and NFC
 * leaves it alone. So a post weighs the sum of its blocks and blank lines,
 * and the build weighs once what does not change as the advocate types
 * (`Precounted`, from posts.ts `precount`): everything after their text, and
 * each wording as written. The browser weighs only the blocks the advocate
 * changed, and needs the patterns only when one of them may hold a URL or an
 * emoji (x-weight.ts). tests/unit/share-live-length.test.ts checks the sum
 * against the whole post on generated texts, links and codes.
 */
import type { DraftPost, Shareable } from './draft.ts';
import { mastodonLengthWith, measureWith } from './length-rules.ts';
import type { NetworkId } from './networks.ts';
import { type XPatterns, xLengthWith } from './x-weight.ts';

/** Networks whose count of the link needs the URL patterns. */
export const TAIL_NETWORKS = ['x', 'mastodon'] as const;
export type TailNetwork = (typeof TAIL_NETWORKS)[number];

/** What everything after the advocate's text weighs on one network. */
export interface Tail {
  /** The whole post when the advocate's text is empty: hashtags and disclosure, the link. */
  alone: number;
  /** What follows a text: the blank line, hashtags and disclosure, the link. */
  after: number;
}

/** What the build counts for the panel, per network of TAIL_NETWORKS the item is offered on. */
export interface Precounted {
  /**
   * The tail without an advocate code, and with one. `coded` is left out
   * when the code could change the weight (a link so long that X would stop
   * counting it as a link); the whole post is counted then.
   */
  tails: Partial<Record<TailNetwork, { plain: Tail; coded?: Tail }>>;
  /** What each wording weighs as written (`item.variants[i].text`, trimmed). */
  wordings: Partial<Record<TailNetwork, number[]>>;
}

const isTailNetwork = (network: NetworkId): network is TailNetwork => (TAIL_NETWORKS as readonly string[]).includes(network);

/**
 * The advocate's own blocks as the panel composes them: the first line and
 * the text, trimmed, lone surrogates replaced (they cannot go into a URL).
 * Joined by a blank line they are the text the panel shares.
 */
export function ownBlocks(firstLine: string, text: string): string[] {
  return [firstLine, text].map((block) => block.trim().toWellFormed()).filter(Boolean);
}

/** One block on a tail network, counted in the browser. */
function blockLength(network: TailNetwork, block: string, patterns: XPatterns): number | undefined {
  return network === 'x' ? xLengthWith(block, patterns) : mastodonLengthWith(block, patterns);
}

/**
 * The length `draft.network` counts for the post of `blocks` (the draft's
 * text is `blocks.join('\n\n')`, with `code` in its link), or undefined while
 * patterns it needs are not loaded. Every block that needs them asks at once.
 */
export function liveLength(
  draft: DraftPost,
  blocks: readonly string[],
  code: string | undefined,
  item: Pick<Shareable, 'variants'>,
  counted: Precounted,
  patterns: XPatterns,
): number | undefined {
  const { network } = draft;
  const tail = isTailNetwork(network) ? counted.tails[network]?.[code ? 'coded' : 'plain'] : undefined;
  if (!isTailNetwork(network) || !tail) return measureWith(network, draft, patterns);
  if (!blocks.length) return tail.alone;
  const wordings = counted.wordings[network] ?? [];
  let length: number | undefined = tail.after + (blocks.length - 1) * blockLength(network, '\n\n', patterns)!;
  for (const block of blocks) {
    const wording = item.variants.findIndex((variant) => variant.text.trim() === block);
    // Every block is weighed, so all the patterns the post needs are asked for at once.
    const weight = wordings[wording] ?? blockLength(network, block, patterns);
    length = weight === undefined || length === undefined ? undefined : length + weight;
  }
  return length;
}
