import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT } from '../support/build.ts';
import { FIXTURES, treeWith } from '../support/fixtures.ts';

const LINT_FIXTURES = path.join(FIXTURES, 'lint');

/** Every overlay file with the problems it declares (`# expect:` errors, `# expect-warning:` warnings). */
const overlay = readdirSync(LINT_FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .map((file) => {
    const text = readFileSync(path.join(LINT_FIXTURES, file), 'utf8');
    const expected = [...text.matchAll(/^# expect(-warning)?: (\S+) \/(.*)\/$/gm)].map(([, warning, field, pattern]) => ({
      severity: warning ? 'warning' : 'error',
      field: field!,
      message: new RegExp(pattern!),
    }));
    return { file: file.split(path.sep).join('/'), text, expected };
  });

const tree = treeWith(Object.fromEntries(overlay.map(({ file, text }) => [file, text])));
afterAll(() => tree.cleanup());

const run = spawnSync(process.execPath, ['scripts/lint-content.ts', tree.root], {
  cwd: PROJECT,
  env: { ...process.env, HUB_NOW: '2026-11-22', NO_COLOR: '1' },
  encoding: 'utf8',
});
const lines = run.stdout.split('\n');

describe('npm run lint:content on a tree with one problem of each kind', () => {
  it('exits non-zero and says how many errors and warnings', () => {
    expect(run.status, run.stderr).toBe(1);
    const errors = overlay.flatMap((o) => o.expected).filter((e) => e.severity === 'error').length;
    const warnings = overlay.flatMap((o) => o.expected).filter((e) => e.severity === 'warning').length;
    expect(lines.at(-2)).toBe(`✖ ${errors} errors, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  });

  it.each(overlay.flatMap(({ file, expected }) => expected.map((e) => ({ file, ...e }))))(
    'reports $field in $file with its line ($severity)',
    ({ file, severity, field, message }) => {
      const prefix = new RegExp(`^${escape(path.join(tree.root, file))}:(\\d+)  ${severity.padEnd(7)}  ${escape(field)}: `);
      const line = lines.find((l) => prefix.test(l) && message.test(l));
      expect(line, run.stdout).toBeDefined();
      expect(Number(prefix.exec(line!)![1])).toBeGreaterThan(1);
    },
  );

  it('does not flag links in code, well-formed links or links to published hub pages', () => {
    const bodyProblems = lines.filter((l) => l.includes('articles/bad-body.md'));
    expect(bodyProblems).toHaveLength(4);
    expect(run.stdout).not.toContain('htps://nowhere');
    expect(run.stdout).not.toContain('/guidelines/be-honest/');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
