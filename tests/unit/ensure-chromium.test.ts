import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  canReach,
  discoverChromium,
  ensureChromium,
  osFamilies,
  planChromium,
  readChosenPath,
  realMachine,
  runVersion,
  type InstallHost,
  type Machine,
  type Step,
} from '../../scripts/lib/chromium.ts';

// Candidates are real files in a temporary tree: a shell script that prints a
// version passes the real `--version` check, one that exits 127 fails it.
const roots: string[] = [];
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ensure-chromium-'));
  roots.push(root);
});
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

function browser(relative: string, version = `Chromium 150.0.0.0 (${relative})`): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho '${version}'\n`);
  chmodSync(file, 0o755);
  return file;
}

function broken(relative: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n');
  chmodSync(file, 0o755);
  return file;
}

/** This computer's file checks and `--version` runs, confined to the temporary tree. */
function sandbox(overrides: Partial<Machine> = {}): Machine {
  const real = realMachine();
  return {
    ...real,
    env: { PATH: '' },
    platform: 'linux',
    home: path.join(root, 'home'),
    isExecutable: (file) => file.startsWith(root) && real.isExecutable(file),
    playwrightCoreDir: path.join(root, 'node_modules', 'playwright-core'),
    ...overrides,
  };
}

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

type TestHost = InstallHost & { reached: string[]; ran: Step[] };

/** A machine with no browser, apt-get on PATH, and a Playwright CLI; each probe recorded. */
function host(overrides: Partial<InstallHost> & { reachable?: boolean; onRun?: (step: Step) => number } = {}): TestHost {
  const aptDir = path.join(root, 'sbin');
  browser('sbin/apt-get', 'apt 2.6.1');
  const { reachable = false, onRun = () => 0, ...rest } = overrides;
  const reached: string[] = [];
  const ran: Step[] = [];
  return {
    ...sandbox({ env: { PATH: aptDir } }),
    isRoot: true,
    osRelease: DEBIAN,
    canReach: async (url) => {
      reached.push(url);
      return reachable;
    },
    playwrightCli: '/project/node_modules/playwright-core/cli.js',
    nodePath: '/usr/local/bin/node',
    run: async (step) => {
      ran.push(step);
      return onRun(step);
    },
    ...rest,
    reached,
    ran,
  };
}

describe('discoverChromium', () => {
  it('uses CHROMIUM_PATH before anything on PATH', () => {
    const given = browser('custom/my-chrome', 'Google Chrome 151.0.1.2');
    browser('bin/chromium');
    const discovery = discoverChromium(sandbox({ env: { CHROMIUM_PATH: given, PATH: path.join(root, 'bin') } }));
    expect(discovery.found).toEqual({ path: given, version: 'Google Chrome 151.0.1.2', source: 'set by CHROMIUM_PATH' });
  });

  it('reports a CHROMIUM_PATH that does not exist, naming the variable and its value, instead of searching on', () => {
    browser('bin/chromium');
    const missing = path.join(root, 'nowhere', 'chrome');
    const discovery = discoverChromium(sandbox({ env: { CHROMIUM_PATH: missing, PATH: path.join(root, 'bin') } }));
    expect(discovery.found).toBeUndefined();
    expect(discovery.error).toContain(`CHROMIUM_PATH=${missing}`);
  });

  it('reports a CHROMIUM_PATH that exists but does not run, with the reason', () => {
    const bad = broken('custom/chrome');
    const discovery = discoverChromium(sandbox({ env: { CHROMIUM_PATH: bad } }));
    expect(discovery.error).toMatch(new RegExp(`^CHROMIUM_PATH=${bad} does not run \\(--version exited with 127: error while loading shared libraries`));
  });

  it('looks on PATH by name in order (chromium, chromium-browser, google-chrome, google-chrome-stable, chrome), then by folder', () => {
    browser('first/chrome');
    browser('first/google-chrome-stable');
    const chromiumBrowser = browser('second/chromium-browser');
    const env = { PATH: `${path.join(root, 'first')}:${path.join(root, 'second')}` };
    expect(discoverChromium(sandbox({ env })).found).toMatchObject({ path: chromiumBrowser, source: 'found on PATH as "chromium-browser"' });

    const chromium = browser('second/chromium');
    expect(discoverChromium(sandbox({ env })).found?.path).toBe(chromium);
    const earlier = browser('first/chromium');
    expect(discoverChromium(sandbox({ env })).found?.path).toBe(earlier);
  });

  it('skips a candidate that exists but fails --version, and says why', () => {
    const bad = broken('bin/chromium');
    const good = browser('bin/google-chrome');
    const discovery = discoverChromium(sandbox({ env: { PATH: path.join(root, 'bin') } }));
    expect(discovery.found?.path).toBe(good);
    expect(discovery.skipped).toEqual([`${bad}: --version exited with 127: error while loading shared libraries: libnss3.so`]);
  });

  it('looks in the usual locations of the platform, in order', () => {
    const present = new Set(['/opt/google/chrome/chrome', '/usr/bin/chromium-browser', '/Applications/Chromium.app/Contents/MacOS/Chromium']);
    const fake = (platform: NodeJS.Platform): Machine => ({
      env: { PATH: '/nothing' },
      platform,
      home: '/home/nobody',
      isExecutable: (file) => present.has(file),
      listDir: () => [],
      version: (file) => ({ ok: true, version: `version of ${file}` }),
    });
    expect(discoverChromium(fake('linux')).found).toEqual({
      path: '/usr/bin/chromium-browser',
      version: 'version of /usr/bin/chromium-browser',
      source: 'found in a usual location',
    });
    expect(discoverChromium(fake('darwin')).found?.path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('finds Playwright Chromium in ~/.cache/ms-playwright, newest revision first, before the headless shell', () => {
    const cache = 'home/.cache/ms-playwright';
    browser(`${cache}/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell`);
    browser(`${cache}/chromium-1100/chrome-linux/chrome`);
    const newest = browser(`${cache}/chromium-1200/chrome-linux64/chrome`);
    const discovery = discoverChromium(sandbox());
    expect(discovery.found).toMatchObject({ path: newest, source: "found in Playwright's browser cache" });
    expect(discovery.playwrightCache).toBe(path.join(root, cache));
  });

  it('finds either headless shell layout when no full Chromium is cached', () => {
    const cache = 'home/.cache/ms-playwright';
    const old = browser(`${cache}/chromium_headless_shell-1100/chrome-linux/headless_shell`);
    expect(discoverChromium(sandbox()).found?.path).toBe(old);
    const current = browser(`${cache}/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell`);
    expect(discoverChromium(sandbox()).found?.path).toBe(current);
  });

  it('honours PLAYWRIGHT_BROWSERS_PATH, including 0 for the copy inside node_modules', () => {
    const custom = browser('browsers/chromium-1200/chrome-linux64/chrome');
    browser('home/.cache/ms-playwright/chromium-1300/chrome-linux64/chrome');
    expect(discoverChromium(sandbox({ env: { PLAYWRIGHT_BROWSERS_PATH: path.join(root, 'browsers') } })).found?.path).toBe(custom);
    const local = browser('node_modules/playwright-core/.local-browsers/chromium-1200/chrome-linux64/chrome');
    expect(discoverChromium(sandbox({ env: { PLAYWRIGHT_BROWSERS_PATH: '0' } })).found?.path).toBe(local);
  });

  it('follows XDG_CACHE_HOME on Linux as Playwright does', () => {
    const found = browser('xdg/ms-playwright/chromium-1200/chrome-linux64/chrome');
    expect(discoverChromium(sandbox({ env: { XDG_CACHE_HOME: path.join(root, 'xdg') } })).found?.path).toBe(found);
  });

  it('knows the macOS and Windows cache layouts', () => {
    const mac = browser('home/Library/Caches/ms-playwright/chromium-1200/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing');
    expect(discoverChromium(sandbox({ platform: 'darwin' })).found?.path).toBe(mac);
    const macOld = browser('home/Library/Caches/ms-playwright/chromium-1300/chrome-mac/Chromium.app/Contents/MacOS/Chromium');
    expect(discoverChromium(sandbox({ platform: 'darwin' })).found?.path).toBe(macOld);

    const windows = browser('local/ms-playwright/chromium-1200/chrome-win64/chrome.exe');
    expect(discoverChromium(sandbox({ platform: 'win32', env: { LOCALAPPDATA: path.join(root, 'local') } })).found?.path).toBe(windows);
  });

  it('finds nothing in an empty machine, and says where it looked', () => {
    const discovery = discoverChromium(sandbox());
    expect(discovery).toEqual({ found: undefined, skipped: [], playwrightCache: path.join(root, 'home/.cache/ms-playwright') });
  });
});

describe('planChromium', () => {
  it('uses a browser that is there without probing the network', async () => {
    const installed = browser('sbin/chromium');
    const machine = host({ reachable: true });
    const plan = await planChromium(machine);
    expect(plan).toMatchObject({ kind: 'use', found: { path: installed } });
    expect(machine.reached).toEqual([]);
  });

  it("installs with Playwright's installer when its download host answers", async () => {
    const machine = host({ reachable: true, isRoot: false });
    const plan = await planChromium(machine);
    expect(machine.reached).toEqual(['https://cdn.playwright.dev']);
    expect(plan).toMatchObject({
      kind: 'install',
      via: 'playwright',
      steps: [{ command: '/usr/local/bin/node', args: ['/project/node_modules/playwright-core/cli.js', 'install', 'chromium'] }],
    });
  });

  it("adds Playwright's system libraries after the download as root on Debian, and probes a configured mirror", async () => {
    const machine = host({ reachable: true, env: { PATH: path.join(root, 'sbin'), PLAYWRIGHT_DOWNLOAD_HOST: 'https://mirror.example' } });
    const plan = await planChromium(machine);
    expect(machine.reached).toEqual(['https://mirror.example']);
    expect(plan.kind === 'install' && plan.steps.map((step) => step.args)).toEqual([
      ['/project/node_modules/playwright-core/cli.js', 'install', 'chromium'],
      ['/project/node_modules/playwright-core/cli.js', 'install-deps', 'chromium'],
    ]);
  });

  it('installs the chromium package with apt as root on Debian when the download host does not answer', async () => {
    const plan = await planChromium(host());
    const aptGet = path.join(root, 'sbin', 'apt-get');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    expect(plan).toMatchObject({
      kind: 'install',
      via: 'apt',
      steps: [
        { command: aptGet, args: ['-q', 'update'], env, display: 'apt-get update' },
        { command: aptGet, args: ['-q', '-y', 'install', 'chromium'], env, display: 'apt-get install -y chromium' },
      ],
    });
    expect(plan.kind === 'install' && plan.say).toContain('https://cdn.playwright.dev did not answer');
  });

  it('asks apt for chromium, not the snap shim, on Ubuntu and its derivatives', async () => {
    for (const osRelease of [UBUNTU, MINT]) {
      const plan = await planChromium(host({ osRelease }));
      expect(plan.kind === 'install' && plan.steps[1].args).toEqual(['-q', '-y', 'install', 'chromium']);
      expect(plan.kind === 'install' && plan.say).toContain("Ubuntu's chromium-browser package only installs a snap");
    }
  });

  it('stops with the one apt command to run when not root on Debian', async () => {
    const plan = await planChromium(host({ isRoot: false }));
    expect(plan.kind).toBe('fail');
    expect(plan.kind === 'fail' && plan.message).toContain('\n  sudo apt-get update && sudo apt-get install -y chromium\n');
    expect(plan.kind === 'fail' && plan.message).toContain('installing with apt needs root');
  });

  it('stops with the CHROMIUM_PATH command where apt is not an option', async () => {
    const fedora = await planChromium(host({ osRelease: FEDORA }));
    expect(fedora.kind === 'fail' && fedora.message).toContain('\n  CHROMIUM_PATH=/path/to/chrome npm test\n');
    const mac = await planChromium(host({ platform: 'darwin', osRelease: '' }));
    expect(mac.kind === 'fail' && mac.message).toContain("CHROMIUM_PATH='/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' npm test");
  });

  it('does not install over a bad CHROMIUM_PATH', async () => {
    const machine = host({ reachable: true, env: { CHROMIUM_PATH: '/opt/typo/chrome' } });
    const plan = await planChromium(machine);
    expect(plan).toEqual({ kind: 'fail', message: expect.stringMatching(/^CHROMIUM_PATH=\/opt\/typo\/chrome is not an executable file/) });
    expect(machine.reached).toEqual([]);
  });

  it('needs playwright-core to plan a Playwright install', async () => {
    const machine = host({ reachable: true, playwrightCli: undefined });
    const plan = await planChromium(machine);
    expect(machine.reached).toEqual([]);
    expect(plan.kind === 'install' && plan.via).toBe('apt');
  });
});

describe('ensureChromium', () => {
  it('runs the apt steps in order, then finds and uses what they installed', async () => {
    const log: string[] = [];
    const machine = host({
      onRun: (step) => {
        if (step.args.includes('install')) browser('sbin/chromium', 'Chromium 156.0.8078.73 built on Debian GNU/Linux 12 (bookworm)');
        return 0;
      },
    });
    const result = await ensureChromium(machine, (line) => log.push(line));
    expect(machine.ran.map((step) => step.display)).toEqual(['apt-get update', 'apt-get install -y chromium']);
    expect(result).toEqual({
      found: {
        path: path.join(root, 'sbin', 'chromium'),
        version: 'Chromium 156.0.8078.73 built on Debian GNU/Linux 12 (bookworm)',
        source: 'found on PATH as "chromium"',
      },
    });
    expect(log).toEqual([expect.stringContaining('installing the chromium package with apt'), '$ apt-get update', '$ apt-get install -y chromium']);
  });

  it('stops at a failed step with its command', async () => {
    const machine = host({ onRun: (step) => (step.display === 'apt-get update' ? 100 : 0) });
    const result = await ensureChromium(machine, () => {});
    expect(machine.ran).toHaveLength(1);
    expect(result).toEqual({ message: expect.stringMatching(/^`apt-get update` failed \(exit code 100\)/) });
  });

  it("falls back to apt when Playwright's download fails, without installing its system libraries", async () => {
    const machine = host({
      reachable: true,
      onRun: (step) => {
        if (step.command === '/usr/local/bin/node') return 1;
        if (step.args.includes('install')) browser('sbin/chromium');
        return 0;
      },
    });
    const result = await ensureChromium(machine, () => {});
    expect(machine.ran.map((step) => step.display)).toEqual([
      'node /project/node_modules/playwright-core/cli.js install chromium',
      'apt-get update',
      'apt-get install -y chromium',
    ]);
    expect('found' in result && result.found.path).toBe(path.join(root, 'sbin', 'chromium'));
  });

  it("gives the one apt command when Playwright's download fails and apt needs root", async () => {
    const log: string[] = [];
    const machine = host({ reachable: true, isRoot: false, onRun: () => 1 });
    const result = await ensureChromium(machine, (line) => log.push(line));
    expect(machine.ran).toHaveLength(1);
    expect(log.at(-1)).toBe('`node /project/node_modules/playwright-core/cli.js install chromium` failed (exit code 1); its output is above.');
    expect(result).toEqual({
      message:
        "Playwright's installer failed, and installing with apt needs root. Run:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\nthen npm test again.",
    });
  });

  it('says so when the installed browser does not run', async () => {
    const machine = host({
      onRun: (step) => {
        if (step.args.includes('install')) broken('sbin/chromium');
        return 0;
      },
    });
    const result = await ensureChromium(machine, () => {});
    expect(result).toEqual({ message: expect.stringContaining('Installed Chromium with apt, but found none that runs') });
    expect('message' in result && result.message).toContain('libnss3.so');
  });
});

describe('the real probes', () => {
  it('osFamilies reads ID and ID_LIKE, quoted or not', () => {
    expect(osFamilies(MINT)).toEqual(['linuxmint', 'ubuntu', 'debian']);
    expect(osFamilies(FEDORA)).toEqual(['fedora']);
  });

  it('runVersion gives up on a browser that hangs', () => {
    const file = path.join(root, 'hangs');
    writeFileSync(file, '#!/bin/sh\nsleep 5\n');
    chmodSync(file, 0o755);
    const started = Date.now();
    expect(runVersion(file, 300)).toEqual({ ok: false, reason: '--version gave no answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('canReach gives up on a host that accepts the connection and never answers', async () => {
    const sockets: Array<import('node:net').Socket> = [];
    const server: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const started = Date.now();
    expect(await canReach(`https://127.0.0.1:${port}/`, 300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const socket of sockets) socket.destroy();
    server.close();
  });

  it('canReach reports an unresolvable host as unreachable', async () => {
    expect(await canReach('https://host.invalid/', 2_000)).toBe(false);
  });

  it('readChosenPath returns the recorded browser while it exists', () => {
    const chosen = browser('bin/chromium');
    const record = path.join(root, 'chromium-path');
    writeFileSync(record, `${chosen}\n`);
    expect(readChosenPath(record)).toBe(chosen);
    rmSync(chosen);
    expect(readChosenPath(record)).toBeUndefined();
  });
});
