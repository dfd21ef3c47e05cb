/** The filters, the sort key and the order file of the search index: what the index records and the search page's script share (no imports, so the page's script stays small). */

/** The filters of the index, in the order the search page offers them. */
export const SEARCH_FILTERS = ['type', 'topic', 'team', 'network'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type SearchFilters = Partial<Record<SearchFilter, string[]>>;

/** The metadata field that holds an indexed page's day (ISO, YYYY-MM-DD), when it has one: what "newest first" orders by. */
export const SORT_KEY = 'date';

/**
 * The file of the search bundle (beside Pagefind's, e.g. /pagefind/newest.json) that lists the indexed
 * pages newest first: the search page fetches it only when a reader orders by date (src/lib/search/newest.ts).
 */
export const NEWEST_FILE = 'newest.json';

/** What NEWEST_FILE holds: Pagefind's result ids (`id` of a search result), one array per day, the newest day first; undated pages are not in it. */
export type NewestFirst = string[][];
