/**
 * Added by the hub:rendered-pages integration to `astro build` only: hands
 * every rendered HTML page to the listeners of rendered-pages.ts and passes
 * the page on unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageListeners } from './rendered-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const listeners = pageListeners();
  if (listeners.size === 0 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const page = { pathname: context.url.pathname, html, status: response.status };
  await Promise.all([...listeners].map((listen) => listen(page)));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
