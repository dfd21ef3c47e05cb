/**
 * `npm run cms`: local editing with Decap CMS. decap-server (Decap's proxy
 * backend) writes entries straight into this working tree, and `astro dev`
 * serves the hub with /admin/ configured to use it. Commit with Git as usual.
 *
 * Ports: HUB_DEV_PORT (default 4321) and HUB_CMS_PORT (default 8081).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ASTRO_BIN, astroEnv } from './lib/astro.ts';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(process.env.HUB_CMS_ROOT ?? process.cwd());
const devPort = process.env.HUB_DEV_PORT ?? '4321';
const proxyPort = process.env.HUB_CMS_PORT ?? '8081';
const host = '127.0.0.1';

const children: ChildProcess[] = [];
const start = (script: string, args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, [script, ...args], { env: astroEnv(env), stdio: 'inherit' });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${path.basename(script)} stopped (exit ${code}); stopping the content manager.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
};

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

const decapServer = require.resolve('decap-server/dist/index.js');

start(decapServer, [], { PORT: proxyPort, BIND_HOST: host, MODE: 'fs', GIT_REPO_DIRECTORY: repoRoot, LOG_LEVEL: 'warn' });
start(ASTRO_BIN, ['dev', '--port', devPort, '--host', host], {
  HUB_CMS_PROXY_URL: `http://${host}:${proxyPort}/api/v1`,
  HUB_CMS_ROOT: repoRoot,
});
console.log(`Content manager: http://${host}:${devPort}/admin/ — entries are saved to ${path.relative(process.cwd(), repoRoot) || '.'}/ in this working tree.`);
