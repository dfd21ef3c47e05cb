/**
 * Every HTML page of `astro build`, handed over as soon as Astro has rendered
 * it, to whoever listens (src/lib/build-channel.ts): the search index feeds
 * Pagefind, which indexes in its own process on the second core, and the
 * security headers read each page's policy, both while Astro renders the
 * next pages instead of reading dist/ back once it is written. The hub()
 * integration adds the middleware that hands them over
 * (rendered-pages-middleware.ts) to builds only; in `astro dev` listeners
 * hear nothing.
 */

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildChannel } from '../lib/build-channel.ts';

/** The middleware that hands rendered pages to the listeners. */
export const RENDERED_PAGES_MIDDLEWARE = new URL('./rendered-pages-middleware.ts', import.meta.url);

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

/** The URL path of an HTML file of dist/ (`share/x/index.html` → `/base/share/x/`): what outputFileOf reads back. */
export function pathOfFile(file: string, base = '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

/**
 * The HTML files of a built site, relative to it with forward slashes, with their URL paths: as listed once
 * for the build's parts (src/hub/copied-pages.ts), or read from the folder.
 */
export function htmlFiles(dir: string, base = '/'): { file: string; path: string }[] {
  const listed = buildChannel().htmlFiles;
  const files = listed?.dir === dir ? listed.files : listHtmlFiles(dir);
  return files.map((file) => ({ file, path: pathOfFile(file, base) }));
}

/** The HTML files under `dir`, relative to it with forward slashes. */
export function listHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'));
}
