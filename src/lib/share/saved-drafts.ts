/**
 * The advocate's drafts as the browser keeps them (`hub:drafts`, through
 * src/client/share-store.ts): per item (snippet or article id) the text of
 * each wording they edited, their first line, the hashtags they left out and
 * the wording they last had open. Versioned and checked on read: whatever
 * else is in storage (an older version, a hand edit) is dropped, never trusted.
 */
import { isId } from '../../model/ids.ts';

export const DRAFTS_VERSION = 1;
/**
 * Items kept at most, past which the least recently changed items that hold
 * only choices (the wording last open, hashtags left out) are forgotten. An
 * item holding words the advocate typed is never forgotten for room.
 */
export const MAX_DRAFTS = 100;
/** A text longer than this is not a post anyone shares (E-mail's limit is 2,000; Facebook's 63,206). */
const MAX_TEXT = 65_536;

export interface ItemDraft {
  /** The advocate's text per wording (0-based index as a string), only where it differs from the wording. */
  texts: Record<string, string>;
  /** Their own first line. */
  first?: string;
  /** Hashtags (without "#") they left out. */
  dropped?: string[];
  /** The wording they last had open (0-based). */
  last?: number;
  /** When they last changed it (ms since 1970). */
  at: number;
}

export interface Drafts {
  v: typeof DRAFTS_VERSION;
  items: Record<string, ItemDraft>;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

/** Stored drafts, keeping only what has the shape above. */
export function parseDrafts(raw: string | null): Drafts {
  const drafts: Drafts = { v: DRAFTS_VERSION, items: {} };
  try {
    const value = JSON.parse(raw ?? 'null') as { v?: unknown; items?: Record<string, Record<string, unknown>> } | null;
    if (value?.v !== DRAFTS_VERSION || typeof value.items !== 'object' || !value.items) return drafts;
    for (const [id, item] of Object.entries(value.items)) {
      if (!isId(id) || typeof item !== 'object' || !item) continue;
      const texts: Record<string, string> = {};
      for (const [index, text] of Object.entries((item.texts as Record<string, unknown>) ?? {})) if (/^\d{1,3}$/.test(index) && isText(text)) texts[index] = text;
      const draft: ItemDraft = { texts, at: typeof item.at === 'number' ? item.at : 0 };
      if (isText(item.first) && item.first) draft.first = item.first;
      if (Array.isArray(item.dropped)) draft.dropped = item.dropped.filter((tag): tag is string => typeof tag === 'string' && tag.length <= 100);
      if (Number.isInteger(item.last) && (item.last as number) >= 0) draft.last = item.last as number;
      drafts.items[id] = draft;
    }
  } catch {
    /* not JSON: nothing kept */
  }
  return drafts;
}

/** Whether a draft holds anything of the advocate's (the wording last open alone is worth keeping too). */
function holdsSomething(draft: ItemDraft): boolean {
  return Object.keys(draft.texts).length > 0 || !!draft.first || !!draft.dropped?.length || draft.last !== undefined;
}

/** Whether a draft holds words the advocate typed. */
const holdsWords = (draft: ItemDraft): boolean => Object.keys(draft.texts).length > 0 || !!draft.first;

/** `drafts` with `draft` as item `id`'s (removed when it holds nothing); past MAX_DRAFTS, the oldest items without typed words go. */
export function withItemDraft(drafts: Drafts, id: string, draft: ItemDraft): Drafts {
  const items = { ...drafts.items };
  delete items[id];
  if (holdsSomething(draft)) items[id] = draft;
  const excess = Object.keys(items).length - MAX_DRAFTS;
  if (excess > 0) {
    const choicesOnly = Object.keys(items)
      .filter((key) => !holdsWords(items[key]!))
      .sort((a, b) => items[a]!.at - items[b]!.at);
    for (const old of choicesOnly.slice(0, excess)) delete items[old];
  }
  return { v: DRAFTS_VERSION, items };
}
