#!/usr/bin/env node
/**
 * `npm run audit:prod`: `npm audit` of the production dependencies (what the
 * build runs and what /admin/ serves), failing on any high or critical
 * advisory that audit-exceptions.json does not accept with a reason and a
 * date to look again (docs/security.md).
 *
 * Where the advisory service cannot be reached (offline machines, registries
 * or mirrors without the audit endpoint), it says so plainly — the
 * dependencies were NOT audited — and exits 0, so `npm test` still runs
 * there; with --strict (CI that can reach it) that is a failure too.
 *
 *   npm run audit:prod
 *   npm run audit:prod -- --strict
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exceptionsFileSchema, judge, readAuditOutput, type AuditException } from './lib/audit.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXCEPTIONS = path.join(ROOT, 'audit-exceptions.json');
const strict = process.argv.includes('--strict');
const today = new Date().toISOString().slice(0, 10);

function exceptions(): AuditException[] {
  if (!existsSync(EXCEPTIONS)) return [];
  const parsed = exceptionsFileSchema.safeParse(JSON.parse(readFileSync(EXCEPTIONS, 'utf8')));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`audit-exceptions.json: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    process.exit(2);
  }
  return parsed.data.exceptions;
}

const accepted = exceptions();
// npm itself, the one running this script (Node 24's npm under `npm run`), with no retries: an unreachable
// service is reported in seconds, not after minutes of backing off.
const npm = process.env.npm_execpath;
const args = ['audit', '--omit=dev', '--json', '--fetch-retries=0', '--fetch-timeout=20000'];
const run = npm
  ? spawnSync(process.execPath, [npm, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  : spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
const outcome = readAuditOutput(run.stdout ?? '', `${run.stderr ?? ''}${run.error ? `\n${run.error.message}` : ''}`);

if (outcome.kind === 'unreachable') {
  console.log(`npm audit: the advisory service could not be reached (${outcome.reason}).`);
  console.log('npm audit: production dependencies were NOT audited on this machine. Run "npm run audit:prod" where the registry answers audits (docs/security.md).');
  if (accepted.length) console.log(`npm audit: ${accepted.length} exception(s) on file were not checked.`);
  process.exit(strict ? 2 : 0);
}

const verdict = judge(outcome.findings, accepted, today);
const { counts } = outcome;
console.log(
  `npm audit (production dependencies${outcome.dependencies ? `, ${outcome.dependencies} packages` : ''}): ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low.`,
);
for (const { finding, exception } of verdict.accepted) {
  console.log(
    `  accepted until ${exception.expires}: ${finding.severity} ${finding.advisory} in ${finding.package} (${finding.title}) — ${exception.reason} [${exception.by}, ${exception.added}]`,
  );
}
for (const exception of verdict.expired)
  console.log(`  expired on ${exception.expires}: the exception for ${exception.advisory} in ${exception.package}; review it and renew or remove it.`);
for (const exception of verdict.unused) console.log(`  no longer needed: the exception for ${exception.advisory} in ${exception.package} matches no finding; remove it.`);
for (const finding of verdict.blocking) {
  console.log(
    `  ${finding.severity.toUpperCase()} ${finding.advisory} in ${finding.package}${finding.range ? ` ${finding.range}` : ''}: ${finding.title}${finding.url ? ` (${finding.url})` : ''}`,
  );
}
if (verdict.blocking.length) {
  console.log(
    `npm audit: ${verdict.blocking.length} high or critical advisory(ies) without an exception: update the package (npm audit fix --omit=dev) or add a justified, dated exception to audit-exceptions.json.`,
  );
  process.exit(1);
}
console.log('npm audit: no high or critical advisory stands.');
