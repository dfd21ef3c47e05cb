/**
 * Card text before layout: only characters the card fonts can draw (so no
 * script ever shows as tofu boxes), emoji apart, on one line, and a title
 * size that suits its length. Shortening with an ellipsis is the template's
 * `lineClamp`. The content check makes a character no font draws a build
 * error (src/content/checks/card-text.ts), so leaving one out here is the
 * last line of defence, for text that comes from elsewhere.
 */

/** Joiners (ZWNJ, ZWJ) and variation selectors: they shape the characters around them and draw nothing themselves. */
const INVISIBLE = /^[\p{Join_Control}\p{Variation_Selector}]$/u;
/** Text-direction marks keep their meaning even though no font has a glyph for them. */
const DIRECTION_MARKS = /^[\u200e\u200f\u061c]$/u;
/**
 * Bidirectional embeddings and isolates (LRE … RLO, LRI … PDI; the Arabic
 * interface strings wrap names and numbers in them): they draw nothing,
 * satori does not follow them, and no font maps them, so they are dropped
 * without being reported.
 */
const BIDI_CONTROLS = /^[\u202a-\u202e\u2066-\u2069]+$/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Emoji: satori draws them only from images (its `graphemeImages` or
 * `loadAdditionalAsset`), and the hub fetches nothing, so cards leave them
 * out. A grapheme is an emoji when it asks for emoji presentation (by
 * default, with U+FE0F, a keycap or as a flag); a pictograph a font draws as
 * text (©, ™, ↔) is text.
 */
const EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\uFE0F|\u20E3|\p{Emoji_Modifier}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

export interface DrawableText {
  text: string;
  /** The characters left out because no font draws them, each once, in order of appearance. */
  omitted: string[];
  /** The emoji left out, each once, in order of appearance. */
  emoji: string[];
}

/**
 * `text` with every grapheme the fonts cannot draw left out, whitespace
 * collapsed to single spaces. A grapheme is kept whole or not at all, so an
 * accent never lands on the wrong letter.
 */
export function drawable(text: string, canDraw: (codePoint: number) => boolean): DrawableText {
  const omitted: string[] = [];
  const emoji: string[] = [];
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (/^\s+$/u.test(segment)) {
      out += ' ';
      continue;
    }
    if (BIDI_CONTROLS.test(segment)) continue;
    const drawn = [...segment].every((char) => INVISIBLE.test(char) || DIRECTION_MARKS.test(char) || canDraw(char.codePointAt(0)!));
    if (EMOJI.test(segment) || (!drawn && PICTOGRAPH.test(segment))) {
      if (!emoji.includes(segment)) emoji.push(segment);
    } else if (drawn) out += segment;
    else if (!omitted.includes(segment)) omitted.push(segment);
  }
  return {
    text: out
      .replace(/ {2,}/g, ' ')
      .trim()
      .replace(/^[\p{P}\p{S}\s]+$/u, ''),
    omitted,
    emoji,
  };
}

/** `ก` → `U+0E01`. */
export function codePoints(text: string): string {
  return [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** Title sizes in px by length: short titles large, long ones smaller, and `lines` before the ellipsis. */
export function titleSize(title: string): { fontSize: number; lines: number } {
  const length = [...title].length;
  if (length <= 32) return { fontSize: 76, lines: 2 };
  if (length <= 60) return { fontSize: 64, lines: 3 };
  return { fontSize: 54, lines: 3 };
}

/** `rtl` when the first letter with a direction is Hebrew, Arabic or another right-to-left script. */
export function direction(text: string): 'ltr' | 'rtl' {
  const strong = text.match(/[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]|\p{L}/u);
  return strong && /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(strong[0]) ? 'rtl' : 'ltr';
}
