/**
 * The pages Astro copied from the last build instead of rendering them
 * (its incremental build: src/views/page-key.ts), handed to the page
 * listeners like the rendered ones, read once from dist/ when rendering is
 * done, so the search index, the security headers and the service worker
 * each know every page without reading dist/ again themselves. Its
 * build:done hook must run before theirs, while they still listen.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChannel, onRenderedPage } from '../lib/build-channel.ts';
import type { HubPart } from './part.ts';
import { outputFileOf } from './rendered-pages.ts';

/** The URL path of an HTML file of dist/ (`share/x/index.html` → `/base/share/x/`). */
export function pathOfFile(file: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

/** The HTML files of dist/ that were not handed over while Astro rendered, relative to it, sorted. */
export function notHandedOver(dir: string, handed: ReadonlySet<string>): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !handed.has(file))
    .sort();
}

export function copiedPages(): HubPart {
  let base = '/';
  const handed = new Set<string>();
  let stopListening: (() => void) | undefined;
  return {
    name: 'hub:copied-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': () => {
        handed.clear();
        stopListening = onRenderedPage(({ pathname }) => {
          const file = outputFileOf(pathname, base);
          if (file) handed.add(file);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening?.();
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const files = notHandedOver(outDir, handed);
        handed.clear();
        const listeners = [...buildChannel().pageListeners];
        for (const file of files) {
          const page = { pathname: pathOfFile(file, base), html: readFileSync(path.join(outDir, file), 'utf8'), status: 200, copied: true };
          await Promise.all(listeners.map((listen) => listen(page)));
        }
        if (files.length)
          logger.info(
            `${files.length} page(s) not rendered in this build (copied from the last one, or not a route's own file) read from dist/ in ${((performance.now() - started) / 1000).toFixed(2)} s`,
          );
      },
    },
  };
}
