/**
 * Finding a Java runtime for the Nu Html Checker (vnu-jar needs Java 17 or
 * newer), or installing Debian's default one with apt, as scripts/lib/chromium.ts
 * does for the browser; `node scripts/ensure-test-tools.ts` (run first by
 * `npm test`) runs both.
 *
 * Order of the search: JAVA_HOME (an explicit setting that does not work is an
 * error, never passed over), then `java` on PATH. A candidate counts only if
 * `java -version` succeeds and names version 17 or newer. With none found, as
 * root on Debian or Ubuntu it runs `apt-get install -y default-jre-headless`
 * (OpenJDK 17 on Debian 12, 21 on Debian 13); elsewhere it stops with the one
 * command that would fix it.
 *
 * The decisions take the machine as a parameter, so the tests run them against
 * fakes and temporary folders; `realJavaHost()` is the only part that touches
 * this computer.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type InstallHost, type Step, findOnPath, osFamilies, pathDirs, realInstallHost } from './chromium.ts';

/** vnu-jar 26 runs on Java 17 and newer (its launcher checks the same). */
export const MIN_JAVA = 17;

/** Debian's and Ubuntu's Java runtime without a display (no X11 or sound libraries): all a command-line checker needs. */
export const JAVA_PACKAGE = 'default-jre-headless';

/** What `<java> -version` told. */
export type JavaVersionCheck = { ok: true; major: number; version: string } | { ok: false; reason: string };

/** The computer as the Java search sees it. */
export interface JavaHost extends Pick<InstallHost, 'env' | 'platform' | 'isExecutable' | 'isRoot' | 'osRelease' | 'run'> {
  /** Runs `<file> -version` with a timeout of a few seconds. */
  javaVersion(file: string): JavaVersionCheck;
}

export interface FoundJava {
  path: string;
  version: string;
  source: string;
}

export interface JavaDiscovery {
  found?: FoundJava;
  /** A JAVA_HOME that is set but unusable. */
  error?: string;
  /** Candidates that exist but did not answer or are too old, with the reason. */
  skipped: string[];
}

export type JavaPlan = { kind: 'use'; found: FoundJava; skipped: string[] } | { kind: 'install'; say: string; steps: Step[] } | { kind: 'fail'; message: string };

/** The major version in `java -version`'s first line: `openjdk version "17.0.15"` → 17, `java version "1.8.0_351"` → 8. */
export function javaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function javaExecutable(dir: string, platform: NodeJS.Platform): string {
  return path.join(dir, platform === 'win32' ? 'java.exe' : 'java');
}

/** Looks for a Java of at least MIN_JAVA; installs nothing. */
export function discoverJava(host: JavaHost): JavaDiscovery {
  const skipped: string[] = [];
  const javaHome = host.env.JAVA_HOME;
  if (javaHome) {
    const java = javaExecutable(path.join(javaHome, 'bin'), host.platform);
    const fix = 'Point JAVA_HOME at a Java 17 or newer, or unset it to let the search find one.';
    if (!host.isExecutable(java)) return { skipped, error: `JAVA_HOME=${javaHome} has no ${java}. ${fix}` };
    const check = host.javaVersion(java);
    if (!check.ok) return { skipped, error: `JAVA_HOME=${javaHome}: ${java} does not run (${check.reason}). ${fix}` };
    if (check.major < MIN_JAVA) return { skipped, error: `JAVA_HOME=${javaHome} is Java ${check.major}; the Nu Html Checker needs ${MIN_JAVA} or newer. ${fix}` };
    return { skipped, found: { path: java, version: check.version, source: 'set by JAVA_HOME' } };
  }
  for (const dir of pathDirs(host)) {
    const java = javaExecutable(dir, host.platform);
    if (!host.isExecutable(java)) continue;
    const check = host.javaVersion(java);
    if (!check.ok) skipped.push(`${java}: ${check.reason}`);
    else if (check.major < MIN_JAVA) skipped.push(`${java}: Java ${check.major}, older than ${MIN_JAVA}`);
    else return { skipped, found: { path: java, version: check.version, source: 'found on PATH' } };
  }
  return { skipped };
}

