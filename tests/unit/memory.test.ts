/**
 * The build's memory keeper (src/hub/memory.ts): V8's full collector can be
 * reached at run time and frees what nothing holds; the keeper collects
 * every N rendered pages and reports what it found.
 */
import { describe, expect, it } from 'vitest';
import { COLLECT_EVERY, FULL, LAST_RESORT, fullCollector, memoryKeeper } from '../../src/hub/memory.ts';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('fullCollector', () => {
  it('reaches V8’s collector, which frees an object nothing holds, in full and as a last resort', async () => {
    const gc = fullCollector();
    expect(gc).toBeTypeOf('function');
    for (const options of [undefined, FULL, LAST_RESORT]) {
      const ref = (() => new WeakRef({ payload: new Array(1000).fill('x') }))();
      // A WeakRef keeps its target for the rest of the task that made it.
      await nextTask();
      if (options) gc!(options);
      else gc!();
      expect(ref.deref()).toBeUndefined();
    }
  });
});

describe('memoryKeeper', () => {
  it('collects in full every N pages, as a last resort when asked, and reports the heap in use after the last', () => {
    const calls: unknown[] = [];
    const keeper = memoryKeeper((options) => void calls.push(options), 3);
    for (let page = 0; page < 7; page++) keeper.page();
    expect(calls).toHaveLength(2);
    keeper.collect();
    expect(calls).toEqual([FULL, FULL, LAST_RESORT]);
    expect(keeper.report.collections).toBe(3);
    expect(keeper.report.liveBytes).toBeGreaterThan(0);
    expect(keeper.report.rssBytes).toBeGreaterThanOrEqual(keeper.report.liveBytes);
  });

  it('does nothing, and reports no collection, when the collector cannot be reached', () => {
    const keeper = memoryKeeper(undefined, 1);
    for (let page = 0; page < 5; page++) keeper.page();
    keeper.collect();
    expect(keeper.report.collections).toBe(0);
  });

  it('leaves a hub of a few hundred pages to the default collector', () => {
    let calls = 0;
    const keeper = memoryKeeper(() => void calls++);
    for (let page = 0; page < 500; page++) keeper.page();
    expect(COLLECT_EVERY).toBeGreaterThan(500);
    expect(calls).toBe(0);
  });
});
