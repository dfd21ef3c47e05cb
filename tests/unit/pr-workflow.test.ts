/**
 * Pull requests (Decap's editorial workflow opens one per entry) are built
 * and content-checked before they are merged, and the check's messages show
 * on the files and lines at fault as GitHub annotations.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatGithubAnnotations } from '../../src/content/report.ts';
import { PROJECT } from '../support/build.ts';
import { invalidFixture, treeWith } from '../support/fixtures.ts';

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
}

const workflow = parse(readFileSync(path.join(PROJECT, '.github/workflows/pull-request.yml'), 'utf8')) as Workflow;
const scripts = (JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('.github/workflows/pull-request.yml', () => {
  it('runs on every pull request, reading the repository only', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.on.pull_request).toBeNull();
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('installs from the lockfile, runs the content check, then builds', () => {
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ? [step.run] : [])));
    expect(runs).toEqual(['npm ci', 'npm run lint:content', 'npm run build']);
    expect(scripts['lint:content']).toBe('node scripts/lint-content.ts');
    const setup = Object.values(workflow.jobs)[0]!.steps.find((step) => step.uses?.startsWith('actions/setup-node'));
    expect(setup).toMatchObject({ with: { 'node-version': 24 } });
  });

  it('the content check prints each problem as an annotation on its file and line in GitHub Actions', () => {
    const tree = treeWith({ 'snippets/too-long.md': invalidFixture('snippets/too-long-for-x.md') });
    try {
      const run = spawnSync(process.execPath, [path.join(PROJECT, 'scripts/lint-content.ts')], {
        cwd: tree.root,
        env: { ...process.env, GITHUB_ACTIONS: 'true', HUB_NOW: '2026-11-22', NO_COLOR: '1', HUB_CONTENT_DIR: tree.root },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(1);
      const annotation = run.stdout.split('\n').find((line) => line.startsWith('::error file=snippets/too-long.md,line='));
      expect(annotation, run.stdout).toMatch(
        /^::error file=snippets\/too-long\.md,line=\d+,title=variants\[\d\]\.text::variants\[\d\]\.text: \(variant \d\) is too long for X: /,
      );
    } finally {
      tree.cleanup();
    }
  });

  it('escapes what would end a workflow command early', () => {
    expect(formatGithubAnnotations([{ severity: 'warning', file: 'a,b:c.md', line: 3, field: 'x', message: '100% sure\nnext line' }])).toBe(
      '::warning file=a%2Cb%3Ac.md,line=3,title=x::x: 100%25 sure%0Anext line',
    );
  });
});
