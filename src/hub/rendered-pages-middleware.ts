/**
 * Added by the hub() integration to `astro build` only: notes what each
 * entry page reads of the content while it renders, and its key from that
 * (src/views/page-key.ts), then hands every rendered HTML page to the
 * listeners of the build channel and passes it on unchanged.
 */
import type { MiddlewareHandler } from 'astro';
import { buildChannel } from '../lib/build-channel.ts';
import { entryOfPath } from '../lib/urls.ts';
import { pageOf } from '../lib/page-key.ts';

// Typed with Astro's MiddlewareHandler rather than wrapped in defineMiddleware() (which only returns its
// argument): astro:middleware exists only inside a build, and the hub's own files load in plain Node too.
export const onRequest: MiddlewareHandler = async (context, next) => {
  const channel = buildChannel();
  const entry = entryOfPath(context.url.pathname);
  const page = entry && pageOf(entry);
  let response: Response;
  let html: string | undefined;
  const isHtml = (r: Response) => Boolean(r.headers.get('content-type')?.startsWith('text/html'));
  const given = page ? channel.keyedPages.get(page)?.given : undefined;
  if (page && given && channel.pageReads) {
    // The page renders as its body is read: both inside the scope its reads are noted in. It reads its own entry, and what its route gave it.
    const reads = new Set([`entry:${page}`, ...given]);
    [response, html] = await channel.pageReads.run(reads, async () => {
      const rendered = await next();
      return [rendered, isHtml(rendered) ? await rendered.text() : undefined] as const;
    });
    if (channel.pageKeyOf) channel.renderedKeys.set(page, { key: await channel.pageKeyOf([...reads]), reads: [...reads].sort() });
  } else {
    response = await next();
    if (channel.pageListeners.size === 0 || !isHtml(response)) return response;
    html = await response.text();
  }
  if (html === undefined) return response;
  const rendered = { pathname: context.url.pathname, html, status: response.status };
  await Promise.all([...channel.pageListeners].map((listen) => listen(rendered)));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
