/**
 * Finding a Chrome or Chromium for the browser tests and benchmarks, or
 * installing one by the means this machine has; `node scripts/ensure-test-tools.ts`
 * (run first by `npm test`) records the choice in `.cache/chromium-path`, and
 * scripts/lib/browser.ts launches it.
 *
 * Order of the search: CHROMIUM_PATH; chromium, chromium-browser, google-chrome,
 * google-chrome-stable and chrome on PATH; the usual install locations;
 * Playwright's browser cache. A candidate counts only if `<path> --version`
 * succeeds. With none found it installs through Playwright's installer when
 * Playwright's download host answers, else through apt as root on Debian or
 * Ubuntu, else it stops with the one command that would fix it.
 *
 * The decisions (`discoverChromium`, `planChromium`, `ensureChromium`) take the
 * machine as a parameter, so the tests run them against fakes and temporary
 * folders; `realMachine()` is the only part that touches this computer.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the chosen path is handed to the test workers (`.cache/` is git-ignored). */
export const CHOSEN_PATH_FILE = fileURLToPath(new URL('../../.cache/chromium-path', import.meta.url));

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a `<path> --version` run told. */
export type VersionCheck = { ok: true; version: string } | { ok: false; reason: string };

/** The computer as the search sees it; the tests pass fakes or temporary folders. */
export interface Machine {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  /** A regular file (after symlinks) that may be executed. */
  isExecutable(file: string): boolean;
  /** Names in a folder; none when it is missing. */
  listDir(dir: string): string[];
  /** Runs `<file> --version` with a timeout of a few seconds. */
  version(file: string): VersionCheck;
  /** playwright-core's package folder, for PLAYWRIGHT_BROWSERS_PATH=0. */
  playwrightCoreDir?: string;
}

/** What the installers need to know on top of the search. */
export interface InstallHost extends Machine {
  isRoot: boolean;
  /** /etc/os-release, or '' where there is none. */
  osRelease: string;
  /** True when an HTTPS request to the URL gets any answer within a few seconds. */
  canReach(url: string): Promise<boolean>;
  /** playwright-core's cli.js, when playwright-core is installed. */
  playwrightCli?: string;
  /** The Node binary that runs playwright-core's CLI. */
  nodePath: string;
  /** Runs one installer step with its output shown; resolves to its exit code. */
  run(step: Step): Promise<number>;
}

export interface Found {
  path: string;
  version: string;
  /** How it was found, for the one line printed: 'set by CHROMIUM_PATH', 'found on PATH as "chromium"'… */
  source: string;
}

export interface Discovery {
  found?: Found;
  /** A CHROMIUM_PATH that is set but unusable: never silently passed over. */
  error?: string;
  /** Candidates that exist but did not answer `--version`, with the reason. */
  skipped: string[];
  /** Playwright's browser cache that was searched, for the messages. */
  playwrightCache?: string;
}

export interface Step {
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** The command as a person would type it. */
  display: string;
}

export type Plan =
  { kind: 'use'; found: Found; skipped: string[] } | { kind: 'install'; via: 'playwright' | 'apt'; say: string; steps: Step[] } | { kind: 'fail'; message: string };

export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

const FIXED_LOCATIONS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/opt/google/chrome/chrome', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
};

/** Chromium installed by Playwright is fetched from here unless a mirror is set (playwright-core's registry). */
export const PLAYWRIGHT_DEFAULT_HOST = 'https://cdn.playwright.dev';

export function playwrightDownloadHost(env: Machine['env']): string {
  return env.PLAYWRIGHT_CHROMIUM_DOWNLOAD_HOST || env.PLAYWRIGHT_DOWNLOAD_HOST || PLAYWRIGHT_DEFAULT_HOST;
}

/** Playwright's browser cache, as playwright-core computes it. */
export function playwrightCacheDir(machine: Machine): string | undefined {
  const { env, platform, home } = machine;
  const configured = env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured === '0') return machine.playwrightCoreDir && path.join(machine.playwrightCoreDir, '.local-browsers');
  if (configured) return configured;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'ms-playwright');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'ms-playwright');
}

/** The folders of PATH, in order. */
export function pathDirs(machine: Pick<Machine, 'env' | 'platform'>): string[] {
  return (machine.env.PATH ?? '').split(machine.platform === 'win32' ? ';' : ':').filter(Boolean);
}

/** Every name in every PATH folder, name by name: chromium anywhere on PATH beats google-chrome. */
function pathCandidates(machine: Machine): string[] {
  const suffix = machine.platform === 'win32' ? '.exe' : '';
  return PATH_NAMES.flatMap((name) => pathDirs(machine).map((dir) => path.join(dir, name + suffix)));
}

