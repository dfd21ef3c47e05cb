/** Runs the real `astro build` on a content tree, as `npm run build` would. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ASTRO_BIN, astroEnv } from '../../scripts/lib/astro.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
const BUILDS = path.join(PROJECT, '.cache/test-builds');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * `cardCache` is the share-card cache (HUB_CARD_CACHE); by default each build
 * gets its own empty one, so builds never see each other's cards.
 */
export function astroBuild(options: { contentDir: string; now: string; outDir?: string; cardCache?: string }): Promise<BuildResult> {
  // Inside the project: Astro puts a build's prerender chunks in <outDir>/.prerender only when
  // outDir is under the working directory, otherwise in the shared ./.astro/, where builds
  // running side by side (test files run in parallel) delete each other's chunks.
  mkdirSync(BUILDS, { recursive: true });
  const work = mkdtempSync(path.join(BUILDS, 'hub-build-'));
  const outDir = options.outDir ?? path.join(work, 'dist');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--outDir', outDir], {
      cwd: PROJECT,
      env: astroEnv({
        HUB_CONTENT_DIR: options.contentDir,
        HUB_NOW: options.now,
        HUB_CACHE_DIR: path.join(work, 'cache'),
        HUB_CARD_CACHE: options.cardCache ?? path.join(work, 'cards'),
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      }),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, outDir }));
  });
}

/** Every file under `dir`, relative, with forward slashes. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}
