/** /snippets.json: the share feed's index, listing its pages (src/lib/share/feed.ts); published snippets only. */
import type { APIRoute } from 'astro';
import { shareFeed } from '../../views/share-feed.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await shareFeed()).index, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
