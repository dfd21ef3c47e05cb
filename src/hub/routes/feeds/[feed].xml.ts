/** /feeds/<feed>.xml: snippets as RSS 2.0, all of them or one team's or topic's (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { feedPaths, feedText } from '../../../views/feeds.ts';

export const getStaticPaths = feedPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await feedText(params.feed!, 'xml'), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