function fixedLocations(machine: Machine): string[] {
  if (machine.platform !== 'win32') return FIXED_LOCATIONS[machine.platform] ?? FIXED_LOCATIONS.linux ?? [];
  const roots = [machine.env.PROGRAMFILES, machine.env['PROGRAMFILES(X86)'], machine.env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
  return roots.map((root) => path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
}

/** Newest revision first: `chromium-1200` before `chromium-1187`. */
function byRevisionDescending(a: string, b: string): number {
  return Number(b.slice(b.lastIndexOf('-') + 1)) - Number(a.slice(a.lastIndexOf('-') + 1));
}

/**
 * Executables in Playwright's cache, full Chromium before the headless shell.
 * Layouts: chromium-N/chrome-linux{,64,-arm64}/chrome, chrome-mac*\/<Name>.app/Contents/MacOS/<Name>,
 * chrome-win{,64}/chrome.exe; chromium_headless_shell-N/<folder>/{headless_shell,chrome-headless-shell}.
 */
function playwrightCandidates(machine: Machine, cache: string): string[] {
  const entries = machine.listDir(cache);
  const windows = machine.platform === 'win32';
  const exe = (name: string) => (windows ? `${name}.exe` : name);
  const hits: string[] = [];
  for (const browser of entries.filter((name) => /^chromium-\d+$/.test(name)).sort(byRevisionDescending)) {
    const browserDir = path.join(cache, browser);
    for (const folder of machine.listDir(browserDir)) {
      const folderDir = path.join(browserDir, folder);
      if (machine.platform === 'darwin' && folder.startsWith('chrome-mac')) {
        for (const app of machine.listDir(folderDir).filter((name) => name.endsWith('.app'))) {
          hits.push(path.join(folderDir, app, 'Contents', 'MacOS', app.slice(0, -'.app'.length)));
        }
      } else if (windows && folder.startsWith('chrome-win')) {
        hits.push(path.join(folderDir, 'chrome.exe'));
      } else if (machine.platform !== 'darwin' && !windows && folder.startsWith('chrome-linux')) {
        hits.push(path.join(folderDir, 'chrome'));
      }
    }
  }
  for (const shell of entries.filter((name) => /^chromium_headless_shell-\d+$/.test(name)).sort(byRevisionDescending)) {
    const shellDir = path.join(cache, shell);
    for (const folder of machine.listDir(shellDir)) {
      hits.push(path.join(shellDir, folder, exe('headless_shell')), path.join(shellDir, folder, exe('chrome-headless-shell')));
    }
  }
  return hits;
}

/** Looks for a Chrome or Chromium that runs; installs nothing, reaches no network. */
export function discoverChromium(machine: Machine): Discovery {
  const configured = machine.env.CHROMIUM_PATH;
  if (configured) {
    if (!machine.isExecutable(configured)) {
      return {
        skipped: [],
        error: `CHROMIUM_PATH=${configured} is not an executable file. Point CHROMIUM_PATH at a Chrome or Chromium executable, or unset it to let the search find one.`,
      };
    }
    const check = machine.version(configured);
    if (!check.ok)
      return { skipped: [], error: `CHROMIUM_PATH=${configured} does not run (${check.reason}). Point CHROMIUM_PATH at a working Chrome or Chromium, or unset it.` };
    return { skipped: [], found: { path: configured, version: check.version, source: 'set by CHROMIUM_PATH' } };
  }

  const cache = playwrightCacheDir(machine);
  const candidates: Array<{ path: string; source: string }> = [
    ...pathCandidates(machine).map((file) => ({ path: file, source: `found on PATH as "${path.basename(file)}"` })),
    ...fixedLocations(machine).map((file) => ({ path: file, source: 'found in a usual location' })),
  ];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const tryCandidates = (list: Array<{ path: string; source: string }>): Found | undefined => {
    for (const candidate of list) {
      if (seen.has(candidate.path)) continue;
      seen.add(candidate.path);
      if (!machine.isExecutable(candidate.path)) continue;
      const check = machine.version(candidate.path);
      if (check.ok) return { ...candidate, version: check.version };
      skipped.push(`${candidate.path}: ${check.reason}`);
    }
    return undefined;
  };
  // Playwright's cache is listed only when nothing earlier runs: the common case reads no folders.
  const found =
    tryCandidates(candidates) ??
    (cache ? tryCandidates(playwrightCandidates(machine, cache).map((file) => ({ path: file, source: "found in Playwright's browser cache" }))) : undefined);
  return { found, skipped, playwrightCache: cache };
}

/** ID and ID_LIKE of /etc/os-release, lower-cased. */
export function osFamilies(osRelease: string): string[] {
  const families: string[] = [];
  for (const line of osRelease.split('\n')) {
    const match = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
    if (match)
      families.push(
        ...match[2]
          .replace(/^["']|["']$/g, '')
          .toLowerCase()
          .split(/\s+/),
      );
  }
  return families.filter(Boolean);
}

/** The first executable `name` in the PATH folders. */
export function findOnPath(machine: Pick<Machine, 'env' | 'platform' | 'isExecutable'>, name: string): string | undefined {
  return pathDirs(machine)
    .map((dir) => path.join(dir, name))
    .find((file) => machine.isExecutable(file));
}

function notFoundLine(discovery: Discovery): string {
  const places = `on PATH, in the usual locations${discovery.playwrightCache ? ` and in Playwright's cache ${discovery.playwrightCache}` : ''}`;
  const skipped = discovery.skipped.length ? `; skipped ${discovery.skipped.join('; ')}` : '';
  return `No Chrome or Chromium found (looked ${places}${skipped}).`;
}

function exampleChromiumPath(platform: NodeJS.Platform): string {
  if (platform === 'win32') return `$env:CHROMIUM_PATH='C:\\path\\to\\chrome.exe'; npm test`;
  if (platform === 'darwin') return `CHROMIUM_PATH='/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' npm test`;
  return 'CHROMIUM_PATH=/path/to/chrome npm test';
}

/**
 * Decides what to do: use what is there, install one (and how), or stop with the one command to run.
 * `playwrightFailed` is set when Playwright's installer was tried and failed, to fall back to apt.
 */
export async function planChromium(host: InstallHost, options: { playwrightFailed?: boolean } = {}): Promise<Plan> {
  const discovery = discoverChromium(host);
  if (discovery.error) return { kind: 'fail', message: discovery.error };
  if (discovery.found) return { kind: 'use', found: discovery.found, skipped: discovery.skipped };

  const families = osFamilies(host.osRelease);
  const debianLike = host.platform === 'linux' && (families.includes('debian') || families.includes('ubuntu'));
  const ubuntu = families.includes('ubuntu');
  const aptGet = debianLike ? findOnPath(host, 'apt-get') : undefined;
  const canApt = debianLike && host.isRoot && aptGet !== undefined;
  // After a failed Playwright install the search has been reported already.
  const notFound = options.playwrightFailed ? '' : `${notFoundLine(discovery)}\n`;

  const downloadHost = playwrightDownloadHost(host.env);
  const playwrightCli = host.playwrightCli;
  let hostNote: string;
  if (options.playwrightFailed) {
    hostNote = "Playwright's installer failed";
  } else if (playwrightCli) {
    if (await host.canReach(downloadHost)) {
      const relative = path.relative(PROJECT_ROOT, playwrightCli);
      const cli = relative.startsWith('..') || path.isAbsolute(relative) ? playwrightCli : relative;
      const step = (command: string): Step => ({ command: host.nodePath, args: [playwrightCli, command, 'chromium'], display: `node ${cli} ${command} chromium` });
      // Playwright's Chromium needs shared libraries a slim Debian or Ubuntu lacks; as root it adds them with apt,
      // after the download (`install --with-deps` would install them first, even when the download then fails).
      return {
        kind: 'install',
        via: 'playwright',
        say: `${notFound}${downloadHost} answers: installing Chromium with Playwright's installer${canApt ? ', then the system libraries it needs with apt' : ''}.`,
        steps: canApt ? [step('install'), step('install-deps')] : [step('install')],
      };
    }
    hostNote = `${downloadHost} did not answer, so Playwright's installer cannot download Chromium`;
  } else {
    hostNote = 'playwright-core is not installed (run npm install)';
  }

  if (canApt && aptGet) {
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const ubuntuNote = ubuntu ? " Ubuntu's chromium-browser package only installs a snap, which needs snapd, so this asks for the chromium package." : '';
    return {
      kind: 'install',
      via: 'apt',
      say: `${notFound}${hostNote}; installing the chromium package with apt (this can take a minute).${ubuntuNote}`,
      steps: [
        { command: aptGet, args: ['-q', 'update'], env, display: 'apt-get update' },
        { command: aptGet, args: ['-q', '-y', 'install', 'chromium'], env, display: 'apt-get install -y chromium' },
      ],
    };
  }

  if (debianLike) {
    const why = !host.isRoot ? 'installing with apt needs root' : 'apt-get is not on PATH';
    return {
      kind: 'fail',
      message: `${notFound}${hostNote}, and ${why}. Run:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\nthen npm test again.`,
    };
  }
  return {
    kind: 'fail',
    message: `${notFound}${hostNote}, and this is not Debian or Ubuntu, where apt could install it. Install Chrome or Chromium, then run:\n\n  ${exampleChromiumPath(host.platform)}\n`,
  };
}

/**
 * Follows the plan: installs where it says so (falling back to apt when Playwright's
 * installer fails), then searches again and uses what was installed.
 */
export async function ensureChromium(host: InstallHost, log: (line: string) => void): Promise<{ found: Found } | { message: string }> {
  let plan = await planChromium(host);
  let installedWith: 'playwright' | 'apt' | undefined;
  while (plan.kind === 'install') {
    log(plan.say);
    const failed = await install(plan, host, log);
    if (!failed) {
      installedWith = plan.via;
      break;
    }
    const what = `\`${failed.display}\` failed (exit code ${failed.code}); its output is above.`;
    if (plan.via === 'apt') return { message: `${what} Fix that, or run \`sudo apt-get update && sudo apt-get install -y chromium\` by hand, then npm test again.` };
    log(what);
    plan = await planChromium(host, { playwrightFailed: true });
  }
  if (plan.kind === 'fail') return { message: plan.message };
  if (plan.kind === 'use') {
    for (const skipped of plan.skipped) log(`Skipped ${skipped}`);
    return { found: plan.found };
  }

  const again = discoverChromium(host);
  if (again.found) return { found: again.found };
  const why = again.skipped.length ? `: ${again.skipped.join('; ')}` : '';
  const fix = installedWith === 'playwright' ? 'sudo npx playwright-core install-deps chromium' : 'sudo apt-get install --reinstall -y chromium';
  return {
    message: `Installed Chromium with ${installedWith === 'apt' ? 'apt' : "Playwright's installer"}, but found none that runs${why}. Run:\n\n  ${fix}\n\nthen npm test again.`,
  };
}

/** Runs a plan's steps in order, up to the first that fails. */
async function install(plan: Extract<Plan, { kind: 'install' }>, host: InstallHost, log: (line: string) => void): Promise<{ display: string; code: number } | undefined> {
  for (const step of plan.steps) {
    log(`$ ${step.display}`);
    const code = await host.run(step);
    if (code !== 0) return { display: step.display, code };
  }
  return undefined;
}

// --- This computer -----------------------------------------------------------

const VERSION_TIMEOUT_MS = 5_000;
const REACH_TIMEOUT_MS = 3_000;

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** `<file> --version`, or on Windows only its presence: chrome.exe starts a browser window instead of printing. */
export function runVersion(file: string, timeoutMs = VERSION_TIMEOUT_MS): VersionCheck {
  if (process.platform === 'win32') return { ok: true, version: 'version not checked on Windows' };
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ETIMEDOUT' ? `--version gave no answer within ${timeoutMs / 1000} s` : result.error.message };
  }
  const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
  if (result.status !== 0) {
    const detail = firstLine(result.stderr) || firstLine(result.stdout);
    return { ok: false, reason: `--version ${result.signal ? `was killed by ${result.signal}` : `exited with ${result.status}`}${detail ? `: ${detail}` : ''}` };
  }
  return { ok: true, version: firstLine(result.stdout) || 'unknown version' };
}

/** Any HTTP answer counts; honours HTTPS_PROXY and NO_PROXY as Playwright's downloader does. */
export function canReach(url: string, timeoutMs = REACH_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      req.destroy();
      resolve(false);
    }, timeoutMs);
    const req = request(url, { method: 'HEAD', agent: new Agent({ proxyEnv: process.env }) }, (res) => {
      clearTimeout(timer);
      res.resume();
      resolve(true);
    });
    req.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    req.end();
  });
}

