/**
 * Warns when a published entry has text its share card cannot draw: the card
 * fonts (src/lib/cards/fonts.ts) cover Latin, Cyrillic, Greek, Vietnamese,
 * Devanagari and Hebrew; other characters (Arabic, CJK, Thai, emoji, …) are
 * left out of the card rather than drawn as empty boxes.
 */
import { drawableCodePoints } from '../../lib/cards/fonts.ts';
import { drawable } from '../../lib/cards/text.ts';
import type { CollectionName } from '../../model/collections.ts';
import { type Problem, fieldPath } from '../../lib/problems.ts';
import type { CheckedEntry } from '../entry.ts';

/** The fields each kind of card shows (see src/views/cards.ts). */
const CARD_FIELDS: Record<CollectionName, readonly (readonly PropertyKey[])[]> = {
  snippets: [['title'], ['variants', 0, 'text']],
  articles: [['title'], ['description']],
  guidelines: [['title'], ['summary']],
  training: [['title'], ['summary']],
  campaigns: [['title'], ['summary']],
  people: [['name'], ['title'], ['spotlight']],
  tracks: [['title'], ['summary']],
};

let drawablePoints: ReadonlySet<number> | undefined;

function valueAt(data: unknown, at: readonly PropertyKey[]): unknown {
  return at.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

export function checkCardText(entries: readonly CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.published) continue;
    for (const at of CARD_FIELDS[entry.collection]) {
      const value = valueAt(entry.data, at);
      if (typeof value !== 'string') continue;
      const points = (drawablePoints ??= drawableCodePoints());
      const { omitted } = drawable(value, (codePoint) => points.has(codePoint));
      if (omitted.length === 0) continue;
      const shown = omitted.slice(0, 8).join(' ') + (omitted.length > 8 ? ' …' : '');
      problems.push({
        severity: 'warning',
        file: entry.file,
        line: entry.lineOf(at),
        field: fieldPath(at),
        message: `has characters the share card fonts cannot draw (${shown}); the card leaves them out. The page itself shows them; to draw them on cards too, add a font as docs/share-cards.md explains`,
      });
    }
  }
  return problems;
}
