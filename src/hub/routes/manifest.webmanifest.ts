/** `/manifest.webmanifest`: the hub as an installable web app (src/lib/web-app/manifest.ts). */
import type { APIRoute } from 'astro';
import { manifest } from '../../views/web-app.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(manifest(), null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
