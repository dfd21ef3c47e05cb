/**
 * Added by the hub() integration to `astro build` only: hands every rendered
 * HTML page to the listeners of the build channel and passes it on unchanged.
 */
import type { MiddlewareHandler } from 'astro';
import { buildChannel } from '../lib/build-channel.ts';

// Typed with Astro's MiddlewareHandler rather than wrapped in defineMiddleware() (which only returns its
// argument): astro:middleware exists only inside a build, and the hub's own files load in plain Node too.
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const listeners = buildChannel().pageListeners;
  if (listeners.size === 0 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const page = { pathname: context.url.pathname, html, status: response.status };
  await Promise.all([...listeners].map((listen) => listen(page)));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