/** Decides what to do: use what is there, install with apt, or stop with the one command to run. */
export function planJava(host: JavaHost): JavaPlan {
  const discovery = discoverJava(host);
  if (discovery.error) return { kind: 'fail', message: discovery.error };
  if (discovery.found) return { kind: 'use', found: discovery.found, skipped: discovery.skipped };

  const notFound = `No Java ${MIN_JAVA} or newer found for the Nu Html Checker (looked at JAVA_HOME and on PATH${discovery.skipped.length ? `; skipped ${discovery.skipped.join('; ')}` : ''}).`;
  const families = osFamilies(host.osRelease);
  const debianLike = host.platform === 'linux' && (families.includes('debian') || families.includes('ubuntu'));
  const aptGet = debianLike ? findOnPath(host, 'apt-get') : undefined;
  if (debianLike && host.isRoot && aptGet) {
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    return {
      kind: 'install',
      say: `${notFound}\nInstalling ${JAVA_PACKAGE} with apt (this can take a minute).`,
      steps: [
        { command: aptGet, args: ['-q', 'update'], env, display: 'apt-get update' },
        {
          command: aptGet,
          args: ['-q', '-y', 'install', '--no-install-recommends', JAVA_PACKAGE],
          env,
          display: `apt-get install -y --no-install-recommends ${JAVA_PACKAGE}`,
        },
      ],
    };
  }
  if (debianLike) {
    const why = !host.isRoot ? 'installing with apt needs root' : 'apt-get is not on PATH';
    return { kind: 'fail', message: `${notFound}\nHere ${why}. Run:\n\n  sudo apt-get update && sudo apt-get install -y ${JAVA_PACKAGE}\n\nthen npm test again.` };
  }
  return {
    kind: 'fail',
    message: `${notFound}\nThis is not Debian or Ubuntu, where apt could install it. Install a Java runtime, ${MIN_JAVA} or newer (for example Eclipse Temurin), put its java on PATH or set JAVA_HOME, then run npm test again.`,
  };
}

/** Follows the plan: installs where it says so, then searches again and uses what was installed. */
export async function ensureJava(host: JavaHost, log: (line: string) => void): Promise<{ found: FoundJava } | { message: string }> {
  const plan = planJava(host);
  if (plan.kind === 'fail') return { message: plan.message };
  if (plan.kind === 'use') {
    for (const skipped of plan.skipped) log(`Skipped ${skipped}`);
    return { found: plan.found };
  }
  log(plan.say);
  for (const step of plan.steps) {
    log(`$ ${step.display}`);
    const code = await host.run(step);
    if (code !== 0) {
      return {
        message: `\`${step.display}\` failed (exit code ${code}); its output is above. Fix that, or run \`sudo apt-get install -y ${JAVA_PACKAGE}\` by hand, then npm test again.`,
      };
    }
  }
  const again = discoverJava(host);
  if (again.found) return { found: again.found };
  const why = again.skipped.length ? `: ${again.skipped.join('; ')}` : '';
  return { message: `Installed ${JAVA_PACKAGE} with apt, but found no java ${MIN_JAVA} or newer on PATH${why}. Run \`java -version\` to see why.` };
}

// --- This computer -----------------------------------------------------------

/** `<java> -version`, which prints to stderr. */
export function runJavaVersion(file: string, timeoutMs = 10_000): JavaVersionCheck {
  const result = spawnSync(file, ['-version'], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ETIMEDOUT' ? `-version gave no answer within ${timeoutMs / 1000} s` : result.error.message };
  }
  const output = `${result.stderr}\n${result.stdout}`.trim();
  const firstLine = output.split('\n')[0] ?? '';
  if (result.status !== 0) return { ok: false, reason: `-version exited with ${result.status}${firstLine ? `: ${firstLine}` : ''}` };
  const major = javaMajor(output);
  if (major === undefined) return { ok: false, reason: `-version printed no version: ${firstLine}` };
  return { ok: true, major, version: firstLine };
}

export function realJavaHost(): JavaHost {
  return { ...realInstallHost(), javaVersion: (file) => runJavaVersion(file) };
}
