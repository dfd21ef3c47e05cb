/**
 * Added by the hub() integration to `astro build` only: hands every rendered
 * HTML page to the listeners of the build channel and passes it on unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildChannel } from '../lib/build-channel.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const listeners = buildChannel().pageListeners;
  if (listeners.size === 0 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const page = { pathname: context.url.pathname, html, status: response.status };
  await Promise.all([...listeners].map((listen) => listen(page)));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
