/** `/og/hub.png`: the hub's own share card, for every page that is not an entry. */
import type { APIRoute } from 'astro';
import { cardPng } from '../../../views/cards.ts';

export const GET: APIRoute = async () => new Response(await cardPng('hub'), { headers: { 'Content-Type': 'image/png' } });
