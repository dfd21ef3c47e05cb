/**
 * Decap CMS under `npm run cms` refuses what the build refuses, with the
 * build's words, and keeps the editor's work: a save the content check
 * rejects leaves the file as it was and lists the message over the editor;
 * a write to another file under content/ does not reload an open editor; a
 * settings.yaml with errors shows its report on /admin/ and the pages, and
 * the hub comes back once it is fixed. Runs on a temporary copy of the
 * valid fixture tree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkContent } from '../../src/content/check.ts';
import { type Problem, formatProblem } from '../../src/lib/problems.ts';
import { type LocalCms, startCms } from '../support/cms.ts';
import { PROJECT } from '../support/build.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';

let cms: LocalCms;
let browser: Browser;

beforeAll(async () => {
  cms = await startCms(VALID_TREE);
  ({ browser } = cms);
}, 150_000);

afterAll(async () => {
  await cms?.stop();
});

/** What the build (the check `npm run lint:content` runs) finds in `field` in the tree `root`. */
function buildProblem(root: string, field: string, pattern: RegExp = /./): Problem {
  const { problems } = checkContent({ root, now: new Date('2026-11-22'), cwd: PROJECT });
  const problem = problems.find((p) => p.severity === 'error' && p.field === field && pattern.test(p.message));
  if (!problem) throw new Error(`the build finds no error in ${field}: ${problems.map(formatProblem).join('\n')}`);
  return problem;
}

/** What the build says about `field` in the tree `root`: the message after "file:line — ". */
function buildMessage(root: string, field: string, pattern?: RegExp): string {
  return formatProblem(buildProblem(root, field, pattern))
    .split(' — ')
    .slice(1)
    .join(' — ');
}

/** The build's problem once `file` of the valid tree is edited as given (by hand, in Git). */
function problemAfterEdit(file: string, edit: (text: string) => string, field: string, pattern?: RegExp): Problem {
  const tree = treeWith({ [file]: edit(readFileSync(path.join(VALID_TREE, file), 'utf8')) });
  try {
    return buildProblem(tree.root, field, pattern);
  } finally {
    tree.cleanup();
  }
}

/** The build's message once `file` of the valid tree is edited as given: the message after "file:line — ". */
function messageAfterEdit(file: string, edit: (text: string) => string, field: string, pattern?: RegExp): string {
  return formatProblem(problemAfterEdit(file, edit, field, pattern))
    .split(' — ')
    .slice(1)
    .join(' — ');
}

async function openEntry(entry: string, viewport = { width: 1280, height: 1200 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${cms.base}/admin/#/collections/${entry}`);
  await page.getByRole('button', { name: /login/i }).click({ timeout: 60_000 });
  await page.getByLabel('Title', { exact: true }).waitFor({ timeout: 60_000 });
  return page;
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publish', exact: true }).first().click();
  await page.getByText('Publish now').click();
}

/**
 * Saves and expects the refusal: the build's message over the editor and in Decap's notice, the file unchanged.
 * `named` is the file the message names (another entry, when settings would break it).
 */
async function expectRefused(page: Page, file: string, message: string, named = file) {
  const before = readFileSync(path.join(cms.content, file), 'utf8');
  await publish(page);
  const panel = page.locator('#hub-save-check');
  await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain(message);
  expect(await panel.textContent()).toContain(`content/${named}:`);
  await expect.poll(() => page.getByText('Failed to persist entry').count()).toBeGreaterThan(0);
  // Give a save that was not stopped time to land.
  await page.waitForTimeout(1500);
  expect(readFileSync(path.join(cms.content, file), 'utf8')).toBe(before);
  await expect(page.getByText('Unsaved changes', { exact: false }).count()).resolves.toBeGreaterThan(0);
}

describe('saving in Decap CMS', () => {
  it('refuses a wording too long for X once hashtags, disclosure and the tagged link are added', async () => {
    const long = `${'Quiet heat pumps are the future of home comfort. '.repeat(6)}`.trim();
    const edit = (text: string) => text.replace('We launched something I worked on for a year.', long);
    const message = messageAfterEdit('snippets/live.md', edit, 'variants[0].text', /too long for X/);
    const page = await openEntry('snippets/entries/live');
    await page.getByLabel('Wording', { exact: true }).first().fill(long);
    await expectRefused(page, 'snippets/live.md', message);
    // The check reads the file as the hub's save format writes it (the file's own layout, one line changed),
    // so it names the line the build names in the same edit made by hand, not a line of Decap's rewrite.
    const { line } = problemAfterEdit('snippets/live.md', edit, 'variants[0].text', /too long for X/);
    expect(line).toBeGreaterThan(1);
    expect(await page.locator('#hub-save-check').textContent()).toContain(`content/snippets/live.md:${line} — ${message}`);
    await page.close();
  });

  it('refuses a banned phrase, and the refusal reads on a 390 px phone', async () => {
    const title = 'Simply the best in the world';
    const message = messageAfterEdit('snippets/live.md', (t) => t.replace('title: Live snippet', `title: ${title}`), 'title');
    const page = await openEntry('snippets/entries/live', { width: 390, height: 844 });
    await page.getByLabel('Title', { exact: true }).fill(title);
    await expectRefused(page, 'snippets/live.md', message);
    const box = (await page.locator('#hub-save-check').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(cms.repo, 'refusal-390.png') });
    if (process.env.HUB_SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.HUB_SCREENSHOT_DIR, 'cms-refusal-390.png') });
    await page.close();
  });

  it('refuses an expiry before the publish date', async () => {
    const message = messageAfterEdit('snippets/scheduled.md', (t) => t.replace('publish: 2026-12-01', 'publish: 2026-12-01\nexpires: 2026-11-30'), 'expires');
    const page = await openEntry('snippets/entries/scheduled');
    const expires = page.getByLabel(/^Expires/);
    await expires.fill('2026-11-30');
    await expectRefused(page, 'snippets/scheduled.md', message);
    await page.close();
  });

  it('refuses a body whose HTML would run script, or whose link is a script address, as the build does', async () => {
    const html = '<img src="./x.png" alt="x" onerror="alert(1)">';
    const link = '[read this](java&#x73;cript:alert(1))';
    const htmlMessage = messageAfterEdit('guidelines/be-honest.md', (t) => `${t}\n${html}\n`, 'body', /raw HTML/);
    const linkMessage = messageAfterEdit('guidelines/be-honest.md', (t) => `${t}\n${link}\n`, 'body', /script and data addresses/);
    const page = await openEntry('guidelines/entries/be-honest');
    // The body in Decap's Markdown mode, as an editor pastes HTML or a link written by hand.
    const field = page.locator('[aria-label="markdown field"]');
    await field.getByRole('switch').click();
    await field.getByText('Honesty builds trust.').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(html);
    await expectRefused(page, 'guidelines/be-honest.md', htmlMessage);
    // The same text, with the HTML replaced by a link whose address runs script once the entity is decoded.
    await field.getByText(html).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.insertText(link);
    await expectRefused(page, 'guidelines/be-honest.md', linkMessage);
    await page.close();
  });

  it('keeps the unsaved text of an open editor while another file changes, then refuses a mentor who is no longer one', async () => {
    const page = await openEntry('tracks/entries/welcome');
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Welcome to the team, unsaved');
    // Ana stops mentoring, in another file: the dev server reloads its content.
    const ana = path.join(cms.content, 'people/ana.md');
    writeFileSync(ana, readFileSync(ana, 'utf8').replace('mentor: true', 'mentor: false'));
    await expect
      .poll(async () => JSON.parse(await (await fetch(`${cms.base}/admin/content-facts.json`)).text()).entries.find((e: { id: string }) => e.id === 'ana').data.mentor, {
        timeout: 20_000,
      })
      .toBe(false);
    await page.waitForTimeout(2000);
    expect(navigations).toBe(0);
    expect(await title.inputValue()).toBe('Welcome to the team, unsaved');

    // The track itself is unchanged on disk: the build now refuses it as it stands.
    const message = buildMessage(cms.content, 'mentor', /not a mentor/);
    await expectRefused(page, 'tracks/welcome.md', message);
    expect(await title.inputValue()).toBe('Welcome to the team, unsaved');
    await page.close();
  });
});

