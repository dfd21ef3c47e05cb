/**
 * Where the pages of a build meet the search index being built: `astro build`
 * starts Pagefind when the build starts (src/integrations/search.ts), and a
 * middleware (search-middleware.ts) hands it each page as soon as Astro has
 * rendered it. Pagefind runs in its own process, so it parses and indexes on
 * the second core while Astro renders the next pages; when the build is done
 * only the index files remain to be written. Both sides run in the build's
 * process; this module is all they share.
 */
export const SEARCH_FEED = Symbol.for('hub.search.feed');

export interface SearchFeed {
  /**
   * Hands a rendered page to the index, which keeps entry pages (`pathname`
   * with the base path). Resolves at once, unless Pagefind is that many pages
   * behind (see MAX_PAGES_IN_FLIGHT in search.ts): then when it has caught up.
   */
  add(pathname: string, html: string): Promise<void>;
}
