/**
 * Share cards draw every character of a published entry's card text, or the
 * build stops: a character no bundled card font draws (src/lib/cards/fonts.ts:
 * Latin, Cyrillic, Greek, Vietnamese, Devanagari, Hebrew, Arabic, Chinese,
 * Japanese, Korean) is an error naming the file, the field, the characters
 * with their code points and, where one is known, the @fontsource package
 * that draws them. Emoji are a warning: cards leave them out (text.ts says
 * why), the page shows them.
 */
import { codePoints, drawable } from '../../lib/cards/text.ts';
import type { CollectionName } from '../../model/collections.ts';
import { type Problem, fieldPath } from '../../lib/problems.ts';
import type { CheckedEntry } from '../entry.ts';

/** `canDraw` for code point ranges (sorted, as drawableRanges gives them): a binary search. */
export function drawsRanges(ranges: readonly (readonly [number, number])[]): (point: number) => boolean {
  return (point) => {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [first, last] = ranges[middle]!;
      if (point < first) high = middle - 1;
      else if (point > last) low = middle + 1;
      else return true;
    }
    return false;
  };
}

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

/** Scripts the cards do not draw, and the Noto font on npm that does (all from @fontsource, exact version). */
const FONT_FOR_SCRIPT: readonly [RegExp, string][] = [
  [/\p{Script=Thai}/u, '@fontsource/noto-sans-thai'],
  [/\p{Script=Tamil}/u, '@fontsource/noto-sans-tamil'],
  [/\p{Script=Bengali}/u, '@fontsource/noto-sans-bengali'],
  [/\p{Script=Malayalam}/u, '@fontsource/noto-sans-malayalam'],
  [/\p{Script=Kannada}/u, '@fontsource/noto-sans-kannada'],
  [/\p{Script=Georgian}/u, '@fontsource/noto-sans-georgian'],
  [/\p{Script=Armenian}/u, '@fontsource/noto-sans-armenian'],
  [/\p{Script=Khmer}/u, '@fontsource/noto-sans-khmer'],
  [/\p{Script=Myanmar}/u, '@fontsource/noto-sans-myanmar'],
  [/\p{Script=Thaana}/u, '@fontsource/noto-sans-thaana'],
  // Han characters outside Simplified Chinese, Japanese and Korean use: Traditional Chinese.
  [/[\p{Script=Han}\p{Script=Bopomofo}]/u, '@fontsource/noto-sans-tc'],
];

export function fontPackageFor(characters: readonly string[]): string[] {
  const found = new Set<string>();
  for (const char of characters) for (const [script, pkg] of FONT_FOR_SCRIPT) if (script.test(char)) found.add(pkg);
  return [...found];
}

function valueAt(data: unknown, at: readonly PropertyKey[]): unknown {
  return at.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

const listed = (items: readonly string[], shown: (item: string) => string) => items.slice(0, 8).map(shown).join(', ') + (items.length > 8 ? ', …' : '');

/**
 * `canDraw`: whether a card font draws a code point — the fonts themselves at build
 * (src/lib/cards/fonts.ts), their ranges from /admin/content-facts.json in the CMS.
 */
export function checkCardText(entries: readonly CheckedEntry[], canDraw: (point: number) => boolean): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.published) continue;
    for (const at of CARD_FIELDS[entry.collection]) {
      const value = valueAt(entry.data, at);
      if (typeof value !== 'string') continue;
      const { omitted, emoji } = drawable(value.normalize('NFC'), canDraw);
      if (!omitted.length && !emoji.length) continue;
      // Only for a problem: finding a field's line parses the entry's YAML again.
      const where = { file: entry.file, line: entry.lineOf(at), field: fieldPath(at) };
      if (omitted.length > 0) {
        const packages = fontPackageFor(omitted);
        const fix = packages.length
          ? `add ${packages.join(' and ')} (exact version) to the card fonts (PACKAGES in src/lib/cards/fonts.ts), as docs/share-cards.md explains`
          : 'add an @fontsource package that draws them to the card fonts (PACKAGES in src/lib/cards/fonts.ts), as docs/share-cards.md explains';
        problems.push({
          severity: 'error',
          ...where,
          message: `has characters no share card font can draw: ${listed(omitted, (g) => `${g} (${codePoints(g)})`)}. The card would leave them out; ${fix}`,
        });
      }
      if (emoji.length > 0) {
        problems.push({
          severity: 'warning',
          ...where,
          message: `has emoji the share card leaves out (${listed(emoji, (g) => g)}): cards draw no emoji, because satori draws them only from images and the build fetches none. The page itself shows them`,
        });
      }
    }
  }
  return problems;
}
