/**
 * The pages Astro copied from the last build instead of rendering them
 * (its incremental build: src/views/page-key.ts), handed to the page
 * listeners like the rendered ones, read once from dist/ when rendering is
 * done, so the search index, the security headers and the service worker
 * each know every page without reading dist/ again themselves. Its
 * build:done hook must run before theirs, while they still listen.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChannel, onRenderedPage } from '../lib/build-channel.ts';
import type { HubPart } from './part.ts';
import { htmlFiles, outputFileOf } from './rendered-pages.ts';

/** Pages being read at once, ahead of the one the listeners take. */
const READ_AHEAD = 16;

/** The HTML files of dist/ that were not handed over while Astro rendered, relative to it, sorted, with their URL paths. */
export function notHandedOver(dir: string, handed: ReadonlySet<string>, base = '/'): { file: string; path: string }[] {
  return htmlFiles(dir, base)
    .filter(({ file }) => !handed.has(file))
    .sort((a, b) => a.file.localeCompare(b.file));
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
        const files = notHandedOver(outDir, handed, base);
        handed.clear();
        const listeners = [...buildChannel().pageListeners];
        // Read ahead in Node's I/O threads while the listeners take the pages in order (a third faster than reading each in turn).
        const reads = new Map<number, Promise<string>>();
        const readAhead = (at: number) => {
          if (at < files.length && !reads.has(at)) reads.set(at, readFile(path.join(outDir, files[at]!.file), 'utf8'));
        };
        for (let at = 0; at < READ_AHEAD; at++) readAhead(at);
        for (let at = 0; at < files.length; at++) {
          readAhead(at + READ_AHEAD);
          const html = await reads.get(at)!;
          reads.delete(at);
          const page = { pathname: files[at]!.path, html, status: 200, copied: true };
          await Promise.all(listeners.map((listen) => listen(page)));
        }
        if (files.length)
          logger.info(
            `${files.length} page(s) read from dist/ that were not handed over as they rendered (copied from the last build, or written without the hub's middleware, like 404.html) in ${((performance.now() - started) / 1000).toFixed(2)} s`,
          );
      },
    },
  };
}
