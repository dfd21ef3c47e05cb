/**
 * Renders many cards at once: a content-hash cache on disk that survives
 * between builds, and worker processes (one per core) for the cards it misses.
 *
 * Processes, not worker threads: a thread's memory stays with the build once
 * the thread has ended (its V8 pages, the allocators of resvg and glibc keep
 * what they freed), and the search index is written at the end of the build,
 * when the build holds the most. After drawing 9,080 cards on two threads the
 * build kept 650 MB more than a build that drew none; a process gives all of
 * it back when it ends.
 *
 * The key of a card is the hash of everything that decides its pixels: the
 * renderer's fingerprint (template and renderer sources, satori/resvg/sharp
 * versions), the hashes of the font files the card's text needs (fonts.ts:
 * a new CJK font redraws the cards with CJK text, not the English ones) and
 * the card's spec (words, colours, image hashes).
 * An unchanged card is never drawn again; a changed template draws them all.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { constants, copyFileSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { FontIndex } from './fonts.ts';
import type { CardSpec } from './spec.ts';
import { packageVersion, rememberedValues } from '../files.ts';
import { drawable } from './text.ts';

/** Sources outside src/lib/cards that the template and renderer import. */
const SHARED_SOURCES = ['../color.ts', '../labels.ts'];
const PACKAGES = ['satori', '@resvg/resvg-js', 'sharp'];
/** Cache files unused for this long are deleted at the end of a batch. */
const KEEP_DAYS = 30;
/** A card in use is marked so (its time set to now) when its time is older than this. */
const TOUCH_AFTER_MS = 24 * 60 * 60 * 1000;

export interface BatchOptions {
  /** Where PNGs are kept between builds. */
  cacheDir: string;
  /** The folder holding the renderer's sources (src/lib/cards), unbundled: the workers run from it. */
  sourceDir: string;
  /** Worker processes drawing at once. Default: one per core. */
  threads?: number;
  /** The batch's name among those sharing the cache (a language's build): its fonts are remembered apart. */
  name?: string;
}

export interface BatchResult {
  /** Card id → its PNG in the cache. */
  files: Map<string, string>;
  /** Cards drawn by this batch. */
  rendered: number;
  /** Cards found in the cache. */
  cached: number;
}

export interface WorkerJob {
  spec: CardSpec;
  /** Where the worker writes the PNG. */
  file: string;
}

export type WorkerReply = { ok: true } | { ok: false; error: string };

/** The name a card worker gives itself (process.title), as `ps` and /proc/<pid>/stat show it. */
export const WORKER_TITLE = 'hub-card-worker';

/** The hash of the renderer itself: change any of it and every key changes. */
export function rendererFingerprint(sourceDir: string): string {
  const hash = createHash('sha256');
  const sources = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of [...sources, ...SHARED_SOURCES]) hash.update(name).update(readFileSync(path.join(sourceDir, name)));
  const require = createRequire(path.join(sourceDir, 'index.js'));
  for (const pkg of PACKAGES) hash.update(`${pkg}@${packageVersion(require.resolve(pkg), pkg)}`);
  return hash.digest('hex');
}

/** The thumbnail kept next to a card in the cache (and in dist/og/): `<key>.thumb.png`. */
export function thumbFile(cardFile: string): string {
  return cardFile.replace(/\.png$/, '.thumb.png');
}

/** The cache key of one card: what it shows and the font files it is drawn with (`fonts`), not where it is served or where its images lie. */
export function cardKey(spec: CardSpec, fingerprint: string, fonts = ''): string {
  const { id: _id, ...shown } = spec;
  const json = JSON.stringify(shown, (key, value) => (key === 'file' ? undefined : value));
  return createHash('sha256').update(fingerprint).update('\n').update(fonts).update('\n').update(json).digest('hex').slice(0, 40);
}

/** The identity of the font files a card's words need (the same choice the renderer makes, on the same words). */
export function cardFonts(spec: CardSpec, index: FontIndex): string {
  const words = cardWords(spec).map((text) => drawable(text.normalize('NFC'), (point) => index.canDraw(point)).text);
  return index.identity(index.facesFor(words));
}

/** The words of a card, which alone decide its fonts. */
function cardWords(spec: CardSpec): string[] {
  return [spec.eyebrow, spec.title, spec.text, spec.person?.name, spec.person?.role, spec.footer, spec.brand.hub].map((text) => text ?? '');
}

/** The cards' fonts as the last batch chose them, by their words, in the card cache (`version`: the renderer's and the fonts'). */
const FONT_CHOICES_FILE = 'font-choices.json';

/**
 * `cardFonts`, remembered between builds: looking at every character of
 * 10,000 cards' words to choose their fonts took a second of a build that
 * drew nothing. Choices are kept under the renderer's fingerprint and the
 * font packages' signature, and only for cards of the last batch.
 */
export function rememberedFonts(cacheDir: string, version: string, index: FontIndex, name = '') {
  const file = path.join(cacheDir, name ? FONT_CHOICES_FILE.replace(/\.json$/, `.${name.replace(/[^\w-]/g, '_')}.json`) : FONT_CHOICES_FILE);
  const chosen = rememberedValues<string>(file, version);
  return {
    of: (spec: CardSpec): string =>
      chosen.of(
        createHash('sha256')
          .update(JSON.stringify(cardWords(spec)))
          .digest('base64url'),
        () => cardFonts(spec, index),
      ),
    keep: chosen.keep,
  };
}

