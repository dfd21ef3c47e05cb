import type { APIRoute } from 'astro';
import { cmsFacts } from '../../../views/cms.ts';
import { drawableRanges } from '../../../lib/cards/fonts.ts';

/** The tree as Decap's save check sees it (src/lib/cms/facts.ts): at build, and on every save in dev. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify({ ...cmsFacts(), cardGlyphs: drawableRanges() }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
