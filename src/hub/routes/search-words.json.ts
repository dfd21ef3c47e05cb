/**
 * /search/words.json: the hub's own words for "Did you mean …" on the search
 * page (views/search.ts), most used first. The page fetches them only when a
 * query finds few results: at 10,000 entries they were 8 KB of the 14 KB
 * (gzip) of /search/'s HTML, on every visit.
 */
import type { APIRoute } from 'astro';
import { searchVocabulary } from '../../views/search.ts';
import { jsonResponse } from '../../lib/json-response.ts';

export const GET: APIRoute = async () => jsonResponse(await searchVocabulary());
