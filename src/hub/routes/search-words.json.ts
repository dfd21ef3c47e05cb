/**
 * /search/words.json: the hub's own words for "Did you mean …" on the search
 * page (views/search.ts), most used first. The page fetches them only when a
 * query finds few results: at 10,000 entries they were 10 KB of every visit
 * to /search/.
 */
import type { APIRoute } from 'astro';
import { searchVocabulary } from '../../views/search.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await searchVocabulary()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
