/**
 * Finds, or installs by the means this machine has, what the tests need from
 * outside npm, and says what it chose. `npm test` runs it first:
 *
 *   node scripts/ensure-test-tools.ts      (npm run test:tools)
 *
 * - Chrome or Chromium for the browser tests (scripts/lib/chromium.ts); its path
 *   is recorded in `.cache/chromium-path` for the tests and benchmarks.
 * - Java 17 or newer for the Nu Html Checker (scripts/lib/java.ts), which the
 *   tests start as JAVA_HOME's java or `java` on PATH.
 *
 * Each is looked for even when the other failed, so one run names everything missing.
 */
import { ensureChromium, realInstallHost, writeChosenPath } from './lib/chromium.ts';
import { ensureJava, realJavaHost } from './lib/java.ts';

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const chromium = await ensureChromium(realInstallHost(), log);
  if ('message' in chromium) {
    console.error(chromium.message);
    process.exitCode = 1;
  } else {
    writeChosenPath(chromium.found.path);
    console.log(`Chromium for the browser tests: ${chromium.found.path} (${chromium.found.version}), ${chromium.found.source}.`);
  }
  const java = await ensureJava(realJavaHost(), log);
  if ('message' in java) {
    console.error(java.message);
    process.exitCode = 1;
  } else {
    console.log(`Java for the Nu Html Checker: ${java.found.path} (${java.found.version}), ${java.found.source}.`);
  }
}

if (import.meta.main) await main();
