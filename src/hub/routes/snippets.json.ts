/** /snippets.json: the share feed's index, listing its pages (src/lib/share/feed.ts); published snippets only. */
import type { APIRoute } from 'astro';
import { shareFeed } from '../../views/share-feed.ts';
import { jsonResponse } from '../../lib/json-response.ts';

export const GET: APIRoute = async () => jsonResponse((await shareFeed()).index, { indent: 2 });
