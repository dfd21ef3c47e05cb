/** /snippets/<n>.json: a page of the share feed (src/lib/share/feed.ts), listed by /snippets.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareFeed } from '../../../views/share-feed.ts';

export const getStaticPaths = (async () => (await shareFeed()).index.pages.map((_, at) => ({ params: { page: String(at + 1) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  // Composed now: the feed keeps no page (buildFeed).
  const page = (await shareFeed()).page(Number(params.page));
  if (page === undefined) return new Response(null, { status: 404 });
  return new Response(page, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
