/**
 * The order "newest first" of the search page. Pagefind could sort by date
 * itself, but its sort is a permutation of every page in the metadata file
 * every search downloads first (20 KB of its 83 KB gzip at 10,000 pages),
 * and only a reader who orders by date needs it. So the
 * build writes the order beside the index (NEWEST_FILE, from the pages'
 * `date` metadata: src/hub/search.ts), and the search page fetches it when a
 * reader chooses "newest first".
 */
import type { NewestFirst } from './filters.ts';

/**
 * Pages' result ids (Pagefind's `id` of a result, the name of its fragment)
 * by day, the newest day first, each day's ids in code-unit order so a build
 * writes the same file for the same pages. A page without a date is left
 * out: the search page puts those last.
 */
export function newestFirst(pages: Iterable<readonly [id: string, date: string | undefined]>): NewestFirst {
  const days = new Map<string, string[]>();
  for (const [id, date] of pages) {
    if (date === undefined) continue;
    const ids = days.get(date);
    if (ids) ids.push(id);
    else days.set(date, [id]);
  }
  return [...days.keys()].sort((a, b) => byCodeUnits(b, a)).map((day) => days.get(day)!.sort(byCodeUnits));
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
