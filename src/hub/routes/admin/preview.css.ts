import type { APIRoute } from 'astro';
import hubCss from '../../../styles/global.css?raw';
import { settings } from '../../../views/hub.ts';
import { brandCss } from '../../../lib/theme.ts';

/** What only previews show: each network's count under a composed post, the right option of a quiz question. */
const PREVIEW_CSS = `
body{display:block;min-height:0;padding:1.5rem}
.preview-post{margin:0 0 1rem}
.preview-post blockquote{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 .5rem}
.preview-post figcaption{display:flex;flex-wrap:wrap;gap:.25rem .75rem;font-size:.875rem}
.preview-post .status.error{font-weight:700}
.quiz-option.right{font-weight:700}
`;

/** The hub's own stylesheet for Decap's preview pane, so previews look like the published page. */
export const GET: APIRoute = () =>
  new Response(`${brandCss(settings.brand)}\n${hubCss}\n${PREVIEW_CSS}`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
