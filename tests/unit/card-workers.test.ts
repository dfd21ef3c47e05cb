/**
 * The card batch's worker processes (src/lib/cards/batch.ts): each draws in a
 * process of its own, which ends when the batch is done, so what it used
 * goes back to the system before the build writes its search index; a card
 * that cannot be drawn, or a worker that dies, fails the batch with the card's
 * id instead of leaving the build waiting.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { treeMemory } from '../../bench/scale/measure.ts';
import { WORKER_TITLE, renderCards } from '../../src/lib/cards/batch.ts';
import type { CardSpec } from '../../src/lib/cards/spec.ts';

const sourceDir = path.resolve(import.meta.dirname, '../../src/lib/cards');

const spec = (id: string, extra: Partial<CardSpec> = {}): CardSpec => ({
  id,
  layout: 'entry',
  eyebrow: 'Snippet',
  title: `Heat pumps in the cold (${id})`,
  text: 'A line.',
  footer: 'Hub',
  brand: { hub: 'Hub', primary: '#0b5563', accent: '#f2a541' },
  ...extra,
});

/** This process's card workers (process.title names them), read from /proc. */
function cardWorkers(): number[] {
  return [...treeMemory(process.pid).comm].filter(([, name]) => name === WORKER_TITLE).map(([pid]) => pid);
}

/** Calls `seen` with the card workers alive every 20 ms until stopped. */
function watchWorkers(seen: (pids: number[]) => void): () => void {
  const timer = setInterval(() => seen(cardWorkers()), 20);
  return () => clearInterval(timer);
}

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'hub-card-workers-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

// Each worker loads the fonts and the renderer: seconds on a busy machine.
describe('card worker processes', { timeout: 60_000 }, () => {
  it('draw in processes of their own, all ended when the batch is done', async () => {
    let most = 0;
    const stop = watchWorkers((pids) => (most = Math.max(most, pids.length)));
    try {
      const result = await renderCards([spec('snippets/a'), spec('snippets/b'), spec('snippets/c')], { cacheDir, sourceDir, threads: 2 });
      expect(result.rendered).toBe(3);
      expect(readdirSync(cacheDir).filter((name) => name.endsWith('.png'))).toHaveLength(6);
    } finally {
      stop();
    }
    // Drawn outside this process, by no more workers than threads. Both are started at once, but on a loaded
    // machine the first can take every card before the second has loaded its fonts, which then ends at once:
    // seeing two alive together depended on timing (CI saw one).
    expect(most).toBeGreaterThanOrEqual(1);
    expect(most).toBeLessThanOrEqual(2);
    // Ended with the batch: a signal is delivered at once, the exit is reaped just after.
    await expect.poll(cardWorkers).toEqual([]);
  });

  it('start without the build’s mimalloc purge delay, which would slow resvg, and with the rest of its environment', async () => {
    const environments: string[][] = [];
    const stop = watchWorkers((pids) => {
      for (const pid of pids) {
        try {
          environments.push(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0'));
        } catch {
          // It ended while we looked.
        }
      }
    });
    const saved = { purge: process.env.MIMALLOC_PURGE_DELAY, thp: process.env.MIMALLOC_ALLOW_THP };
    process.env.MIMALLOC_PURGE_DELAY = '0';
    process.env.MIMALLOC_ALLOW_THP = '0';
    try {
      await renderCards([spec('snippets/a')], { cacheDir, sourceDir, threads: 1 });
    } finally {
      stop();
      for (const [name, value] of [
        ['MIMALLOC_PURGE_DELAY', saved.purge],
        ['MIMALLOC_ALLOW_THP', saved.thp],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(environments.length).toBeGreaterThan(0);
    for (const environment of environments) {
      expect(environment).toContain('MIMALLOC_ALLOW_THP=0');
      expect(environment.filter((entry) => entry.startsWith('MIMALLOC_PURGE_DELAY='))).toEqual([]);
    }
  });

  it('fail the batch with the card that could not be drawn and why, and leave no worker behind', async () => {
    const broken = spec('snippets/broken', {
      brand: { hub: 'Hub', primary: '#0b5563', accent: '#f2a541', logo: { file: path.join(cacheDir, 'no-such-logo.png'), sha256: 'x' } },
    });
    await expect(renderCards([broken], { cacheDir, sourceDir, threads: 1 })).rejects.toThrow(
      /^share card snippets\/broken could not be drawn: ENOENT: no such file or directory, .*no-such-logo\.png/,
    );
    await expect.poll(cardWorkers).toEqual([]);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('fail the batch, naming the card, when a worker dies', async () => {
    const stop = watchWorkers((pids) => {
      for (const pid of pids) process.kill(pid, 'SIGKILL');
    });
    try {
      await expect(renderCards([spec('snippets/a')], { cacheDir, sourceDir, threads: 1 })).rejects.toThrow(
        'a share card worker stopped (SIGKILL) while drawing snippets/a',
      );
    } finally {
      stop();
    }
  });
});
