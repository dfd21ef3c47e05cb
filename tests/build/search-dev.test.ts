/** `astro dev` has no search index: the search page says so instead of loading a UI that would fail. */
import { ASTRO_BIN, astroEnv } from '../../scripts/lib/astro.ts';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS_DIR, projectCopy } from '../support/build.ts';
import { VALID_TREE } from '../support/fixtures.ts';
import { freePort, waitFor } from '../support/ports.ts';

let server: ChildProcess;
let work: string;
let url: string;
let output = '';

/** The environment of a developer's shell: without the test runner's NODE_ENV and VITEST* (astro dev then answers 404). */
function shellEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(astroEnv()).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // A project folder of its own: astro dev writes <root>/.astro/, which the builds of the run must not share.
  mkdirSync(BUILDS_DIR, { recursive: true });
  work = mkdtempSync(path.join(BUILDS_DIR, 'hub-dev-'));
  server = spawn(process.execPath, [ASTRO_BIN, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: projectCopy(path.join(work, 'project')),
    detached: true,
    env: { ...shellEnv(), HUB_CONTENT_DIR: VALID_TREE, HUB_NOW: '2026-11-22', HUB_CACHE_DIR: path.join(work, 'astro-cache'), NO_COLOR: '1' },
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await waitFor(`${url}/`, 60_000).catch((error: Error) => {
    throw new Error(`astro dev did not start (${error.message}):\n${output}`);
  });
});

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the search page in astro dev', () => {
  it('says that search needs a build, and loads no search UI', async () => {
    const html = await (await fetch(`${url}/search/`)).text();
    expect(html).toContain('Search works on a built hub only');
    expect(html).toContain('npm run build');
    expect(html).not.toContain('data-search-results');
    expect(html).not.toContain('id="search-q"');
  });

  it('still has the header search box', async () => {
    const html = await (await fetch(`${url}/guidelines/`)).text();
    expect(html).toMatch(/<form class="site-search"[^>]* action="\/search\/" method="get"/);
  });
});
