import type { APIRoute } from 'astro';
import hubCss from '../../../styles/global.css?raw';
import { settings } from '../../../views/hub.ts';
import { brandCss } from '../../../lib/theme.ts';

/** The hub's own stylesheet for Decap's preview pane, so previews look like the published page. */
export const GET: APIRoute = () =>
  new Response(`${brandCss(settings.brand)}\n${hubCss}\nbody{display:block;min-height:0;padding:1.5rem}`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