export async function renderCards(specs: readonly CardSpec[], options: BatchOptions): Promise<BatchResult> {
  mkdirSync(options.cacheDir, { recursive: true });
  const fingerprint = rendererFingerprint(options.sourceDir);
  const fonts = new FontIndex(path.join(options.sourceDir, 'index.js'));
  const files = new Map<string, string>();
  const jobs = new Map<string, WorkerJob>();
  let cached = 0;
  const now = new Date();
  const chosen = rememberedFonts(options.cacheDir, `${fingerprint}\n${fonts.signature()}`, fonts, options.name);
  const stale = now.getTime() - TOUCH_AFTER_MS;
  for (const spec of specs) {
    const file = path.join(options.cacheDir, `${cardKey(spec, fingerprint, chosen.of(spec))}.png`);
    files.set(spec.id, file);
    const card = statSync(file, { throwIfNoEntry: false });
    const thumb = card && statSync(thumbFile(file), { throwIfNoEntry: false });
    if (card && thumb) {
      cached++;
      // In use: keep them past the clean-up below (touched once a day, not on every build).
      if (card.mtimeMs < stale) utimesSync(file, now, now);
      if (thumb.mtimeMs < stale) utimesSync(thumbFile(file), now, now);
    } else if (!jobs.has(file)) {
      jobs.set(file, { spec, file });
    }
  }
  await runWorkers([...jobs.values()], path.join(options.sourceDir, 'worker.ts'), options.threads ?? availableParallelism());
  chosen.keep();
  removeUnused(options.cacheDir, now);
  return { files, rendered: specs.length - cached, cached };
}

/**
 * Hands the jobs to `threads` worker processes, each taking the next job when
 * it is done. A worker that is done is ended with SIGTERM: its files are
 * already in place (it replies after renaming them), and a signal ends it
 * without Node's exit, which can hang on Node 24 (safe-exit.ts).
 */
async function runWorkers(jobs: WorkerJob[], workerFile: string, threads: number): Promise<void> {
  if (jobs.length === 0) return;
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = fork(workerFile, [], {
        execArgv: [...process.execArgv, '--expose-gc'],
        env: workerEnv(process.env),
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      let current: WorkerJob | undefined;
      let failure: Error | undefined;
      let ending = false;
      const end = (error?: Error) => {
        failure ??= error;
        ending = true;
        worker.kill();
      };
      const feed = () => {
        current = jobs[next++];
        if (current) worker.send(current);
        else end();
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.ok) return feed();
        next = jobs.length; // stop the other workers after their current card
        end(new Error(`share card ${current?.spec.id} could not be drawn: ${reply.error}`));
      });
      // 'exit' may not follow an 'error' (a process that could not start).
      worker.on('error', (error) => {
        end(error);
        reject(error);
      });
      worker.on('exit', (code, signal) => {
        if (failure) return reject(failure);
        if (ending) return resolve();
        next = jobs.length;
        reject(new Error(`a share card worker stopped (${code === null ? signal : `exit code ${code}`}) while drawing ${current?.spec.id ?? 'no card'}`));
      });
      worker.once('spawn', feed);
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, one));
}

/**
 * The environment of a card worker: the build's, without a mimalloc purge
 * delay. The build may set MIMALLOC_PURGE_DELAY=0 so that Vite's bundler
 * gives back what it freed (scripts/lib/astro.ts); resvg allocates with
 * mimalloc too, and draws a fifth slower with it.
 */
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { MIMALLOC_PURGE_DELAY: _purge, ...rest } = env;
  return rest;
}

function removeUnused(cacheDir: string, now: Date) {
  const limit = now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000;
  // Only the cache's own files: HUB_CARD_CACHE might point at a folder that holds others.
  for (const name of readdirSync(cacheDir).filter((n) => /^[0-9a-f]{40}(?:\.thumb)?\.png(?:\..+\.tmp)?$/.test(n))) {
    const file = path.join(cacheDir, name);
    if (statSync(file).mtimeMs < limit) rmSync(file, { force: true });
  }
}

/**
 * Puts the cards of a build into the built site: `<outDir>/og/<id>.png` and
 * its `.thumb.png` for every card but the hub's (its route writes the card),
 * instead of sending 10,000 PNGs through Astro's endpoint pipeline. They are
 * hard links to the cache files where the file system allows (copying 500 MB
 * of cards took 6 s at 10,000 entries); the cache never changes a file in
 * place (it writes a new one and renames it), so the site's files cannot
 * change under it. Returns how many cards were written.
 */
export function copyCards(files: ReadonlyMap<string, string>, outDir: string): number {
  const made = new Set<string>();
  let copied = 0;
  for (const [id, file] of files) {
    if (id === 'hub') continue;
    const target = path.join(outDir, 'og', `${id}.png`);
    const folder = path.dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    place(file, target);
    place(thumbFile(file), thumbFile(target));
    copied++;
  }
  return copied;
}

/** A hard link at `target` to `file`, or a copy across file systems or where links are not allowed. */
function place(file: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(file, target);
  } catch {
    copyFileSync(file, target, constants.COPYFILE_FICLONE);
  }
}
