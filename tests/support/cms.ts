/**
 * `npm run cms` (astro dev + decap-server) for browser tests, on free ports,
 * editing a temporary copy of a content tree (a Git repository, so a test
 * can read `git diff` of what Decap wrote). The real content/ is never
 * written. One module for every CMS test (forms, save check, creation).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { PROJECT } from './build.ts';
import { freePort, waitFor } from './ports.ts';

export interface LocalCms {
  /** The temporary repository; its content/ is what the CMS edits. */
  repo: string;
  /** That content/ folder. */
  content: string;
  /** The dev server's origin, e.g. http://127.0.0.1:43117. */
  base: string;
  browser: Browser;
  /** What the two servers printed. */
  log(): string;
  /** `git diff` of one file of the temporary repository against its first commit. */
  diff(file: string): string;
  /** `git status --porcelain` of the temporary repository, one line a file ("?? content/x.md", " M content/y.md"). */
  status(): string[];
  /** Closes the browser, stops both servers and removes the repository. */
  stop(): Promise<void>;
}

/** The environment minus what Vitest sets (NODE_ENV=test, MODE, …), which would change how astro dev runs. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key)) delete env[key];
  return env;
}

const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=CMS test', '-c', 'user.email=cms@test.invalid', ...args], { encoding: 'utf8' });

/** Starts the local CMS on a copy of `contentTree`, publishing as of `now`; resolves once both servers answer. */
export async function startCms(contentTree: string, now = '2026-11-22'): Promise<LocalCms> {
  const repo = mkdtempSync(path.join(tmpdir(), 'hub-cms-'));
  const content = path.join(repo, 'content');
  cpSync(contentTree, content, { recursive: true });
  git(repo, 'init', '--quiet');
  git(repo, 'add', 'content');
  git(repo, 'commit', '--quiet', '-m', 'content as copied');
  const [devPort, proxyPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${devPort}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/cms.ts'], {
    cwd: PROJECT,
    detached: true,
    env: {
      ...cleanEnv(),
      HUB_CONTENT_DIR: content,
      HUB_CMS_ROOT: repo,
      HUB_DEV_PORT: String(devPort),
      HUB_CMS_PORT: String(proxyPort),
      HUB_NOW: now,
      HUB_CACHE_DIR: path.join(repo, '.astro-cache'),
    },
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const stopServers = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    rmSync(repo, { recursive: true, force: true });
  };
  let browser: Browser;
  try {
    await waitFor(`${base}/admin/config.yml`, 90_000);
    await waitFor(`http://127.0.0.1:${proxyPort}/api/v1`, 30_000, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action":"info","params":{}}',
    });
    browser = await launchChromium();
  } catch (error) {
    stopServers();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return {
    repo,
    content,
    base,
    browser,
    log: () => log,
    diff: (file) => git(repo, 'diff', '--no-color', '--unified=0', '--', file),
    status: () => git(repo, 'status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean),
    async stop() {
      await browser.close();
      stopServers();
    },
  };
}

/** Opens `hash` of /admin/ (e.g. `#/collections/articles/new`) and logs in to the local backend. */
export async function openAdmin(cms: LocalCms, hash: string, viewport = { width: 1280, height: 1400 }): Promise<{ page: Page; errors: string[] }> {
  const page = await cms.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // astro dev builds the admin page's script on first request: slow on a busy machine.
  await page.goto(`${cms.base}/admin/${hash}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
  await page.getByRole('button', { name: /login/i }).click({ timeout: 90_000 });
  return { page, errors };
}

/**
 * A form field by its label, as Decap writes it: "Mentor", or "Mentor (optional)". In a hub of several
 * languages Decap shows a second form beside the first (the next language): `pane` 1 is that one.
 */
export function field(page: Page, label: string, pane: 0 | 1 = 0) {
  return page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(optional\\))?$`, 'i')).nth(pane);
}

/** Publishes the open entry and waits until Decap says it is saved. */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish' }).first().click();
  await page.getByText('Publish now').click();
  await page
    .getByText(/Entry (saved|published)/)
    .first()
    .waitFor({ timeout: 30_000 });
}

/** Added and removed lines of a `git diff --unified=0`, without the file headers. */
export function changedLines(diff: string): { added: string[]; removed: string[] } {
  const lines = diff.split('\n').filter((line) => !line.startsWith('+++') && !line.startsWith('---'));
  return { added: lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1)), removed: lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1)) };
}
