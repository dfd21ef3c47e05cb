/** /feeds/<feed>.json: snippets as JSON Feed 1.1, all of them or one team's or topic's (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { feedPaths, feedText } from '../../../views/feeds.ts';

export const getStaticPaths = feedPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await feedText(params.feed!, 'json'), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
