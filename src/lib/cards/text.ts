/**
 * Card text before layout: only characters the card fonts can draw (so no
 * script ever shows as tofu boxes), on one line, and a title size that suits
 * its length. Shortening with an ellipsis is the template's `lineClamp`.
 */

/** Joiners (ZWNJ, ZWJ) and variation selectors: they shape the characters around them and draw nothing themselves. */
const INVISIBLE = /^[\p{Join_Control}\p{Variation_Selector}]$/u;
/** Text-direction marks keep their meaning even though no font has a glyph for them. */
const DIRECTION_MARKS = /^[\u200e\u200f\u061c]$/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export interface DrawableText {
  text: string;
  /** The characters left out, each once, in order of appearance. */
  omitted: string[];
}

/**
 * `text` with every grapheme the fonts cannot draw left out, whitespace
 * collapsed to single spaces. A grapheme is kept whole or not at all, so an
 * accent never lands on the wrong letter.
 */
export function drawable(text: string, canDraw: (codePoint: number) => boolean): DrawableText {
  const omitted: string[] = [];
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (/^\s+$/u.test(segment)) {
      out += ' ';
      continue;
    }
    const drawn = [...segment].every((char) => INVISIBLE.test(char) || DIRECTION_MARKS.test(char) || canDraw(char.codePointAt(0)!));
    if (drawn) out += segment;
    else if (!omitted.includes(segment)) omitted.push(segment);
  }
  return {
    text: out
      .replace(/ {2,}/g, ' ')
      .trim()
      .replace(/^[\p{P}\p{S}\s]+$/u, ''),
    omitted,
  };
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
