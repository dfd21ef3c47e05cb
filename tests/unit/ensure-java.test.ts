import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Step } from '../../scripts/lib/chromium.ts';
import { type JavaHost, discoverJava, ensureJava, javaMajor, planJava, realJavaHost, runJavaVersion } from '../../scripts/lib/java.ts';

// Candidates are real files in a temporary tree: a shell script that prints what `java -version` prints
// (to stderr, as Java does) passes the real check; one that exits 127 fails it.
const roots: string[] = [];
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ensure-java-'));
  roots.push(root);
});
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

function java(relative: string, version = '17.0.15'): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho 'openjdk version "${version}" 2025-04-15' >&2\necho 'OpenJDK Runtime Environment' >&2\n`);
  chmodSync(file, 0o755);
  return file;
}

function broken(relative: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\necho "error while loading shared libraries: libjli.so" >&2\nexit 127\n');
  chmodSync(file, 0o755);
  return file;
}

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

type TestHost = JavaHost & { ran: Step[] };

/** This computer's file checks and `java -version` runs, confined to the temporary tree; apt-get in sbin/; every step recorded. */
function host(overrides: Partial<JavaHost> & { onRun?: (step: Step) => number } = {}): TestHost {
  const real = realJavaHost();
  const aptGet = path.join(root, 'sbin', 'apt-get');
  mkdirSync(path.dirname(aptGet), { recursive: true });
  writeFileSync(aptGet, '#!/bin/sh\n');
  chmodSync(aptGet, 0o755);
  const { onRun = () => 0, ...rest } = overrides;
  const ran: Step[] = [];
  return {
    env: { PATH: path.join(root, 'sbin') },
    platform: 'linux',
    isExecutable: (file) => file.startsWith(root) && real.isExecutable(file),
    javaVersion: (file) => runJavaVersion(file),
    isRoot: true,
    osRelease: DEBIAN,
    run: async (step) => {
      ran.push(step);
      return onRun(step);
    },
    ...rest,
    ran,
  };
}

describe('javaMajor', () => {
  it('reads the major version of current and of 1.x Javas', () => {
    expect(javaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajor('java version "1.8.0_351"')).toBe(8);
    expect(javaMajor('no version here')).toBeUndefined();
  });
});

describe('discoverJava', () => {
  it('uses JAVA_HOME before PATH', () => {
    const home = java('jdk/bin/java', '21.0.2');
    java('bin/java');
    const found = discoverJava(host({ env: { JAVA_HOME: path.join(root, 'jdk'), PATH: path.join(root, 'bin') } })).found;
    expect(found).toEqual({ path: home, version: 'openjdk version "21.0.2" 2025-04-15', source: 'set by JAVA_HOME' });
  });

  it('reports a JAVA_HOME without java, one that does not run and one too old, instead of searching on', () => {
    java('bin/java');
    const env = (home: string) => ({ JAVA_HOME: path.join(root, home), PATH: path.join(root, 'bin') });
    expect(discoverJava(host({ env: env('nowhere') })).error).toMatch(/^JAVA_HOME=.*nowhere has no .*nowhere\/bin\/java\. Point JAVA_HOME at a Java 17 or newer/);
    broken('bad/bin/java');
    expect(discoverJava(host({ env: env('bad') })).error).toMatch(/does not run \(-version exited with 127: error while loading shared libraries: libjli\.so\)/);
    java('old/bin/java', '11.0.22');
    expect(discoverJava(host({ env: env('old') })).error).toMatch(/is Java 11; the Nu Html Checker needs 17 or newer/);
  });

  it('takes the first java on PATH that runs and is new enough, and says why it skipped the others', () => {
    const old = java('a/java', '1.8.0_351');
    const bad = broken('b/java');
    const good = java('c/java');
    const discovery = discoverJava(host({ env: { PATH: ['a', 'b', 'c'].map((dir) => path.join(root, dir)).join(':') } }));
    expect(discovery.found?.path).toBe(good);
    expect(discovery.skipped).toEqual([`${old}: Java 8, older than 17`, `${bad}: -version exited with 127: error while loading shared libraries: libjli.so`]);
  });
});

describe('planJava and ensureJava', () => {
  it('uses a Java that is there and installs nothing', async () => {
    const installed = java('sbin/java');
    const machine = host();
    expect(await ensureJava(machine, () => {})).toEqual({ found: { path: installed, version: expect.stringContaining('17.0.15'), source: 'found on PATH' } });
    expect(machine.ran).toEqual([]);
  });

  it('installs default-jre-headless with apt as root on Debian, then finds and uses it', async () => {
    const log: string[] = [];
    const machine = host({
      onRun: (step) => {
        if (step.args.includes('install')) java('sbin/java');
        return 0;
      },
    });
    const result = await ensureJava(machine, (line) => log.push(line));
    expect(machine.ran.map((step) => [step.display, step.env])).toEqual([
      ['apt-get update', { DEBIAN_FRONTEND: 'noninteractive' }],
      ['apt-get install -y --no-install-recommends default-jre-headless', { DEBIAN_FRONTEND: 'noninteractive' }],
    ]);
    expect(machine.ran[1]!.args).toEqual(['-q', '-y', 'install', '--no-install-recommends', 'default-jre-headless']);
    expect('found' in result && result.found.path).toBe(path.join(root, 'sbin', 'java'));
    expect(log[0]).toMatch(/^No Java 17 or newer found for the Nu Html Checker/);
  });

  it('stops at a failed apt step with its command', async () => {
    const machine = host({ onRun: () => 100 });
    expect(await ensureJava(machine, () => {})).toEqual({ message: expect.stringMatching(/^`apt-get update` failed \(exit code 100\)/) });
    expect(machine.ran).toHaveLength(1);
  });

  it('says so when apt installed nothing that runs', async () => {
    const machine = host({ onRun: () => 0 });
    expect(await ensureJava(machine, () => {})).toEqual({ message: expect.stringContaining('Installed default-jre-headless with apt, but found no java 17 or newer') });
  });

  it('stops with the one command to run when not root on Debian, and with what to install elsewhere', () => {
    const notRoot = planJava(host({ isRoot: false }));
    expect(notRoot.kind === 'fail' && notRoot.message).toContain('\n  sudo apt-get update && sudo apt-get install -y default-jre-headless\n');
    const fedora = planJava(host({ osRelease: FEDORA }));
    expect(fedora.kind === 'fail' && fedora.message).toContain('Install a Java runtime, 17 or newer');
  });
});
