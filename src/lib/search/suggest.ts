/**
 * "Did you mean …": a query's words compared with the hub's own words
 * (titles, topics, tags, emitted by the build: src/views/search.ts) by
 * Damerau–Levenshtein distance, in the browser. No imports, so the search
 * page's script stays small.
 */

/** The largest edit distance at which a word is offered instead of another. */
export const MAX_DISTANCE = 2;

/** Words a query is made of, and the hub's words are: letters and digits, lower case. */
export function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('en').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions,
 * deletions, substitutions and swaps of two neighbours each cost 1), or
 * `limit + 1` as soon as it is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[y.length]!, limit + 1);
}

/**
 * The hub's word closest to `word` (distance ≤ MAX_DISTANCE, and less than
 * the word's own length, so "at" does not become "pr"), the earlier in
 * `words` on a tie (the build lists the most used first); `word` itself when
 * the hub has it, undefined when nothing is close.
 */
export function closestWord(word: string, words: readonly string[]): string | undefined {
  if (words.includes(word)) return word;
  const limit = Math.min(MAX_DISTANCE, [...word].length - 1);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of words) {
    const distance = editDistance(word, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 1) break;
    }
  }
  return best;
}

/**
 * A query with each word the hub does not know replaced by the closest one it
 * does ("heet pump" → "heat pump"), or undefined when nothing would change.
 */
export function suggestQuery(query: string, words: readonly string[]): string | undefined {
  const asked = wordsOf(query);
  if (!asked.length) return undefined;
  const mended = asked.map((word) => closestWord(word, words) ?? word);
  return mended.some((word, i) => word !== asked[i]) ? mended.join(' ') : undefined;
}

/**
 * The hub's words for the suggestions: every word of `texts` of at least
 * three letters (shorter ones are rarely mistyped and often ambiguous), most
 * used first, then alphabetical, so the list and its order are stable; at
 * most `limit` of them, so a large hub's page stays small.
 */
export function vocabulary(texts: Iterable<string>, limit = Infinity): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) if ([...word].length >= 3) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([word]) => word);
}
