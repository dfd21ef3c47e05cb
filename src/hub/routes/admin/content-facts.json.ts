import type { APIRoute } from 'astro';
import { cmsFacts } from '../../../views/cms.ts';
import { drawableRanges } from '../../../lib/cards/fonts.ts';
import { jsonResponse } from '../../../lib/json-response.ts';

/** The tree as Decap's save check sees it (src/lib/cms/facts.ts): at build, and on every save in dev. */
export const GET: APIRoute = () => jsonResponse({ ...cmsFacts(), cardGlyphs: drawableRanges() }, { headers: { 'Cache-Control': 'no-cache' } });
