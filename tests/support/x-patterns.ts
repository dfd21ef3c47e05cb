/** X counter patterns for tests: which of twitter-text's patterns a count asked for, and which it got. */
import { findEmoji, findUrls } from '../../src/lib/share/x-length.ts';
import type { XPatterns } from '../../src/lib/share/x-weight.ts';

/** Patterns that record what a count asked for; `loaded` says which it gets. */
export function recording(loaded: { urls: boolean; emoji: boolean }) {
  const asked = new Set<'urls' | 'emoji'>();
  const patterns: XPatterns = {
    urls: () => (asked.add('urls'), loaded.urls ? findUrls : undefined),
    emoji: () => (asked.add('emoji'), loaded.emoji ? findEmoji : undefined),
  };
  return { asked, patterns };
}
