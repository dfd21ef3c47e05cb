/**
 * The outside validators over built pages: the Nu Html Checker (vnu-jar from
 * npm, run on Java) and html-validate with the project's .htmlvalidate.mjs
 * (the recommended preset). Both read the same list of files; vnu runs once,
 * in one Java process, over all of them, since its start costs more than
 * checking a page.
 *
 * Errors fail the tests, with file, line, column and message; warnings are
 * counted by message and printed, never fail.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import htmlValidateConfig from '../../.htmlvalidate.mjs';

export interface Finding {
  validator: 'vnu' | 'html-validate';
  severity: 'error' | 'warning';
  /** Absolute path of the page. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** html-validate's rule id. */
  rule?: string;
}

/** Every .html file under `dir`, absolute and sorted. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file))
    .sort();
}

/** The Java that runs vnu: $JAVA_HOME's, else `java` on PATH (scripts/ensure-test-tools.ts installs one where it is missing). */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  const fromHome = env.JAVA_HOME && path.join(env.JAVA_HOME, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
  return fromHome && existsSync(fromHome) ? fromHome : 'java';
}

/** vnu.jar inside the vnu-jar package (its own launcher would download a JDK when Java is missing; we bring Java from Debian). */
export const VNU_JAR = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

/**
 * JVM options for one short run: a stack large enough for the HTML schema (vnu asks for at least 512 KB),
 * and only the quick C1 compiler, which halves the CPU time of checking a hundred pages (C2's
 * optimisation never pays back in a run of seconds; the messages are the same).
 */
const JVM_OPTIONS = ['-Xss8m', '-XX:TieredStopAtLevel=1'];

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
}

/** The Nu Html Checker over `files`, in one Java process. */
export async function runVnu(files: readonly string[]): Promise<Finding[]> {
  if (files.length === 0) return [];
  // --no-langdetect: the language guess only yields warnings, and costs a third of the run.
  const args = [...JVM_OPTIONS, '-jar', VNU_JAR, '--format', 'json', '--stdout', '--no-langdetect', '--asciiquotes', ...files];
  const { code, stdout, stderr, error } = await run(javaCommand(), args);
  if (error) {
    throw new Error(
      `The Nu Html Checker needs Java 17 or newer, and ${javaCommand()} could not be started (${error.message}). ` +
        'Run `npm run test:tools`, which installs it (as root on Debian or Ubuntu), or install a Java runtime and set JAVA_HOME.',
    );
  }
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(stdout) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`The Nu Html Checker ended with exit code ${code} and no report:\n${stderr || stdout}`);
  }
  return report.messages.flatMap((message): Finding[] => {
    // Plain "info" messages are notes, not findings; "info" with subType "warning" is a warning.
    if (message.type === 'info' && message.subType !== 'warning') return [];
    return [
      {
        validator: 'vnu',
        severity: message.type === 'info' ? 'warning' : 'error',
        file: message.url ? fileURLToPath(message.url) : '(no file)',
        line: message.lastLine ?? message.firstLine ?? 0,
        column: message.firstColumn ?? 0,
        message: message.subType === 'fatal' ? `fatal: ${message.message}` : message.message,
      },
    ];
  });
}

/** html-validate over `files`, with the project's configuration wherever the files are. */
export async function runHtmlValidate(files: readonly string[]): Promise<Finding[]> {
  const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));
  const findings: Finding[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) {
        findings.push({
          validator: 'html-validate',
          severity: message.severity >= 2 ? 'error' : 'warning',
          file: result.filePath,
          line: message.line,
          column: message.column,
          message: message.message,
          rule: message.ruleId,
        });
      }
    }
  }
  return findings;
}

/** One line per error: `articles/x/index.html:12:40 vnu: message`, relative to `root`. */
export function errorLines(findings: readonly Finding[], root: string): string[] {
  return findings
    .filter((finding) => finding.severity === 'error')
    .map((f) => `${path.relative(root, f.file)}:${f.line}:${f.column} ${f.validator}${f.rule ? ` [${f.rule}]` : ''}: ${f.message}`);
}

/** Warnings by message, most frequent first: `412 × vnu: Resource violates …`. */
export function warningSummary(findings: readonly Finding[]): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings.filter((f) => f.severity === 'warning')) {
    // One line per kind of warning: the quoted specifics (a file name, a value) vary from page to page.
    const key = `${finding.validator}${finding.rule ? ` [${finding.rule}]` : ''}: ${finding.message.replace(/"[^"]*"|'[^']*'/g, '"…"')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([message, count]) => `${count} × ${message}`);
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: null, stdout, stderr, error }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
