/**
 * A search as a URL: `/search/?q=heat+pump&topic=Product&sort=date`, so a
 * search can be linked and the back button works. Filters repeat their name
 * for each value; `sort` is left out for the default (best match).
 */
import { canonicalValue } from '../canonical.ts';
import { SEARCH_FILTERS, type SearchFilters } from './filters.ts';

export const SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchState {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
}

export function readSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchFilters = {};
  for (const name of SEARCH_FILTERS) {
    const values = [
      ...new Set(
        params
          .getAll(name)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length) filters[name] = values;
  }
  const sort = params.get('sort');
  return { query: (params.get('q') ?? '').trim(), filters, sort: sort === 'date' ? 'date' : 'relevance' };
}

/** The query string for a state, with its "?", or "" for an empty search. */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const name of SEARCH_FILTERS) for (const value of state.filters[name] ?? []) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Results newest first, by the build's order (NEWEST_FILE: result ids by day, the newest day
 * first): a page without a date goes last, and results of the same day keep their best match first.
 */
export function byNewest<T extends { id: string }>(results: readonly T[], days: readonly (readonly string[])[]): T[] {
  const rank = new Map<string, number>();
  days.forEach((ids, day) => {
    for (const id of ids) rank.set(id, day);
  });
  return [...results].sort((a, b) => (rank.get(a.id) ?? days.length) - (rank.get(b.id) ?? days.length));
}

/**
 * A link's filter values in the index's own spelling, whatever their case
 * (`?team=sales` is the team "Sales"), or through another name the hub gives
 * them (`aliases`: `?type=people` is the type "Person"). A value that matches
 * nothing is kept as it is, so the search finds nothing rather than more.
 */
export function canonicalFilters(
  filters: SearchFilters,
  available: Readonly<Record<string, Readonly<Record<string, number>>>>,
  aliases: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): SearchFilters {
  const canonical: SearchFilters = {};
  for (const name of SEARCH_FILTERS) {
    const values = filters[name];
    if (!values) continue;
    const known = Object.keys(available[name] ?? {});
    canonical[name] = [...new Set(values.map((value) => canonicalValue(value, known, aliases[name]) ?? value))];
  }
  return canonical;
}

/**
 * A path on this site ("/share/x/") from a search result's data, or
 * undefined for anything else (another host, //host, javascript:, a path
 * with spaces or backslashes): what a result may link to or show.
 */
export function safePath(url: string | undefined): string | undefined {
  return url && /^\/(?!\/)/.test(url) && !/[\s\\]/.test(url) ? url : undefined;
}
