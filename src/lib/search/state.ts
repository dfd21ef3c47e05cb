/**
 * A search as a URL: `/search/?q=heat+pump&topic=Product&sort=date`, so a
 * search can be linked and the back button works. Filters repeat their name
 * for each value; `sort` is left out for the default (best match).
 */
import { canonicalValue } from '../canonical.ts';
import { SEARCH_FILTERS, SORT_KEY, type SearchFilters } from './filters.ts';

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

/** Pagefind's `sort` search option for a state: newest first, or relevance (none). */
export function pagefindSort(sort: SearchSort): Record<string, 'asc' | 'desc'> {
  return sort === 'date' ? { [SORT_KEY]: 'desc' } : {};
}

/** Pagefind reports filters for every name; keep only names the hub knows, with at least one value. */
export function cleanFilters(filters: Record<string, unknown> | undefined): SearchFilters {
  const clean: SearchFilters = {};
  for (const name of SEARCH_FILTERS) {
    const values = filters?.[name];
    if (Array.isArray(values) && values.length) clean[name] = values.filter((v): v is string => typeof v === 'string');
  }
  return clean;
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
