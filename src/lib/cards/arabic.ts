/**
 * Arabic letters in their joined forms (initial, medial, final, isolated), as
 * the Arabic Presentation Forms code points, before satori sees the text.
 *
 * Why: satori 0.63 shapes Arabic with HarfBuzz and orders it right to left
 * itself, but it applies HarfBuzz's vertical glyph offsets upside down
 * (`y + dy` where SVG's y grows downwards). Noto Sans Arabic draws the dots
 * of many letters as marks placed by those offsets, so the dots landed in the
 * wrong place: below-dots moved up (final ي drawn as ى), and in bold the
 * dots of ة fell inside the letter (drawn as ه). The presentation forms map
 * to the font's whole glyphs, dots included, which need no offset at all.
 * Order stays logical: satori's own bidirectional ordering puts them right
 * to left, as it does for Hebrew.
 *
 * The table of forms is read from Unicode itself: every presentation form's
 * compatibility decomposition (NFKC) is the letter it is a form of, and the
 * standard lists each letter's forms in the order isolated, final, initial,
 * medial. A letter with an initial form joins on both sides; one with only
 * isolated and final forms joins only to the letter before it (alef, dal,
 * reh, waw, ة …).
 */

type Forms = { isolated: number; final: number; initial?: number; medial?: number };

/** Marks (harakat) between letters do not break joining. */
const TRANSPARENT = /^\p{Mn}$/u;
/** Tatweel and the zero-width joiner join on both sides without a form of their own. */
const JOIN_CAUSING = new Set([0x0640, 0x200d]);

let table: { letters: Map<number, Forms>; lamAlef: Map<number, Forms> } | undefined;

function forms(): NonNullable<typeof table> {
  if (table) return table;
  const letters = new Map<number, Forms>();
  const lamAlef = new Map<number, Forms>();
  // Presentation Forms-B first (the 28 letters, hamza forms, lam-alef), then -A (Persian, Urdu and other letters).
  for (const [from, to] of [
    [0xfe80, 0xfefc],
    [0xfb50, 0xfbff],
  ] as const) {
    let group: number[] = [];
    let base = '';
    const flush = () => {
      const [isolated, final, initial, medial] = group;
      const chars = [...base];
      if (isolated !== undefined && final !== undefined && (group.length === 2 || group.length === 4)) {
        const entry = { isolated, final, initial, medial };
        if (chars.length === 1 && !letters.has(chars[0]!.codePointAt(0)!)) letters.set(chars[0]!.codePointAt(0)!, entry);
        // Lam-alef ligatures: lam (U+0644) followed by a kind of alef.
        if (chars.length === 2 && chars[0] === '\u0644') lamAlef.set(chars[1]!.codePointAt(0)!, entry);
      }
      // Hamza (U+0621) has one form and never joins: it needs no entry.
      group = [];
    };
    for (let point = from; point <= to; point++) {
      const decomposed = String.fromCodePoint(point).normalize('NFKC');
      const isArabic = /^\p{Script=Arabic}+$/u.test(decomposed) && decomposed !== String.fromCodePoint(point);
      if (!isArabic || decomposed !== base) flush();
      if (!isArabic) {
        base = '';
        continue;
      }
      base = decomposed;
      group.push(point);
    }
    flush();
  }
  table = { letters, lamAlef };
  return table;
}

/** Whether `point` can join to the letter after it (it has an initial form, or it is tatweel or ZWJ). */
function joinsForward(point: number | undefined): boolean {
  if (point === undefined) return false;
  if (JOIN_CAUSING.has(point)) return true;
  return forms().letters.get(point)?.initial !== undefined;
}

/** Whether `point` can join to the letter before it (it has a final form, or it is tatweel or ZWJ). */
function joinsBackward(point: number | undefined): boolean {
  if (point === undefined) return false;
  return JOIN_CAUSING.has(point) || forms().letters.has(point);
}

/**
 * `text` with each Arabic letter replaced by its presentation form for its
 * place in the word, and lam followed by alef by their ligature. Everything
 * else (other scripts, digits, marks, ZWNJ) is kept as it is; logical order.
 */
export function presentationForms(text: string): string {
  if (!/\p{Script=Arabic}/u.test(text)) return text;
  const { letters, lamAlef } = forms();
  const points = [...text].map((char) => char.codePointAt(0)!);
  // The nearest non-transparent neighbours of each position.
  const previous = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (!TRANSPARENT.test(String.fromCodePoint(points[j]!))) return points[j];
    return undefined;
  };
  const nextIndex = (i: number) => {
    for (let j = i + 1; j < points.length; j++) if (!TRANSPARENT.test(String.fromCodePoint(points[j]!))) return j;
    return undefined;
  };
  let out = '';
  let joinedToPrevious = false; // whether the letter before the current one ended joined forward
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    const char = String.fromCodePoint(point);
    if (TRANSPARENT.test(char)) {
      out += char;
      continue;
    }
    const letter = letters.get(point);
    if (!letter) {
      out += char;
      joinedToPrevious = JOIN_CAUSING.has(point) && joinsForward(previous(i));
      continue;
    }
    const before = joinedToPrevious && joinsForward(previous(i));
    const next = nextIndex(i);
    // Lam + alef: one ligature glyph, isolated or final.
    const ligature = point === 0x0644 && next !== undefined ? lamAlef.get(points[next]!) : undefined;
    if (ligature) {
      out += String.fromCodePoint(before ? ligature.final : ligature.isolated);
      // The marks between lam and alef stay after the ligature.
      for (let j = i + 1; j < next!; j++) out += String.fromCodePoint(points[j]!);
      i = next!;
      joinedToPrevious = false; // alef joins nothing after it
      continue;
    }
    const after = letter.initial !== undefined && next !== undefined && joinsBackward(points[next]);
    const form = before ? (after ? letter.medial : letter.final) : after ? letter.initial : letter.isolated;
    out += String.fromCodePoint(form ?? letter.isolated);
    joinedToPrevious = after;
  }
  return out;
}

/** Every code point presentationForms() can write (for the test that the Arabic font draws them all). */
export function presentationFormPoints(): number[] {
  const { letters, lamAlef } = forms();
  return [...letters.values(), ...lamAlef.values()].flatMap((f) => [f.isolated, f.final, f.initial, f.medial].filter((p): p is number => p !== undefined));
}
