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
 * Each collection is V8's "last resort" one, which also gives back the pages
 * V8 keeps for reuse: after rendering 10,000 entries a plain full collection
 * left 1.4 GB resident for 420 MB of live objects, 785 MB of it in V8's
 * 256 KB pages; the last-resort one left 1.06 GB, 336 MB of them, just before
 * the indexer needs its 1.5 GB. While pages render it keeps the build at
 * 1.3 GB instead of 1.9 (cold) while the card workers draw. It costs about
 * twice the time: 4.7 s for ten at 10,000 entries instead of 2.1 s
 * (docs/benchmarks.md, sixth pass).
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
  const collect = () => {
    if (!gc) return;
    const start = performance.now();
    gc(LAST_RESORT);
    report.ms += performance.now() - start;
    report.collections++;
    const usage = process.memoryUsage();
    report.liveBytes = usage.heapUsed;
    report.rssBytes = usage.rss;
  };
  return {
    report,
    collect,
    page() {
      if (++pages % every === 0) collect();
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
