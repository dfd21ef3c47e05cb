/**
 * The keys of the entry pages in Astro's incremental build, made of what
 * each page read of the content (src/views/page-key.ts), `astro build` only.
 *
 * A page's key is known before it renders only from what it read last time.
 * A page rendered in this build has noted what it read now, so Astro keeps
 * the key of that (`record` of its IncrementalBuildCache is wrapped to take
 * it), and the reads are kept in Astro's cache for the next build. Without
 * the wrapping (another version of Astro), a page whose reads changed would
 * render once more on the next build, and the log says so.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
import { buildChannel } from '../lib/build-channel.ts';
import { writeFileWhole } from '../lib/files.ts';
import { entryOfPath } from '../lib/urls.ts';
import { PAGE_READS_FILE, READS_FORMAT, pageOf } from '../lib/page-key.ts';
import type { HubPart } from './part.ts';

/** Entry pages rendered that the log names, at most. */
const NAMED_PAGES = 20;

type RecordPath = ((this: unknown, component: string, dependencyHash: string, pathname: string, cacheKey: string, ...rest: unknown[]) => unknown) & {
  /** Astro's own, when this is the hub's wrapping of it. */
  original?: RecordPath;
};

/**
 * Makes Astro keep, for each path rendered in this build, the key of what it read (`keyOf` of the
 * page's path, undefined for another path); returns whether Astro's cache could be wrapped.
 */
export async function keepRenderedKeys(keyOf: (pathname: string) => string | undefined): Promise<boolean> {
  let proto: { record?: RecordPath };
  try {
    const module = (await import(new URL('./core/build/incremental.js', import.meta.resolve('astro')).href)) as { IncrementalBuildCache?: { prototype: typeof proto } };
    proto = module.IncrementalBuildCache!.prototype;
  } catch {
    return false;
  }
  // Astro's record(component, dependencyHash, pathname, cacheKey, outputFile, …), wrapped once however many builds run.
  const original = proto.record?.original ?? proto.record;
  if (typeof original !== 'function' || original.length < 5) return false;
  const wrapped: RecordPath = function (this: unknown, component, dependencyHash, pathname, cacheKey, ...rest) {
    return original.call(this, component, dependencyHash, pathname, keyOf(pathname) ?? cacheKey, ...rest);
  };
  wrapped.original = original;
  proto.record = wrapped;
  return true;
}

export function pageKeys(): HubPart {
  let file: string | undefined;
  let base = '/';
  let wrapped = false;
  return {
    name: 'hub:page-keys',
    hooks: {
      'astro:config:done': ({ config }) => {
        file = fileURLToPath(new URL(PAGE_READS_FILE, config.cacheDir));
        base = config.base;
      },
      'astro:build:start': async () => {
        const channel = buildChannel();
        channel.pageReads = new AsyncLocalStorage();
        wrapped = await keepRenderedKeys((pathname) => {
          const entry = entryOfPath(pathname, base.replace(/\/?$/, '/'));
          return entry && channel.renderedKeys.get(pageOf(entry))?.key;
        });
      },
      'astro:build:done': async ({ logger }) => {
        const channel = buildChannel();
        channel.pageReads = undefined;
        if (!file) return;
        const pages: Record<string, string[]> = {};
        const rendered: string[] = [];
        // A page copied from the last build read what the last build kept of it (the pages read it to key themselves).
        for (const [page, { kept }] of [...channel.keyedPages].sort(([a], [b]) => (a < b ? -1 : 1))) {
          const now = channel.renderedKeys.get(page)?.reads;
          if (now) rendered.push(page);
          const reads = now ?? kept;
          if (reads) pages[page] = reads;
        }
        writeFileWhole(file, JSON.stringify({ format: READS_FORMAT, pages }));
        const total = channel.keyedPages.size;
        // A few are named: which pages an edit rendered again is what an editor wants to see.
        const named = rendered.length && rendered.length <= NAMED_PAGES ? `: ${rendered.join(', ')}` : '';
        logger.info(
          rendered.length === 0
            ? `0 of ${total} entry pages rendered: each was copied from the last build, nothing it shows having changed`
            : `${rendered.length} of ${total} entry pages rendered${named}; what each read is kept for the next build`,
        );
        if (!wrapped)
          logger.warn("Astro's incremental build could not be given the keys of what the pages read; a page whose reads changed renders once more on the next build");
      },
    },
  };
}