describe('saving the settings in Decap CMS', () => {
  it('refuses a banned phrase that a published wording holds, naming the snippet as the build does', async () => {
    const phrase = 'worked on for a year';
    const edit = (text: string) => text.replace('banned: ["best in the world"]', `banned: ["best in the world", "${phrase}"]`);
    const message = messageAfterEdit('settings.yaml', edit, 'variants[0].text', /banned phrase/);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
    await page.goto(`${cms.base}/admin/#/collections/settings/entries/settings`);
    await page.getByRole('button', { name: /login/i }).click({ timeout: 60_000 });
    const add = page.getByRole('button', { name: /add phrase/i });
    await add.click({ timeout: 60_000 });
    await page.locator('[id^="banned-field"], [aria-label="list field"]').filter({ hasText: 'Banned phrases' }).getByRole('textbox').last().fill(phrase);
    await expectRefused(page, 'settings.yaml', message, 'snippets/live.md');
    await page.close();
  });
});

describe('a settings.yaml with errors under npm run cms', () => {
  it('shows the content check’s report on /admin/ and the pages, leaves an open editor alone, and recovers once fixed', async () => {
    const editor = await openEntry('snippets/entries/live');
    let navigations = 0;
    editor.on('framenavigated', (frame) => frame === editor.mainFrame() && navigations++);
    await editor.getByLabel('Title', { exact: true }).fill('Still here');

    const file = path.join(cms.content, 'settings.yaml');
    const good = readFileSync(file, 'utf8');
    // Half-written: the file stops in the middle of the brand colours.
    writeFileSync(file, good.slice(0, good.indexOf('accent')));
    await expect.poll(async () => (await fetch(`${cms.base}/share/`)).status, { timeout: 60_000 }).toBe(503);
    const { problems } = checkContent({ root: cms.content, now: new Date('2026-11-22'), cwd: PROJECT });
    const report = problems.filter((p) => p.file.endsWith('settings.yaml')).map(formatProblem);
    expect(report.length).toBeGreaterThan(0);

    for (const url of ['/admin/', '/share/', '/']) {
      const response = await fetch(cms.base + url);
      const html = await response.text();
      expect(response.status).toBe(503);
      for (const line of report) expect(html).toContain(line.replaceAll('"', '&#34;'));
      expect(html).not.toMatch(/Cannot read properties|\n\s+at /);
    }
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${cms.base}/admin/`);
    await expect(page.getByRole('heading', { name: 'settings.yaml has errors' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(report[0]);

    writeFileSync(file, good);
    await expect.poll(async () => (await fetch(`${cms.base}/share/`)).status, { timeout: 60_000 }).toBe(200);
    // The report page turns back into the CMS by itself.
    await page.getByRole('button', { name: /login/i }).waitFor({ timeout: 60_000 });
    expect(navigations).toBe(0);
    expect(await editor.getByLabel('Title', { exact: true }).inputValue()).toBe('Still here');
    await page.close();
    await editor.close();
  });
});
