/**
 * The build project's global setup: writes the named content trees and
 * builds every (tree, date) pair of tests/support/builds.ts once per run,
 * as many side by side as the machine has cores, and removes it all after
 * the run.
 *
 * It hands each build's folders to the tests at once (`provide('builds')`)
 * and lets the builds run on while the unit tests do, which take the cores
 * the builds leave idle; a build test waits for the build it reads
 * (`await built(name)` reads the report written when the build ends).
 *
 * No card is drawn twice in a run. The builds share one share-card cache,
 * except the two of the valid tree, which the card-cache test reads
 * (`ownCardCache`): the first starts from an empty cache of its own, the
 * second from the cache the first left (`cardsOf`).
 *
 * HUB_TEST_TIMINGS=1 prints how long each build took.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { BUILDS_DIR, astroBuild, buildFolders } from '../support/build.ts';
import { BUILDS, type BuildName, type BuildPlace, type BuildReport, type BuildSpec, TREES, type TreeName, type TreeSpec } from '../support/builds.ts';
import { copyTree } from '../support/fixtures.ts';

export default function setup(project: TestProject): () => Promise<void> {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const run = mkdtempSync(path.join(BUILDS_DIR, 'run-'));
  const sharedCards = path.join(run, 'cards');
  const trees = Object.fromEntries(
    Object.entries(TREES as Record<TreeName, TreeSpec>).map(([name, spec]) => [
      name,
      spec.files || spec.links ? withLinks(copyTree(spec.from, spec.files ?? {}, path.join(run, 'trees', name)), spec.links) : spec.from,
    ]),
  ) as Record<TreeName, string>;

  const specs = Object.entries(BUILDS) as [BuildName, BuildSpec][];
  const places = Object.fromEntries(
    specs.map(([name, spec]) => {
      if (spec.after) return [name, undefined];
      // Not the name itself: an "@" in the output path breaks the rendering of MDX entries.
      const workDir = path.join(run, `${spec.tree}-${spec.now}`);
      const place: BuildPlace = {
        ...buildFolders(workDir),
        contentDir: trees[spec.tree],
        cardCache: spec.ownCardCache ? path.join(workDir, 'cards') : sharedCards,
        report: path.join(workDir, 'report.json'),
      };
      return [name, place];
    }),
  ) as Record<BuildName, BuildPlace>;
  // The builds of one site one after the other (`after`) run in the same project copy; each one's dist/ is moved to a folder of its own when it ends.
  const followed = new Set(specs.map(([, spec]) => spec.after));
  const kept = (name: BuildName, place: BuildPlace) => ({ ...place, outDir: path.join(place.root, `dist-${name.replace(/[^\w-]/g, '-')}`) });
  for (const [name, spec] of specs) {
    if (spec.after) {
      const before = places[spec.after as BuildName];
      if (!before) throw new Error(`after: no build "${spec.after}" before "${name}" in tests/support/builds.ts`);
      places[name] = kept(name, { ...before, contentDir: trees[spec.tree], report: path.join(before.workDir, `${name.replace(/[^\w-]/g, '-')}.json`) });
    } else if (followed.has(name)) places[name] = kept(name, places[name]);
  }

  const slots = Math.max(1, availableParallelism());
  const started = Date.now();
  const ended = new Map<string, { promise: Promise<void>; resolve(): void }>(Object.keys(BUILDS).map((name) => [name, withResolvers()]));
  const build = async (name: BuildName, spec: BuildSpec) => {
    const place = places[name];
    mkdirSync(place.workDir, { recursive: true });
    let report: BuildReport = { code: null, output: '' };
    try {
      if (spec.after) {
        const before = ended.get(spec.after);
        if (!before) throw new Error(`after: no build "${spec.after}" in tests/support/builds.ts`);
        await before.promise;
      }
      for (const [relative, text] of Object.entries(spec.edit ?? {})) writeFileSync(path.join(place.contentDir, relative), text);
      if (spec.cardsOf) {
        const before = ended.get(spec.cardsOf);
        if (!before) throw new Error(`cardsOf: no build "${spec.cardsOf}" in tests/support/builds.ts`);
        await before.promise;
        linkCards(places[spec.cardsOf as BuildName].cardCache, place.cardCache);
      }
      const began = Date.now();
      // One card thread each: the builds already run side by side, one per core.
      const result = await astroBuild({
        contentDir: place.contentDir,
        now: spec.now,
        workDir: place.workDir,
        cardCache: place.cardCache,
        cardThreads: slots > 1 ? 1 : undefined,
        again: Boolean(spec.after),
      });
      if (spec.after || followed.has(name)) renameSync(result.outDir, place.outDir);
      report = { code: result.code, output: result.output };
      if (process.env.HUB_TEST_TIMINGS) console.log(`[build setup] ${name}: exit ${report.code} after ${((Date.now() - began) / 1000).toFixed(1)} s`);
    } catch (error) {
      report = { code: null, output: `${report.output}\nthe test build failed: ${(error as Error).stack}` };
    } finally {
      // Whole or not at all: a test waiting for it never reads half a report.
      writeFileSync(`${place.report}.tmp`, JSON.stringify(report));
      renameSync(`${place.report}.tmp`, place.report);
      ended.get(name)!.resolve();
    }
  };
  const building = inParallel(specs, slots, ([name, spec]) => build(name, spec)).then(() => {
    if (process.env.HUB_TEST_TIMINGS)
      console.log(`[build setup] ${Object.keys(BUILDS).length} builds in ${((Date.now() - started) / 1000).toFixed(1)} s on ${slots} slots`);
  });

  // Failures end up in the reports; this only keeps Node from calling a rejection unhandled before the teardown awaits it.
  building.catch(() => {});
  project.provide('builds', places);
  return async () => {
    await building;
    rmSync(run, { recursive: true, force: true });
  };
}

/** Makes the symbolic links of a tree (relative path → absolute target) in its copy `root`. */
function withLinks(root: string, links: Record<string, string> = {}): string {
  for (const [relative, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    symlinkSync(target, path.join(root, relative));
  }
  return root;
}

function withResolvers(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Puts the cards of `from` into the cache `to` without a moment where a
 * build reading `to` could see half a file: a hard link, or a copy renamed
 * into place (cache files never change in place, so sharing them is safe).
 */
function linkCards(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const target = path.join(to, name);
    if (existsSync(target)) continue;
    try {
      linkSync(path.join(from, name), target);
    } catch {
      copyFileSync(path.join(from, name), `${target}.seed.tmp`);
      renameSync(`${target}.seed.tmp`, target);
    }
  }
}

/** Runs `task` on every item, at most `slots` at a time, taking items in order. */
async function inParallel<T>(items: readonly T[], slots: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(slots, items.length) }, worker));
}
