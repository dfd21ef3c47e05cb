/**
 * An editor creates a snippet with two wordings in Decap CMS, running as
 * `npm run cms` does (astro dev + decap-server) on a temporary copy of the
 * content. The file Decap writes (a date from its date widget too) must pass
 * the schemas and build into a page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { astroBuild, read, removeBuild } from '../support/build.ts';
import { type LocalCms, openAdmin, startCms } from '../support/cms.ts';
import { VALID_TREE } from '../support/fixtures.ts';

let cms: LocalCms;
let repo: string;
let base: string;

beforeAll(async () => {
  cms = await startCms(VALID_TREE);
  ({ repo, base } = cms);
}, 120_000);

afterAll(async () => {
  await cms?.stop();
});

describe('npm run cms', () => {
  it('serves /admin/ configured for the local proxy, also without the trailing slash', async () => {
    const config = await (await fetch(`${base}/admin/config.yml`)).text();
    expect(config).toMatch(/backend:\n {2}name: proxy\n {2}proxy_url: http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
    expect(config).toContain('folder: content/snippets');
    const redirect = await fetch(`${base}/admin`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/admin/');
  });

  it('creates a snippet with two wordings through the UI, into a file that passes the schema and builds', async () => {
    const { page, errors } = await openAdmin(cms, '#/collections/snippets/new');

    await page.getByLabel('Title', { exact: true }).fill('Our quietest heat pump yet');
    await page.getByLabel('Link to share').fill('https://www.fixture.example/quiet?lang=en#specs');
    await page.getByLabel('Campaign').fill('Product');
    await page.getByRole('option', { name: 'Product launch' }).click();
    await page.getByLabel('Topics').fill('product');
    await page.keyboard.press('Enter');
    await page.getByLabel('Teams').fill('engineering');
    await page.keyboard.press('Enter');
    await page.getByLabel('Hashtags').fill('QuietHeat');
    await page.getByRole('button', { name: 'Add wording' }).click();
    await page.getByLabel('Wording', { exact: true }).last().fill('I spent a year making this one quieter. Here is how it went.');
    await page.getByRole('button', { name: 'Add wording' }).click();
    await page.getByLabel('Wording', { exact: true }).last().fill('What would you ask the team behind our quietest heat pump?');
    // The date widget writes the day as text; the build reads it as written (src/content/yaml.ts).
    await page.getByLabel(/^Publish\b/).fill('2026-11-20');
    await page.getByRole('button', { name: 'Publish' }).first().click();
    await page.getByText('Publish now').click();

    const file = path.join(repo, 'content/snippets/our-quietest-heat-pump-yet.md');
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('campaign: launch');
    expect(written).toMatch(/^publish: (2026-11-20|'2026-11-20'|"2026-11-20")$/m);

    const { problems, entries } = checkContent({ root: path.join(repo, 'content'), now: new Date('2026-11-22'), cwd: repo });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const entry = entries.find((e) => e.collection === 'snippets' && e.id === 'our-quietest-heat-pump-yet')!;
    expect(entry.data).toMatchObject({
      title: 'Our quietest heat pump yet',
      link: 'https://www.fixture.example/quiet?lang=en#specs',
      campaign: 'launch',
      topics: ['product'],
      teams: ['engineering'],
      hashtags: ['QuietHeat'],
      publish: new Date('2026-11-20T00:00:00Z'),
      variants: [{ text: 'I spent a year making this one quieter. Here is how it went.' }, { text: 'What would you ask the team behind our quietest heat pump?' }],
      draft: false,
    });

    const build = await astroBuild({ contentDir: path.join(repo, 'content'), now: '2026-11-22' });
    onTestFinished(() => removeBuild(build));
    expect(build.code, build.output).toBe(0);
    const html = read(build.outDir, 'share/our-quietest-heat-pump-yet/index.html');
    expect(html).toContain('I spent a year making this one quieter. Here is how it went.');
    expect(html).toContain('What would you ask the team behind our quietest heat pump?');
    expect(errors).toEqual([]);
    await page.close();
  });
});
