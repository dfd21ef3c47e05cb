/** Small wording helpers for messages editors read. */

const MAX_SHOWN = 60;

/**
 * Characters a message shows as \uXXXX, because a terminal or a browser would
 * show nothing, or turn the text around (U+202E): C1 controls, invisible and
 * bidirectional formatting characters, line and paragraph separators. (JSON
 * escapes C0 controls itself; the zero-width joiner of emoji sequences stays.)
 */
const INVISIBLE = /[\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/** A value as an editor would recognise it in their file, shortened if long. */
export function quote(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (value === null) return 'empty';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown).replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

/** Levenshtein distance, enough for "did you mean" on short ids. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `input`, if it is close enough to be a likely typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = distance(needle, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore > 0 && bestScore <= Math.max(2, Math.floor(needle.length / 3)) ? best : undefined;
}

const INVISIBLE_NAMES: Record<string, string> = {
  '\n': 'line break',
  '\r': 'carriage return',
  '\t': 'tab',
  '\u00a0': 'no-break space',
  '\u00ad': 'soft hyphen',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\u202f': 'narrow no-break space',
  '\ufeff': 'zero-width no-break space',
};

/**
 * The text with every character a reader cannot see, or cannot tell from a
 * plain space (invisible and control characters, direction overrides),
 * named in brackets: "Guaranteed[no-break space U+00A0]savings".
 */
export function showInvisible(text: string): string {
  return text.replace(/[^\S ]|\p{Default_Ignorable_Code_Point}|\p{Cc}/gu, (char) => {
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const name = INVISIBLE_NAMES[char];
    return `[${name ? `${name} ${code}` : code}]`;
  });
}
