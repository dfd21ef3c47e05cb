/**
 * `npm run cms` (astro dev + decap-server) on a temporary copy of a content
 * tree, for browser tests that save through Decap CMS: the real content/
 * is never written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT } from './build.ts';
import { freePort, waitFor } from './ports.ts';

export interface CmsServer {
  /** http://127.0.0.1:<port> of astro dev. */
  base: string;
  /** The temporary repository; its content/ is the copy Decap writes to. */
  repo: string;
  content: string;
  /** What the two servers printed so far. */
  log(): string;
  stop(): void;
}

/** The environment minus what Vitest sets (NODE_ENV=test, MODE, …), which would change how astro dev runs. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$)/.test(key)) delete env[key];
  return env;
}

/** Starts `npm run cms` on a copy of `tree`, publishing as of `now`; resolves once both servers answer. */
export async function startCms(tree: string, now = '2026-11-22'): Promise<CmsServer> {
  const repo = mkdtempSync(path.join(tmpdir(), 'hub-cms-'));
  const content = path.join(repo, 'content');
  cpSync(tree, content, { recursive: true });
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
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    rmSync(repo, { recursive: true, force: true });
  };
  try {
    await waitFor(`${base}/admin/config.yml`, 90_000);
    await waitFor(`http://127.0.0.1:${proxyPort}/api/v1`, 30_000, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"action":"info","params":{}}',
    });
  } catch (error) {
    stop();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return { base, repo, content, log: () => log, stop };
}
