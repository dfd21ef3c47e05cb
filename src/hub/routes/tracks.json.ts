/**
 * /start/tracks.json: every published onboarding track with its steps
 * (views/track.ts), which "Continue your path" on the home and /start/
 * pages fetches once the browser has a track under way. Inlined in those
 * pages they were 139 KB of the home page at 10,000 entries (100 tracks),
 * downloaded by every visitor.
 */
import type { APIRoute } from 'astro';
import { trackSummaries } from '../../views/track.ts';
import { jsonResponse } from '../../lib/json-response.ts';

export const GET: APIRoute = async () => jsonResponse(await trackSummaries());
