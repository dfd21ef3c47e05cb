/**
 * twitter-text's patterns for the share panel's X and Mastodon counts, loaded
 * on demand: a count asks for a finder only when its text may hold a URL or
 * an emoji (src/lib/share/x-weight.ts), and asking starts the download of
 * that finder's chunk. `onChange` runs when a chunk arrives or fails.
 */
import type { FindEmoji, FindUrls, XPatterns } from '../lib/share/x-weight.ts';

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
      loadingUrls ??= import('../lib/share/x-urls.ts').then((module) => {
        findUrls = module.findUrls;
        onChange();
      }, fail);
      return findUrls;
    },
    emoji() {
      loadingEmoji ??= import('../lib/share/x-emoji.ts').then((module) => {
        findEmoji = module.findEmoji;
        onChange();
      }, fail);
      return findEmoji;
    },
    failed: () => failed,
  };
}
