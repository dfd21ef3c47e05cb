/**
 * The sample content in Decap CMS, as an editor meets it with `npm run cms`
 * (on a temporary Git copy of content/): every sample article saves after a
 * one-field change as a one-line diff; a new article without a cover saves;
 * a quiz answer is chosen among the options; the form speaks the editor's
 * words; local links stay local. Screenshots of the editor go to
 * test-results/cms/ (phone and desktop, a snippet and an article).
 */
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkContent } from '../../src/content/check.ts';
import { PROJECT } from '../support/build.ts';
import { type LocalCms, changedLines, field, openAdmin, publish, startCms } from '../support/cms.ts';

const SAMPLE = path.join(PROJECT, 'content');
const SHOTS = path.join(PROJECT, 'test-results/cms');
// The sample hub has several languages: the default language's files are <id>.en.md, as Decap reads and writes them.
const ARTICLES = readdirSync(path.join(SAMPLE, 'articles'))
  .filter((file) => file.endsWith('.en.md'))
  .map((file) => file.slice(0, -'.en.md'.length))
  .sort();

let cms: LocalCms;

beforeAll(async () => {
  cms = await startCms(SAMPLE);
  // The first load of /admin/ makes astro dev build its script; the tests' own loads are then quicker.
  const { page } = await openAdmin(cms, '#/collections/articles');
  await page.close();
}, 240_000);

afterAll(async () => {
  await cms?.stop();
});

/** The labels the open form shows, as written (Decap shows them in capitals through CSS). */
async function labels(page: Page): Promise<string[]> {
  return page.locator('form label, [class*="ControlContainer"] label, label[for]').evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').trim()));
}

