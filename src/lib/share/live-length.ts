/**
 * The share panel's count, exact without loading twitter-text's patterns for
 * most texts. On X and Mastodon every post ends with the tagged link, a URL
 * whose weight needs the URL patterns. But a post is blocks separated by a
 * blank line (the advocate's first line, their text, hashtags and
 * disclosure, the link), and no URL, emoji sequence or grapheme cluster
 * spans a line break, and NFC leaves it alone. So a post weighs its first
 * block plus each further block counted with the blank line before it. (With
 * it, not apart: the character before a link changes what twitter-text
 * finds. "ét.co/" opening a post is "é" and the link "t.co/", 24; after a
 * line break it is the link "ét.co/", 23.) The build weighs once what does
 * not change as the advocate types (`Precounted`, from posts.ts `precount`):
 * everything after their text, and each wording as written; the browser
 * weighs only the blocks the advocate changed, and needs the patterns only
 * when one of them may hold a URL or an emoji (x-weight.ts).
 * tests/unit/share-live-length.test.ts checks the sum against the whole post
 * on generated texts, links and codes.
 */
import type { DraftPost, Shareable } from './draft.ts';
import { RULES_WITH_LINK_PATTERNS, mastodonLengthWith, measureWith } from './length-rules.ts';
import { type NetworkId, network } from '../../model/networks.ts';
import { type FindEmoji, type FindUrls, type XPatterns, xLengthWith } from './x-weight.ts';

/** Networks whose count of the link needs the URL patterns (X and Mastodon): the build weighs their tails. */
export function isTailNetwork(id: NetworkId): boolean {
  return RULES_WITH_LINK_PATTERNS.has(network(id).counting);
}

/** What a block weighs on one network. */
export interface BlockWeight {
  /** As the post's first block. */
  first: number;
  /** After another block: the blank line and the block. */
  after: number;
}

/** What the build counts for the panel, per tail network (`isTailNetwork`) the item is offered on. */
export interface Precounted {
  /**
   * Everything after the advocate's text (hashtags and disclosure, the link),
   * without an advocate code and with one; `first` is the whole post of an
   * empty text. `coded` is left out when the code could change the weight (a
   * link so long that X would stop counting it as a link): the whole post is
   * counted then.
   */
  tails: Partial<Record<NetworkId, { plain: BlockWeight; coded?: BlockWeight }>>;
  /** Each wording as written (`item.variants[i].text`, trimmed). */
  wordings: Partial<Record<NetworkId, BlockWeight[]>>;
  /** The hashtags the tails hold; once the advocate drops one, the whole post is counted instead. */
  hashtags?: readonly string[];
}

/**
 * The advocate's own blocks as the panel composes them: the first line and
 * the text, trimmed, lone surrogates replaced (they cannot go into a URL).
 * Joined by a blank line they are the text the panel shares.
 */
export function ownBlocks(firstLine: string, text: string): string[] {
  return [firstLine, text].map((block) => block.trim().toWellFormed()).filter(Boolean);
}

/** One block on a tail network, counted in the browser. */
function blockLength(id: NetworkId, block: string, patterns: XPatterns): number | undefined {
  return network(id).counting === 'x-weighted' ? xLengthWith(block, patterns) : mastodonLengthWith(block, patterns);
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
  item: Pick<Shareable, 'variants'> & Partial<Pick<Shareable, 'hashtags'>>,
  counted: Precounted,
  patterns: XPatterns,
): number | undefined {
  const id = draft.network;
  const sameTail = !counted.hashtags || !item.hashtags || counted.hashtags.join(' ') === item.hashtags.join(' ');
  const tail = isTailNetwork(id) && sameTail ? counted.tails[id]?.[code ? 'coded' : 'plain'] : undefined;
  if (!isTailNetwork(id) || !tail) return measureWith(id, draft, patterns);
  if (!blocks.length) return tail.first;
  const wordings = counted.wordings[id] ?? [];
  let length: number | undefined = tail.after;
  blocks.forEach((block, index) => {
    const wording = wordings[item.variants.findIndex((variant) => variant.text.trim() === block)];
    // Every block is weighed, so all the patterns the post needs are asked for at once.
    const weight = index === 0 ? (wording?.first ?? blockLength(id, block, patterns)) : (wording?.after ?? blockLength(id, `\n\n${block}`, patterns));
    length = weight === undefined || length === undefined ? undefined : length + weight;
  });
  return length;
}

/**
 * twitter-text's patterns for the live counts, loaded on demand: a count asks
 * for a finder only when its text may hold a URL or an emoji (x-weight.ts),
 * and asking starts the download of that finder's chunk. `onChange` runs when
 * a chunk arrives or fails. Kept in this module, not beside the islands, so the
 * share panel and /compose/ find it in the chunk they share with the counting
 * code (a chunk of its own would cost a snippet page's JS budget).
 */
export interface LazyPatterns extends XPatterns {
  /** True once a chunk failed to load: the counts that need it stay unknown. */
  failed(): boolean;
}

export function lazyPatterns(onChange: () => void): LazyPatterns {
  let findUrls: FindUrls | undefined;
  let findEmoji: FindEmoji | undefined;
  let loadingUrls: Promise<void> | undefined;
  let loadingEmoji: Promise<void> | undefined;
  let failed = false;
  const fail = () => {
    failed = true;
    onChange();
  };
  return {
    urls() {
      loadingUrls ??= import('./x-urls.ts').then((module) => {
        findUrls = module.findUrls;
        onChange();
      }, fail);
      return findUrls;
    },
    emoji() {
      loadingEmoji ??= import('./x-emoji.ts').then((module) => {
        findEmoji = module.findEmoji;
        onChange();
      }, fail);
      return findEmoji;
    },
    failed: () => failed,
  };
}
