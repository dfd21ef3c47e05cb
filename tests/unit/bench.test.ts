/**
 * The benchmark's own parts (scripts/bench/): the synthetic corpus is valid
 * and realistic at a small size, and the memory poller reads /proc right.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { unpublishedReason } from '../../src/lib/publish.ts';
import { DEFAULT_NOW, PROPORTIONS, countsFor, generateCorpus, writeCorpus } from '../../bench/scale/corpus.ts';
import { descendants, parseChildrenCpuTicks, parseComm, parseCpuTicks, parsePpid, parseStatus, runMeasured } from '../../bench/scale/measure.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('synthetic corpus', () => {
  const corpus = writeCorpus(dir, { entries: 300, seed: 7 });
  const check = checkContent({ root: dir, now: DEFAULT_NOW });
  const frontMatter = (file: string) => load(readFileSync(path.join(dir, file), 'utf8').split('---\n')[1]!) as Record<string, unknown>;
  const of = (collection: string) => corpus.files.filter((f) => f.path.startsWith(`${collection}/`));

  it('passes the content check with no errors', () => {
    const errors = check.problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
    expect(check.entries).toHaveLength(300);
  });

  it('fills every collection, mostly with snippets, in the order of a grown hub', () => {
    expect(Object.keys(corpus.counts).sort()).toEqual([...COLLECTIONS].sort());
    const order = Object.entries(PROPORTIONS)
      .sort((a, b) => b[1] - a[1])
      .map(([c]) => corpus.counts[c as keyof typeof corpus.counts]);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(corpus.counts.snippets).toBeGreaterThan(300 / 2);
    expect(countsFor(10_000)).toMatchObject({ snippets: 6400, articles: 1800, people: 1000 });
  });

  it('counts as published exactly what the publish filter publishes, with drafts, scheduled and expired entries among the rest', () => {
    for (const collection of COLLECTIONS) {
      expect(check.entries.filter((e) => e.collection === collection && e.published)).toHaveLength(corpus.published[collection]);
    }
    const reasons = new Set(check.entries.map((e) => unpublishedReason(e.data, DEFAULT_NOW)));
    expect(reasons).toEqual(new Set([undefined, 'draft', 'scheduled', 'expired']));
  });

  it('gives every snippet 2 to 4 variants, and uses every kind of reference', () => {
    const snippets = of('snippets').map((f) => frontMatter(f.path));
    expect(snippets.every((s) => (s.variants as unknown[]).length >= 2 && (s.variants as unknown[]).length <= 4)).toBe(true);
    expect(snippets.some((s) => s.campaign)).toBe(true);
    expect(of('articles').every((f) => frontMatter(f.path).author)).toBe(true);
    expect(of('training').some((f) => (frontMatter(f.path).requires as unknown[]).length > 0)).toBe(true);
    const tracks = of('tracks').map((f) => frontMatter(f.path));
    expect(tracks.some((t) => t.mentor)).toBe(true);
    expect(tracks.some((t) => (t.steps as { ref?: string }[]).some((step) => step.ref))).toBe(true);
    expect(corpus.files.some((f) => /\]\(\/(share|articles|guidelines)\/[a-z0-9-]+\/\)/.test(f.text))).toBe(true);
  });

  it('uses its commonest phrase about as often as the sample hub does (0.5% of words)', () => {
    const text = corpus.files.map((f) => f.text).join('\n');
    const share = (text.match(/heat pump/gi) ?? []).length / text.split(/\s+/).length;
    expect(share).toBeGreaterThan(0.003);
    expect(share).toBeLessThan(0.008);
  });

  it('writes articles far longer than snippets', () => {
    const words = (collection: string) => of(collection).reduce((sum, f) => sum + f.text.split('---\n')[2]!.split(/\s+/).length, 0) / of(collection).length;
    expect(words('articles')).toBeGreaterThan(500);
    expect(words('snippets')).toBeLessThan(250);
  });

  it('is the same for the same seed and differs for another', () => {
    const again = generateCorpus({ entries: 300, seed: 7 });
    expect(again.files).toEqual(corpus.files);
    expect(generateCorpus({ entries: 300, seed: 8 }).files).not.toEqual(corpus.files);
  });
});

describe('memory poller', () => {
  it('reads resident memory and its high-water mark from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\nThreads:\t7\n';
    expect(parseStatus(status)).toEqual({ rss: 256 * 1024 * 1024, hwm: 512 * 1024 * 1024 });
  });

  it('finds the parent pid and CPU ticks even when the command name holds spaces and parentheses', () => {
    const stat = '4242 (node (worker) x) S 4100 4242 4100 0 -1 4194560 1000 0 0 0 730 95 12 3 20 0 11 0 5000 1 2';
    expect(parsePpid(stat)).toBe(4100);
    expect(parseCpuTicks(stat)).toBe(730 + 95);
    expect(parseChildrenCpuTicks(stat)).toBe(12 + 3);
    expect(parseComm(stat)).toBe('node (worker) x');
  });

  it('collects a whole process tree', () => {
    const parents = new Map([
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 9],
      [6, 4],
    ]);
    expect(descendants(2, parents).sort()).toEqual([2, 3, 4, 6]);
  });

  it.runIf(process.platform === 'linux')('measures the wall time and peak memory of a command and of the process it starts', async () => {
    // The child starts a grandchild that holds 120 MB for half a second.
    const grandchild = 'const b = Buffer.alloc(120 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 500);';
    const child = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' });`;
    const run = await runMeasured(process.execPath, ['-e', child], { pollMs: 20 });
    expect(run.code).toBe(0);
    expect(run.output.trim()).toBe('1');
    expect(run.wallMs).toBeGreaterThanOrEqual(500);
    expect(run.peakRss!).toBeGreaterThan(120 * 1024 * 1024);
    expect(run.mainHwm!).toBeLessThan(120 * 1024 * 1024);
    // The command itself is "build"; the grandchild is listed under its own program name (Node calls its thread MainThread).
    const { build, ...others } = run.byProgram!;
    expect(build!.hwm).toBeGreaterThan(0);
    expect(build!.hwm).toBeLessThan(120 * 1024 * 1024);
    expect(Math.max(...Object.values(others).map((p) => p.hwm))).toBeGreaterThan(120 * 1024 * 1024);
    expect(run.cpuMs!).toBeGreaterThan(0);
    expect(run.cpuMs!).toBeLessThan(run.wallMs * 4);
  });
});