describe('the sample content in the CMS', () => {
  it.each(ARTICLES)('articles/%s saves after a one-field change as a one-line diff', async (id) => {
    const file = `content/articles/${id}.en.md`;
    const published = /^published: (\d{4}-\d{2}-\d{2})$/m.exec(readFileSync(path.join(SAMPLE, 'articles', `${id}.en.md`), 'utf8'))![1]!;
    const dayAfter = new Date(Date.parse(`${published}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const { page, errors } = await openAdmin(cms, `#/collections/articles/entries/${id}`);
    const title = /^title: (.+)$/m.exec(readFileSync(path.join(SAMPLE, 'articles', `${id}.en.md`), 'utf8'))![1]!;
    await expect.poll(() => field(page, 'Title').inputValue(), { timeout: 30_000 }).toBe(title.replace(/^"|"$/g, ''));
    await field(page, 'Published').fill(dayAfter);
    await publish(page);
    await expect.poll(() => cms.diff(file), { timeout: 15_000 }).not.toBe('');
    expect(changedLines(cms.diff(file))).toEqual({ added: [`published: ${dayAfter}`], removed: [`published: ${published}`] });
    // The date is the same in every language, but no language without a translation gets a file holding only it (decap-cms#6932).
    expect(cms.status().filter((line) => line.includes(id) && !line.includes(`${id}.en.md`))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves a new article without a cover, into a file the content check accepts', async () => {
    const { page, errors } = await openAdmin(cms, '#/collections/articles/new');
    await expect.poll(() => field(page, 'Title').inputValue(), { timeout: 30_000 }).toBe('');
    await field(page, 'Title').fill('What a cold snap teaches a support team');
    await field(page, 'Description').fill('Three days of frost, four hundred calls, and what we changed in how we answer them.');
    await field(page, 'Author').fill('Maya');
    await page.getByRole('option', { name: 'Maya Okafor' }).click();
    await field(page, 'Published').fill('2026-11-02');
    await field(page, 'Topics').fill('product');
    await page.keyboard.press('Enter');
    await publish(page);
    const file = path.join(cms.repo, 'content/articles/what-a-cold-snap-teaches-a-support-team.en.md');
    await expect.poll(() => existsSync(file), { timeout: 15_000 }).toBe(true);
    // Written in English only: no German or Arabic file of defaults and dates.
    expect(cms.status().filter((line) => line.includes('cold-snap'))).toEqual(['?? content/articles/what-a-cold-snap-teaches-a-support-team.en.md']);
    const written = readFileSync(file, 'utf8');
    expect(written).not.toMatch(/^cover:/m);
    expect(written).toMatch(/^topics: \[product\]$/m);
    expect(written).toMatch(/^published: 2026-11-02$/m);
    const { problems } = checkContent({ root: path.join(cms.repo, 'content'), now: new Date('2026-11-22'), cwd: cms.repo });
    expect(problems.filter((p) => p.severity === 'error' && p.file.includes('cold-snap'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('chooses a quiz answer among the options, not as a number from 0', async () => {
    const file = 'content/training/advocacy-basics.en.md';
    const { page, errors } = await openAdmin(cms, '#/collections/training/entries/advocacy-basics');
    // In a hub of several languages Decap shows the next language's form too: the first is the default's.
    await page.getByRole('button', { name: 'Add question' }).first().waitFor({ timeout: 30_000 });
    // The first question's right answer is its second option (answer: 1 in the file).
    await expect(page.getByText('2nd option', { exact: true }).first().isVisible()).resolves.toBe(true);
    await field(page, 'Right answer').first().click();
    await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['1st option', '2nd option', '3rd option', '10th option']));
    await page.getByRole('option', { name: '3rd option' }).click();
    await publish(page);
    await expect.poll(() => cms.diff(file), { timeout: 15_000 }).not.toBe('');
    expect(changedLines(cms.diff(file))).toEqual({ added: ['    answer: 2'], removed: ['    answer: 1'] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens an entry of every collection without an error, labelled in the editor’s words', async () => {
    const seen: string[] = [];
    for (const [hash, ready] of [
      ['#/collections/articles/entries/designing-for-the-quiet-months', 'Alt text'],
      ['#/collections/snippets/entries/heat-pumps-in-the-cold', 'Wording'],
      ['#/collections/training/entries/advocacy-basics', 'Right answer'],
      ['#/collections/tracks/entries/sales-advocates', 'Mentor'],
      ['#/collections/people/entries/maya-okafor', 'Named in recognition'],
      ['#/collections/settings/entries/settings', 'Repository'],
      ['#/collections/guidelines/entries/add-value', "Don't"],
      ['#/collections/campaigns/entries/winter-ready', 'Ends'],
    ] as const) {
      const { page, errors } = await openAdmin(cms, hash);
      await page
        .getByText(new RegExp(`^${ready}(?: \\(optional\\))?$`, 'i'))
        .first()
        .waitFor({ timeout: 60_000 });
      seen.push(...(await labels(page)), ...(await page.getByRole('button').allInnerTexts()));
      expect(errors, hash).toEqual([]);
      await page.close();
    }
    const words = seen.map((text) => text.replace(/\s*\(optional\)$/i, '').trim());
    expect(words).toEqual(expect.arrayContaining(['Cover image', 'Alt text', 'Wordings', 'Wording', 'Mentor', 'Right answer', 'Add question', 'Add wording']));
    for (const bad of ['Src', 'Alt', 'Cms', 'Base url', 'Recognize', 'Variants', 'Item', 'Add quiz', 'Answer']) expect(words, bad).not.toContain(bad);
  }, 600_000);

  it('offers only mentors as a track’s mentor, and steps among the entries', async () => {
    const { page } = await openAdmin(cms, '#/collections/tracks/entries/sales-advocates');
    const mentor = field(page, 'Mentor');
    await mentor.waitFor({ timeout: 60_000 });
    await mentor.click();
    const people = readdirSync(path.join(SAMPLE, 'people')).map((file) => readFileSync(path.join(SAMPLE, 'people', file), 'utf8'));
    const mentors = people.filter((text) => /^mentor: true$/m.test(text)).map((text) => /^name: (.+)$/m.exec(text)![1]!);
    // Decap fills the relation's options after a search of the people collection: slow on a busy machine.
    await expect.poll(async () => (await page.getByRole('option').allInnerTexts()).sort(), { timeout: 20_000 }).toEqual(mentors.sort());
    await page.keyboard.press('Escape');
    await field(page, 'Entry to open').first().click();
    await expect
      .poll(() => page.getByRole('option').allInnerTexts(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['Guideline · Add something of your own', 'Training module · Advocacy basics']));
    await page.close();
  });

  it('links the logo and "View Live" to the local hub, not the production site', async () => {
    const config = await (await fetch(`${cms.base}/admin/config.yml`)).text();
    expect(config).toContain(`site_url: ${cms.base}/`);
    expect(config).toContain(`display_url: ${cms.base}/`);
    expect(config).toMatch(new RegExp(`logo_url: ${cms.base}/`));
  });

  it('takes screenshots of a snippet and an article at 390×844 and on a desktop', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const [name, hash] of [
      ['snippet', '#/collections/snippets/entries/heat-pumps-in-the-cold'],
      ['article', '#/collections/articles/entries/designing-for-the-quiet-months'],
    ]) {
      const { page, errors } = await openAdmin(cms, hash!);
      await field(page, 'Title').waitFor({ timeout: 60_000 });
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1440, height: 900 },
      ]) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(1_000);
        const file = path.join(SHOTS, `cms-${name}-${viewport.width}.png`);
        await page.screenshot({ path: file });
        expect(existsSync(file)).toBe(true);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 240_000);
});

// Last: a change to settings.yaml restarts the dev server, which the tests above would run into.
describe('the sample settings in the CMS', () => {
  it('saves the settings after a one-field change as a one-line diff, comments and list styles kept', async () => {
    const file = 'content/settings.yaml';
    const name = /^name: (.+)$/m.exec(readFileSync(path.join(SAMPLE, 'settings.yaml'), 'utf8'))![1]!;
    const { page, errors } = await openAdmin(cms, '#/collections/settings/entries/settings');
    await expect.poll(() => field(page, 'Name').inputValue(), { timeout: 30_000 }).toBe(name);
    await field(page, 'Name').fill(`${name} Hub`);
    await publish(page);
    await expect.poll(() => cms.diff(file), { timeout: 15_000 }).not.toBe('');
    expect(changedLines(cms.diff(file))).toEqual({ added: [`name: ${name} Hub`], removed: [`name: ${name}`] });
    expect(errors).toEqual([]);
    await page.close();
  });
});
