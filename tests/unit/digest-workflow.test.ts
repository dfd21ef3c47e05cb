/**
 * The weekly digest workflow (.github/workflows/digest.yml): scheduled and by hand, one run at a time,
 * the record of what was sent restored before sending and saved after it whatever happened (so a
 * re-run or the next day's run sends only what is missing), the configuration only from a secret,
 * written outside the work tree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../support/build.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  env: Record<string, string>;
  jobs: { send: { env: Record<string, string>; steps: Step[] } };
}

const text = readFileSync(path.join(PROJECT, '.github/workflows/digest.yml'), 'utf8');
const workflow = parse(text) as Workflow;
const steps = workflow.jobs.send.steps;
const at = (find: (step: Step) => boolean) => {
  const index = steps.findIndex(find);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
};

describe('.github/workflows/digest.yml', () => {
  it('runs daily and by hand, one run at a time, never cancelled half-way', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.concurrency).toEqual({ group: 'digest', 'cancel-in-progress': false });
  });

  it('restores the record of what was sent, builds, sends, then saves the record whatever happened', () => {
    const state = workflow.env.HUB_DIGEST_STATE;
    expect(state).toBe('.cache/digest-sent.json');
    const restore = at((s) => s.uses?.startsWith('actions/cache/restore@') === true && s.with?.path === '${{ env.HUB_DIGEST_STATE }}');
    const build = at((s) => s.run === 'npm run build');
    const email = at((s) => s.run === 'npm run digest:send --silent');
    const chat = at((s) => s.run === 'npm run digest:post --silent');
    const save = at((s) => s.uses?.startsWith('actions/cache/save@') === true && s.with?.path === '${{ env.HUB_DIGEST_STATE }}');
    expect([restore, build, email, chat, save]).toEqual([...[restore, build, email, chat, save]].sort((a, b) => a - b));
    // Each run and attempt saves under a key of its own, which the next run's restore-keys prefix finds.
    expect(steps[save]!.with!.key).toBe('digest-sent-${{ github.run_id }}-${{ github.run_attempt }}');
    expect(steps[restore]!.with!['restore-keys']).toBe('digest-sent-');
    expect(steps[save]!.if).toMatch(/^\$\{\{ always\(\) && /);
    expect(steps[chat]!.if).toMatch(/!cancelled\(\)/);
  });

  it('takes addresses and webhooks from the secret DIGEST_CONFIG only, written outside the work tree', () => {
    expect(workflow.jobs.send.env).toEqual({ DIGEST_CONFIG: '${{ secrets.DIGEST_CONFIG }}' });
    const write = steps.find((s) => s.name === 'Write the digest configuration')!;
    expect(write.run).toContain('umask 077');
    expect(write.run).toContain('"$RUNNER_TEMP/digest.env"');
    expect(write.run).toContain('HUB_DIGEST_CONFIG=$RUNNER_TEMP/digest.env');
    // No webhook, address with a password or token written in the file: only the examples' shapes.
    expect(text.match(/\b[A-Za-z0-9_-]{32,}\b/g)).toBeNull();
    expect(text).not.toMatch(/hooks\.slack\.com\/services\/[A-Z0-9]/);
  });
});
