/**
 * The one matcher of banned phrases (settings.banned). Matching is done on a
 * folded copy of the text: NFKC (full-width letters, ligatures and the
 * no-break spaces become plain letters and spaces), case folded, invisible
 * characters (zero-width spaces and joiners, soft hyphens, bidirectional
 * controls: Unicode's default-ignorable code points) removed, and every run
 * of white space, line breaks included, collapsed to one space. So
 * "Guaranteed  savings", "Guaranteed\u00A0savings", "guaran\u200Bteed savings"
 * and "ＧＵＡＲＡＮＴＥＥＤ savings" all meet "guaranteed savings".
 *
 * Each folded character remembers where it came from, so a match points back
 * to the text as written (for its line, and to show the editor what to reword).
 * Browser-safe: no Node module, so an island may use it too.
 */

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const WHITE = /\s/u;
const MARK = /^\p{M}$/u;
/** Printable ASCII folds to its lower case, its runs of spaces to one. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Unicode case folding, approximated with what every JavaScript engine has:
 * upper then lower case maps ß to ss, as folding does; lower case alone
 * writes a word-final sigma as ς, which folding makes σ in any place.
 */
function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase().replaceAll('ς', 'σ');
}

/** Folds of the characters other than ASCII met so far: texts repeat the same few (’, é, emoji). */
const clusterFolds = new Map<string, string>();

/** A base character and the marks after it, folded together: NFKC may compose them. */
function foldCluster(cluster: string): string {
  let folded = clusterFolds.get(cluster);
  if (folded === undefined) {
    folded = foldCase(cluster.normalize('NFKC')).normalize('NFKC').replace(IGNORABLE, '');
    if (clusterFolds.size > 10_000) clusterFolds.clear();
    clusterFolds.set(cluster, folded);
  }
  return folded;
}

/** A text folded for matching, with the span of the original text each folded character came from. */
export interface FoldedText {
  text: string;
  /** Index in the original text where the folded character `i` starts. */
  start(i: number): number;
  /** Index in the original text just after the folded character `i`. */
  end(i: number): number;
}

/** Where the code point starting at `i` ends (surrogate pairs are one). */
function nextCodePoint(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
}

/** Where the character starting at `i` ends, with the combining marks after it (all beyond ASCII). */
function clusterEnd(text: string, i: number): number {
  let next = nextCodePoint(text, i);
  while (next < text.length && text.charCodeAt(next) >= 0x300) {
    const after = nextCodePoint(text, next);
    if (!MARK.test(text.slice(next, after))) break;
    next = after;
  }
  return next;
}

const ASCII_RUN = /[\x20-\x7e]+/y;
const WHITE_RUN = /\s+/gu;

interface Spans {
  starts: number[];
  ends: number[];
}

/** The folded text, with where each of its UTF-16 units came from. */
function foldWithSpans(original: string, spans: Spans): string {
  let out = '';
  let lastIsSpace = false;
  const add = (piece: string, from: number, to: number, oneToOne: boolean) => {
    for (let k = 0; k < piece.length; k++) {
      const white = WHITE.test(piece[k]!);
      // A run of white space is one space; it spans the whole run as written.
      if (white && lastIsSpace) spans.ends[spans.ends.length - 1] = oneToOne ? from + k + 1 : to;
      else {
        out += white ? ' ' : piece[k];
        spans.starts.push(oneToOne ? from + k : from);
        spans.ends.push(oneToOne ? from + k + 1 : to);
      }
      lastIsSpace = white;
    }
  };
  for (let i = 0; i < original.length;) {
    ASCII_RUN.lastIndex = i;
    const run = ASCII_RUN.exec(original);
    if (run) {
      // The run's last character belongs to the marks after it, if any.
      const end = i + run[0].length;
      const stop = end < original.length && clusterEnd(original, end - 1) > end ? end - 1 : end;
      if (stop > i) {
        add(original.slice(i, stop).toLowerCase(), i, stop, true);
        i = stop;
        continue;
      }
    }
    const next = clusterEnd(original, i);
    add(foldCluster(original.slice(i, next)), i, next, false);
    i = next;
  }
  return out;
}

/**
 * The folded text alone, the whole string at once (what decides whether a
 * phrase is there; fast, as the engine normalises in bulk).
 */
export function fold(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.includes('  ') ? text.toLowerCase().replace(/ {2,}/g, ' ') : text.toLowerCase();
  return foldCase(text.normalize('NFKC')).normalize('NFKC').replace(IGNORABLE, '').replace(WHITE_RUN, ' ');
}

/** The folded text and where each of its characters came from: for pointing at a match, once one is known to be there. */
export function foldForMatching(original: string): FoldedText {
  if (PLAIN_ASCII.test(original) && !original.includes('  ')) return { text: original.toLowerCase(), start: (i) => i, end: (i) => i + 1 };
  const spans: Spans = { starts: [], ends: [] };
  const text = foldWithSpans(original, spans);
  return { text, start: (i) => spans.starts[i] ?? original.length, end: (i) => spans.ends[i] ?? original.length };
}

/** A banned phrase found in a text. */
export interface BannedMatch {
  /** The phrase as settings.yaml lists it. */
  phrase: string;
  /** Where it is in the text as written: [index, end). */
  index: number;
  end: number;
  /** The matched part of the text, as written. */
  written: string;
}

export interface BannedPhraseMatcher {
  /** The first occurrence of each banned phrase in `text`, in the order they appear. */
  find(text: string): BannedMatch[];
  /** The banned phrase a hashtag spells, letters and digits only (#BestInTheWorld spells "best in the world"). */
  spelledBy(hashtag: string): string | undefined;
}

/** Letters and digits only: how a hashtag spells a phrase. */
function squash(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A matcher for `phrases`; each phrase is folded once, here, not per text. */
export function bannedPhraseMatcher(phrases: readonly string[]): BannedPhraseMatcher {
  const folded = phrases
    .map((phrase) => {
      const key = fold(phrase).trim();
      return { phrase, key, squashed: squash(key) };
    })
    // A phrase of nothing but invisible characters would match everywhere; settings refuse it, this never tries.
    .filter((p) => p.key !== '');
  return {
    find(text) {
      if (!folded.length || !text) return [];
      // Folded without spans first: most texts hold no banned phrase, and spans cost more than the fold.
      const quick = fold(text);
      if (!folded.some(({ key }) => quick.includes(key))) return [];
      const view = foldForMatching(text);
      const found: BannedMatch[] = [];
      for (const { phrase, key } of folded) {
        if (!quick.includes(key)) continue;
        const at = view.text.indexOf(key);
        // Folding character by character can differ from folding the whole text only where marks meet
        // invisible characters; the phrase is there all the same, so it is reported, at the whole text.
        if (at < 0) {
          found.push({ phrase, index: 0, end: text.length, written: text });
          continue;
        }
        const index = view.start(at);
        const end = view.end(at + key.length - 1);
        found.push({ phrase, index, end, written: text.slice(index, end) });
      }
      return found.sort((a, b) => a.index - b.index);
    },
    spelledBy(hashtag) {
      if (!folded.length) return undefined;
      const tag = squash(fold(hashtag));
      return folded.find((p) => p.squashed && tag.includes(p.squashed))?.phrase;
    },
  };
}
