/** `/manifest.webmanifest`: the hub as an installable web app (src/lib/web-app/manifest.ts). */
import type { APIRoute } from 'astro';
import { settings } from '../../views/hub.ts';
import { webAppManifest } from '../../lib/web-app/manifest.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(webAppManifest(settings, import.meta.env.BASE_URL), null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
