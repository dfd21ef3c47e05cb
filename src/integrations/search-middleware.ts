/**
 * Added by the hub:search integration to `astro build` only: hands every
 * rendered page to the search index being built (see search-feed.ts), which
 * keeps the entry pages, so Pagefind indexes while Astro renders the next
 * ones. The page itself is passed on unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { SEARCH_FEED, type SearchFeed } from './search-feed.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = (globalThis as Record<symbol, SearchFeed | undefined>)[SEARCH_FEED];
  if (!feed || response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  await feed.add(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
