/** /digest.json: this week's digests the senders deliver (docs/digest.md), each with its /digest/<team>.json. */
import type { APIRoute } from 'astro';
import { digestIndex } from '../../views/digest.ts';
import { jsonResponse } from '../../lib/json-response.ts';

export const GET: APIRoute = async () => jsonResponse(await digestIndex(), { indent: 2 });
