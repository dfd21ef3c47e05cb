/** /digest.json: this week's digests the senders deliver (docs/digest.md), each with its /digest/<team>.json. */
import type { APIRoute } from 'astro';
import { digestIndex } from '../../views/digest.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await digestIndex(), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
