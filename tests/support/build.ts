/** Runs the real `astro build` on a content tree, as `npm run build` would. */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ASTRO_BIN, astroEnv } from '../../scripts/lib/astro.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
/** Where test builds write: inside the project (see astroBuild), ignored by Git. */
export const BUILDS_DIR = path.join(PROJECT, '.cache/test-builds');

export interface BuildResult {
  code: number | null;
  /** stdout and stderr, as the terminal shows them. */
  output: string;
  outDir: string;
  /** The project folder the build ran in (a copy, see projectCopy): messages show paths relative to it. */
  root: string;
  /** The folder holding all of the build; remove it when done (`removeBuild`). */
  workDir: string;
}

/** What a build needs of the project; node_modules is linked, not copied. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * A project folder of its own for one Astro run, in `dir`. Astro keeps files
 * of the run in <root>/.astro/ (the content modules and image imports the
 * build bundles), so two builds in one folder, or a build beside
 * `astro dev`, overwrite each other's: a build of one tree would bundle the
 * entries of another.
 */
export function projectCopy(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) cpSync(path.join(PROJECT, name), path.join(dir, name), { recursive: true });
  symlinkSync(path.join(PROJECT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface BuildOptions {
  contentDir: string;
  /** HUB_NOW. */
  now: string;
  /** Where the build writes (dist/ and Astro's cache). Default: a new folder under .cache/test-builds/. */
  workDir?: string;
  /** The share-card cache (HUB_CARD_CACHE). Default: an empty one of this build's own. */
  cardCache?: string;
  /** Card threads (HUB_CARD_THREADS). Default: one per core. */
  cardThreads?: number;
  /** Files written into the copy's public/ folder (path under public/ → contents), e.g. a Decap upload. */
  publicFiles?: Record<string, string | Buffer>;
  /**
   * Builds again in the project copy and Astro cache a build in `workDir` left: the next build of the
   * same site, for Astro's incremental build (it hashes modules named by their paths, and some name
   * the output folder, so both must be the same). Move the last build's dist/ away first to keep it.
   */
  again?: boolean;
}

/** Where a build in `workDir` puts its project copy and its output. */
export function buildFolders(workDir: string): Pick<BuildResult, 'workDir' | 'root' | 'outDir'> {
  const root = path.join(workDir, 'project');
  // Inside the project: Astro puts a build's prerender chunks in <outDir>/.prerender only when
  // outDir is under the working directory, otherwise in a shared folder.
  return { workDir, root, outDir: path.join(root, 'dist') };
}

export function astroBuild(options: BuildOptions): Promise<BuildResult> {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const { workDir, root, outDir } = buildFolders(options.workDir ?? mkdtempSync(path.join(BUILDS_DIR, 'hub-build-')));
  if (!options.again) projectCopy(root);
  for (const [relative, data] of Object.entries(options.publicFiles ?? {})) {
    mkdirSync(path.dirname(path.join(root, 'public', relative)), { recursive: true });
    writeFileSync(path.join(root, 'public', relative), data);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build'], {
      cwd: root,
      // A process group of its own, so that a build that overruns is stopped with everything it started.
      detached: true,
      env: astroEnv({
        HUB_CONTENT_DIR: options.contentDir,
        HUB_NOW: options.now,
        // Not Astro's default under node_modules/, which the copies share.
        HUB_CACHE_DIR: path.join(workDir, 'astro-cache'),
        HUB_CARD_CACHE: options.cardCache ?? path.join(workDir, 'cards'),
        HUB_CARD_THREADS: options.cardThreads ? String(options.cardThreads) : undefined,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      }),
    });
    let output = '';
    let ended = false;
    const end = (code: number | null, note = '') => {
      if (ended) return;
      ended = true;
      clearTimeout(deadline);
      clearTimeout(draining);
      resolve({ code, output: output + note, outDir, root, workDir });
    };
    const stopGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    // A build that has not ended in time is stopped, and its test fails with what it printed, instead of waiting on it.
    const deadline = setTimeout(() => {
      stopGroup();
      end(null, `\nthe test build was stopped after ${BUILD_DEADLINE_MS / 1000} s without ending (tests/support/build.ts)`);
    }, BUILD_DEADLINE_MS);
    let draining: ReturnType<typeof setTimeout> | undefined;
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    // Astro has exited: its output is whole once its pipes close, unless a process it started holds them open.
    child.on('exit', (code) => {
      draining = setTimeout(() => {
        stopGroup();
        end(code, `\n(a process the build started still held its output ${DRAIN_MS / 1000} s after it exited, and was stopped)`);
      }, DRAIN_MS);
    });
    child.on('close', (code) => end(code));
  });
}

/** How long a test build may run: the slowest takes about a minute on two cores beside the other builds. */
const BUILD_DEADLINE_MS = 360_000;
/** How long the output of an exited build may stay open. */
const DRAIN_MS = 5_000;

export function removeBuild(build: Pick<BuildResult, 'workDir'> | undefined): void {
  if (build) rmSync(build.workDir, { recursive: true, force: true });
}

/** A stack trace line (`    at fn (file:1:2)`): a build's report must have none. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Every file under `dir`, relative, with forward slashes. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}
