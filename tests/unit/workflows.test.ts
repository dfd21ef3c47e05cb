/**
 * The deploy workflows (.github/workflows): they parse, build with the
 * project's own build command, publish dist/ (which holds _headers), keep
 * every credential in GitHub's secrets, and never both deploy the same push.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUNDLER_ALLOCATOR_ENV } from '../../scripts/lib/astro.ts';

const DIR = path.join(import.meta.dirname, '../../.github/workflows');
const PACKAGE = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { if?: string; steps?: Step[]; needs?: string }>;
}

const text = (file: string) => readFileSync(path.join(DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps ?? []);

describe('the deploy workflows', () => {
  it('parse as YAML, each with jobs', () => {
    const files = readdirSync(DIR).filter((file) => /\.ya?ml$/.test(file));
    expect(files).toEqual(expect.arrayContaining(['deploy.yml', 'deploy-cloudflare-pages.yml']));
    for (const file of files) expect(Object.keys(workflow(file).jobs).length, file).toBeGreaterThan(0);
  });

  it('build with `npm run build` from a clean install, on push to main, daily and by hand', () => {
    expect(PACKAGE.scripts.build).toMatch(/\bastro build\b/);
    // The bundler's allocator settings, as the project's own tools start Astro (scripts/lib/astro.ts).
    for (const script of ['build', 'build:test'])
      for (const [name, value] of Object.entries(BUNDLER_ALLOCATOR_ENV)) expect(PACKAGE.scripts[script], script).toContain(`${name}=${value} `);
    for (const file of ['deploy.yml', 'deploy-cloudflare-pages.yml']) {
      const runs = steps(file).map((step) => step.run);
      expect(runs, file).toEqual(expect.arrayContaining(['npm ci', 'npm run build']));
      expect(runs.indexOf('npm ci'), file).toBeLessThan(runs.indexOf('npm run build'));
      expect(Object.keys(workflow(file).on).sort(), file).toEqual(['push', 'schedule', 'workflow_dispatch']);
    }
  });

  it('publish dist/ to Cloudflare Pages, which applies dist/_headers, after checking the file is there', () => {
    const all = steps('deploy-cloudflare-pages.yml');
    const deploy = all.find((step) => step.uses?.startsWith('cloudflare/wrangler-action@'));
    expect(deploy?.with?.command).toMatch(/^pages deploy dist --project-name=\$\{\{ vars\.CLOUDFLARE_PROJECT_NAME \}\}$/);
    expect(all.map((step) => step.run)).toContain('test -s dist/_headers');
    expect(all.indexOf(all.find((step) => step.run === 'npm run build')!)).toBeLessThan(all.indexOf(deploy!));
  });

  it('take every credential from GitHub secrets, none written in the file', () => {
    const deploy = steps('deploy-cloudflare-pages.yml').find((step) => step.uses?.startsWith('cloudflare/wrangler-action@'))!;
    expect(deploy.with).toMatchObject({ apiToken: '${{ secrets.CLOUDFLARE_API_TOKEN }}', accountId: '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}' });
    for (const file of ['deploy.yml', 'deploy-cloudflare-pages.yml']) {
      // A Cloudflare token or account id is 32–40 characters of letters, digits, _ and -; nothing like it may stand in the file.
      expect(text(file).match(/\b[A-Za-z0-9_-]{32,}\b/g), file).toBeNull();
    }
  });

  it('deploy to one host at a time: GitHub Pages until CLOUDFLARE_PROJECT_NAME is set, Cloudflare Pages after', () => {
    expect(workflow('deploy.yml').jobs.build?.if).toBe("vars.CLOUDFLARE_PROJECT_NAME == ''");
    expect(workflow('deploy.yml').jobs.deploy?.needs).toBe('build');
    expect(workflow('deploy-cloudflare-pages.yml').jobs.deploy?.if).toBe("vars.CLOUDFLARE_PROJECT_NAME != ''");
    // The audit of the production dependencies runs whichever host is chosen.
    expect(workflow('deploy.yml').jobs.audit?.if).toBeUndefined();
  });
});
