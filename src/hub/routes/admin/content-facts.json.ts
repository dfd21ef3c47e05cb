import type { APIRoute } from 'astro';
import { cmsFacts } from '../../../views/cms.ts';

/** The tree as Decap's save check sees it (src/lib/cms/facts.ts): at build, and on every save in dev. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(cmsFacts()), { headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' } });
