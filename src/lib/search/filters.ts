/** The filters and the sort key of the search index: what the index records and the search page's script share (no imports, so the page's script stays small). */

/** The filters of the index, in the order the search page offers them. */
export const SEARCH_FILTERS = ['type', 'topic', 'team', 'network'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type SearchFilters = Partial<Record<SearchFilter, string[]>>;

/** The sort key of every indexed page (ISO day). */
export const SORT_KEY = 'date';
