import type { APIRoute } from 'astro';

/**
 * Loaded before Decap's bundle: Decap starts itself as soon as it loads, and
 * would read config.yml before the admin page's module has registered the
 * hub's save formats; with this flag, that module starts it (cms-formats.client.ts).
 */
export const GET: APIRoute = () => new Response('window.CMS_MANUAL_INIT = true;\n', { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
