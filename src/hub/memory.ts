/**
 * Keeps the build's memory near what it uses (`astro build` only).
 *
 * While Astro renders thousands of pages, V8 lets its heap grow to about
 * twice what is alive before it collects in full: at 10,000 entries the
 * build's process held 2.9 GB, of which about 700 MB was alive
 * (docs/benchmarks.md, "Memory"). The search indexer peaks at the end, while
 * that memory is still held, so the two add up. This part collects garbage
 * in full before Vite bundles the site (what reading the content left
 * behind), every COLLECT_EVERY rendered pages, and once more before the
 * other parts' build-done work (the search index is written then), and logs
 * what it cost. A hub of a few hundred pages is collected only at the start
 * and the end.
 *
 * The collections before Vite bundles and at the end are V8's "last
 * resort" ones, which also give back the pages V8 keeps for reuse: after
 * rendering 10,000 entries a plain full collection left 1.4 GB resident for
 * 420 MB of live objects, 785 MB of it in V8's 256 KB pages; the last-resort
 * one left 1.06 GB, 336 MB of them, just before the indexer needs its
 * 1.5 GB. They cost about twice the time of plain ones (0.45 s against
 * 0.2 s each at 10,000 entries), so the collections while pages render are
 * plain: the build then stays at 0.95-1.2 GB beside Pagefind reading and,
 * in a cold build, the card workers, which are processes of their own
 * (docs/benchmarks.md, seventh pass).
 *
 * The collector is V8's own (`--expose-gc`, set at run time); where it
 * cannot be reached the part does nothing and the build goes on.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { onRenderedPage } from '../lib/build-channel.ts';
import type { HubPart } from './part.ts';

/** Rendered pages between two full collections. */
export const COLLECT_EVERY = 1000;

/**
 * V8's collector as `--expose-gc` gives it: a full collection when called
 * without options; `flavor: 'last-resort'` collects until nothing more can be
 * freed and releases the pages V8 pooled (a V8 that does not know an option
 * ignores it and collects in full).
 */
export type Collector = (options?: { type: 'major'; execution: 'sync'; flavor?: 'regular' | 'last-resort' }) => void;

/** The options of the collection that leaves the least memory resident. */
export const LAST_RESORT = { type: 'major', execution: 'sync', flavor: 'last-resort' } as const;

/** A plain full collection, which keeps the emptied pages for reuse. */
export const FULL = { type: 'major', execution: 'sync', flavor: 'regular' } as const;

/** V8's full collection, or undefined where it cannot be exposed. */
export function fullCollector(): Collector | undefined {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as Collector;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Collector) : undefined;
  } catch {
    return undefined;
  }
}

export interface MemoryReport {
  collections: number;
  ms: number;
  /** Heap in use after the last collection. */
  liveBytes: number;
  /** Resident memory of the process after the last collection. */
  rssBytes: number;
}

/** Counts rendered pages and collects every `every` of them; `collect()` collects now. */
export function memoryKeeper(gc: Collector | undefined, every = COLLECT_EVERY) {
  const report: MemoryReport = { collections: 0, ms: 0, liveBytes: 0, rssBytes: 0 };
  let pages = 0;
  const collect = (options: Parameters<Collector>[0] = LAST_RESORT) => {
    if (!gc) return;
    const start = performance.now();
    gc(options);
    report.ms += performance.now() - start;
    report.collections++;
    const usage = process.memoryUsage();
    report.liveBytes = usage.heapUsed;
    report.rssBytes = usage.rss;
  };
  return {
    report,
    collect,
    /** Counts a rendered page; every `every` pages, a plain full collection. */
    page() {
      if (++pages % every === 0) collect(FULL);
    },
  };
}

const MB = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

export function memory(): HubPart {
  let keeper: ReturnType<typeof memoryKeeper> | undefined;
  let stopListening: (() => void) | undefined;
  return {
    name: 'hub:memory',
    hooks: {
      'astro:build:start': () => {
        keeper = memoryKeeper(fullCollector());
        // Before Vite bundles the site, the build's largest moment before this (2.1-2.7 GB at 10,000 entries, 1.5 GB after).
        keeper.collect();
        const counting = keeper;
        stopListening = onRenderedPage(() => counting.page());
      },
      'astro:build:done': ({ logger }) => {
        stopListening?.();
        if (!keeper) return;
        keeper.collect();
        const { collections, ms, liveBytes, rssBytes } = keeper.report;
        if (collections) logger.info(`${collections} full garbage collections in ${(ms / 1000).toFixed(1)} s; ${MB(liveBytes)} of heap in use, ${MB(rssBytes)} resident`);
        else logger.info('garbage collection could not be reached; the build used the default collector');
      },
    },
  };
}
