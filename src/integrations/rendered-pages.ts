/**
 * Every HTML page of `astro build`, handed over as soon as Astro has rendered
 * it, to whoever listens: the search index (search.ts) feeds Pagefind, which
 * indexes in its own process on the second core, and the security headers
 * (security-headers.ts) read each page's policy, both while Astro renders
 * the next pages instead of reading dist/ back once it is written.
 *
 * The `renderedPages()` integration adds the middleware that does the
 * handing over (rendered-pages-middleware.ts); both sides run in the build's
 * process and share only the set of listeners below. Without it, or in
 * `astro dev`, listeners hear nothing and each integration falls back to
 * reading dist/.
 */
import type { AstroIntegration } from 'astro';

/** A rendered page: its URL path (with the base path) and its HTML. Rendering waits for the promise. */
export type PageListener = (page: { pathname: string; html: string; status: number }) => void | Promise<void>;

const LISTENERS = Symbol.for('hub.rendered-pages.listeners');

/** The listeners of this process (on globalThis: the middleware is bundled by Vite, the integrations are not). */
export function pageListeners(): Set<PageListener> {
  const scope = globalThis as Record<symbol, Set<PageListener> | undefined>;
  return (scope[LISTENERS] ??= new Set());
}

/** Listens to the pages rendered from now on; the returned function stops listening. */
export function onRenderedPage(listener: PageListener): () => void {
  pageListeners().add(listener);
  return () => void pageListeners().delete(listener);
}

/**
 * The output file of a page Astro rendered at `pathname` (`/share/x/` →
 * `share/x/index.html`, `/404.html` → `404.html`), relative to dist/, or
 * undefined when the path does not say (`/404`).
 */
export function outputFileOf(pathname: string, base = '/'): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const withSlash = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (!withSlash.startsWith(prefix)) return undefined;
  const relative = decodeURIComponent(pathname.slice(Math.min(prefix.length, pathname.length)));
  if (relative === '' || relative.endsWith('/')) return `${relative}index.html`;
  return relative.endsWith('.html') ? relative : undefined;
}

export function renderedPages(): AstroIntegration {
  return {
    name: 'hub:rendered-pages',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./rendered-pages-middleware.ts', import.meta.url), order: 'post' });
      },
    },
  };
}