function playwrightCore(): { dir: string; cli: string } | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('playwright-core/package.json');
    const dir = path.dirname(manifest);
    const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: Record<string, string> }).bin?.['playwright-core'];
    return bin ? { dir, cli: path.join(dir, bin) } : undefined;
  } catch {
    return undefined;
  }
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

function runStep(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** This computer, for the search alone (no network, nothing installed). */
export function realMachine(): Machine {
  return {
    env: process.env,
    platform: process.platform,
    home: homedir(),
    isExecutable: isExecutableFile,
    listDir,
    version: (file) => runVersion(file),
    playwrightCoreDir: playwrightCore()?.dir,
  };
}

export function realInstallHost(): InstallHost {
  return {
    ...realMachine(),
    isRoot: process.getuid?.() === 0,
    osRelease: readOsRelease(),
    canReach,
    playwrightCli: playwrightCore()?.cli,
    nodePath: process.execPath,
    run: runStep,
  };
}

/** The path the last run chose, or undefined when it is missing or gone. */
export function readChosenPath(file = CHOSEN_PATH_FILE): string | undefined {
  try {
    const chosen = readFileSync(file, 'utf8').trim();
    return chosen && isExecutableFile(chosen) ? chosen : undefined;
  } catch {
    return undefined;
  }
}

/** Records the chosen browser for the test workers and benchmarks (read back by `readChosenPath`). */
export function writeChosenPath(browser: string, file = CHOSEN_PATH_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${browser}\n`);
}
