/**
 * Onboarding, training and guidelines in Chromium against the built sample
 * hub: what a link presets persists on the next pages, a passed quiz survives
 * a reload, the acknowledgement removes the reminder.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SAMPLE_SITE, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeEach(async () => {
  await context?.close();
  context = await hub.browser.newContext();
  page = await context.newPage();
  errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return () => expect(errors).toEqual([]);
});

const storage = (key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
const visibleMentor = () => page.locator('[data-mentor]:visible .person a').textContent();

/** Teams of the cards that show in a list. */
const shownTeams = (list: string) =>
  page.locator(`#${list} > li`).evaluateAll((cards) => cards.filter((c) => !(c as HTMLElement).hidden).map((c) => (c as HTMLElement).dataset.teams!.split(' ')));

describe('an onboarding link', () => {
  it('presets mentor, team and code, and they persist on the next pages', async () => {
    await page.goto(`${hub.site.url}/start/sales-advocates/?mentor=priya-raman&team=engineering&ref=ana-7`);
    await expect(visibleMentor()).resolves.toBe('Priya Raman');
    expect(await page.locator('[data-mentor-chosen]').isVisible()).toBe(true);
    expect(await storage('hub:advocate')).toEqual({ code: 'ana-7', team: 'engineering', mentor: 'priya-raman' });
    // The code is personal: it leaves the address once stored.
    expect(new URL(page.url()).search).toBe('');

    // Next page: the snippet list defaults to the team, with a visible control and "show all".
    await page.goto(`${hub.site.url}/share/`);
    await expect(page.locator('[data-team-select]').inputValue()).resolves.toBe('engineering');
    const total = await page.locator('#share-list > li').count();
    let teams = await shownTeams('share-list');
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.length).toBeLessThan(total);
    for (const t of teams) expect(t.includes('engineering') || t.includes('all'), t.join()).toBe(true);
    await expect(page.locator('[data-team-status]').textContent()).resolves.toBe(`Posts for Engineering and for everyone: ${teams.length} of ${total}.`);
    await page.getByRole('button', { name: 'Show all' }).click();
    expect(await shownTeams('share-list')).toHaveLength(total);
    await page.getByRole('button', { name: 'Only Engineering' }).click();
    expect(await shownTeams('share-list')).toHaveLength(teams.length);

    // The home page's "fresh to share" picks six for the team.
    await page.goto(`${hub.site.url}/`);
    teams = await shownTeams('fresh-list');
    expect(teams).toHaveLength(6);
    for (const t of teams) expect(t.includes('engineering') || t.includes('all'), t.join()).toBe(true);

    // Back on the track without parameters, the mentor chosen by the link stays.
    await page.goto(`${hub.site.url}/start/sales-advocates/`);
    await expect(visibleMentor()).resolves.toBe('Priya Raman');
    await page.goto(`${hub.site.url}/start/engineers-who-write/`);
    await expect(visibleMentor()).resolves.toBe('Priya Raman');
    expect(await storage('hub:advocate')).toEqual({ code: 'ana-7', team: 'engineering', mentor: 'priya-raman' });
  });

  it('ignores a mentor who is not one, a team that does not exist and a code that cannot be one', async () => {
    await page.goto(`${hub.site.url}/start/sales-advocates/?mentor=samuel-adeyemi&team=finance&ref=a%20b`);
    await expect(visibleMentor()).resolves.toBe('Lucas Brandt');
    expect(await page.locator('[data-mentor-chosen]').isVisible()).toBe(false);
    expect(await storage('hub:advocate')).toBeNull();
    await page.goto(`${hub.site.url}/share/`);
    expect(await shownTeams('share-list')).toHaveLength(await page.locator('#share-list > li').count());
  });

  it('keeps the checklist of the track across reloads', async () => {
    await page.goto(`${hub.site.url}/start/everyone-starts-here/`);
    const status = page.locator('[data-checklist-status]');
    await expect(status.textContent()).resolves.toBe('0 of 8 steps done.');
    await page.getByRole('checkbox', { name: 'Done: Advocacy basics' }).check();
    await page.getByRole('checkbox', { name: /^Done: Add your photo/ }).check();
    await expect(status.textContent()).resolves.toBe('2 of 8 steps done.');
    await page.reload();
    await expect(status.textContent()).resolves.toBe('2 of 8 steps done.');
    expect(await page.getByRole('checkbox', { name: 'Done: Advocacy basics' }).isChecked()).toBe(true);
    // Another track has its own checklist.
    await page.goto(`${hub.site.url}/start/sales-advocates/`);
    await expect(page.locator('[data-checklist-status]').textContent()).resolves.toBe('0 of 8 steps done.');
  });

  it('is offered to copy, following the chooser, with a QR code of the default link', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.site.url });
    await page.goto(`${hub.site.url}/start/sales-advocates/`);
    const link = page.getByLabel('Onboarding link');
    await expect(link.inputValue()).resolves.toBe(`${SAMPLE_SITE}/start/sales-advocates/?team=sales`);
    await page.getByLabel('Mentor', { exact: true }).selectOption('priya-raman');
    await page.getByLabel('Team', { exact: true }).selectOption('support');
    await page.getByLabel('Their advocate code (optional)').fill('new-hire-12');
    await expect(link.inputValue()).resolves.toBe(`${SAMPLE_SITE}/start/sales-advocates/?mentor=priya-raman&team=support&ref=new-hire-12`);
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(await link.inputValue());
    await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('Link copied.');

    const qr = page.locator('.invite-qr img');
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const href = await page.getByRole('link', { name: 'Download the QR code (SVG)' }).getAttribute('href');
    const svg = await (await fetch(hub.site.url + href)).text();
    expect(svg).toContain(`<title>${SAMPLE_SITE}/start/sales-advocates/?team=sales</title>`);
  });
});

/** Answers a quiz: right answers, except the questions listed as wrong. */
async function answerQuiz(wrong: number[] = []) {
  const questions = page.locator('fieldset[data-answer]');
  for (let i = 0; i < (await questions.count()); i++) {
    const question = questions.nth(i);
    const answer = Number(await question.getAttribute('data-answer'));
    const radios = question.getByRole('radio');
    await radios.nth(wrong.includes(i) ? (answer + 1) % (await radios.count()) : answer).check();
  }
  await page.getByRole('button', { name: 'Check my answers' }).click();
}

describe('a training quiz', () => {
  it('asks for every answer, explains, scores, and keeps a pass across a reload', async () => {
    await page.goto(`${hub.site.url}/training/advocacy-basics/`);
    const result = page.locator('[data-result]');
    expect(await result.getAttribute('role')).toBe('status');
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await expect(result.textContent()).resolves.toBe('Answer question 1 first.');

    await answerQuiz([0, 1]);
    await expect(result.textContent()).resolves.toMatch(/^You got 2 of 4 right\. Not passed yet: you need 3 of 4\./);
    await expect(page.locator('fieldset[data-answer]').first().locator('[data-verdict]').textContent()).resolves.toBe('Not quite.');
    expect(await storage('hub:training')).toMatchObject({ 'advocacy-basics': { passed: false, best: 2, total: 4 } });

    await page.getByRole('button', { name: 'Take the quiz again' }).click();
    await answerQuiz([2]);
    await expect(result.textContent()).resolves.toBe('You got 3 of 4 right. Passed! This module now counts towards your training badge.');

    await page.reload();
    const note = page.locator('[data-passed-note]');
    expect(await note.isVisible()).toBe(true);
    await expect(note.textContent()).resolves.toMatch(/You passed this quiz on .+, with 3 of 4 right\./);
    // The radios form one group per question, named by its legend.
    expect(await page.getByRole('group', { name: /^1\. / }).getByRole('radio').count()).toBeGreaterThan(1);

    await page.goto(`${hub.site.url}/training/`);
    await expect(page.locator('[data-module-progress="advocacy-basics"] [data-status]').textContent()).resolves.toBe('Passed');
    await expect(page.locator('[data-module-progress="listening-first"] [data-status]').textContent()).resolves.toBe('Not started');
  });

  it('gives the completion badge once every module of the learner’s role is passed', async () => {
    await page.goto(`${hub.site.url}/training/`);
    const summary = page.locator('[data-summary]');
    const badge = page.locator('[data-badge]');
    await expect(summary.textContent()).resolves.toBe('Choose your role to see your path.');
    await page.getByLabel('Your advocacy role').selectOption('listener');
    await expect(summary.textContent()).resolves.toBe('0 of 2 modules of your path passed.');
    expect(await storage('hub:advocate')).toEqual({ role: 'listener' });

    for (const module of ['advocacy-basics', 'listening-first']) {
      expect(await badge.isVisible()).toBe(false);
      await page.goto(`${hub.site.url}/training/${module}/`);
      await answerQuiz();
      await page.goto(`${hub.site.url}/training/`);
    }
    await expect(summary.textContent()).resolves.toBe('2 of 2 modules of your path passed.');
    expect(await badge.isVisible()).toBe(true);
    await expect(badge.textContent()).resolves.toMatch(/Training complete\s*Listener: every module of your path passed, on /);
    // Another role still has a module to pass.
    await page.getByLabel('Your advocacy role').selectOption('curator');
    await expect(summary.textContent()).resolves.toBe('1 of 2 modules of your path passed.');
    expect(await badge.isVisible()).toBe(false);
  });
});

describe('the guidelines acknowledgement', () => {
  it('removes the reminder from the snippet pages, until taken back', async () => {
    const snippet = `${hub.site.url}/share/winter-checklist/`;
    await page.goto(snippet);
    const reminder = page.locator('[data-guidelines-reminder]');
    expect(await reminder.isVisible()).toBe(true);
    await reminder.getByRole('link', { name: 'Read the guidelines and confirm' }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/guidelines/#acknowledge');

    await page.getByRole('button', { name: 'I have read the guidelines' }).click();
    await expect(page.locator('[data-ack-status]').textContent()).resolves.toMatch(/^You confirmed that you read the guidelines on .+\. Thank you\.$/);
    await page.goto(snippet);
    expect(await reminder.isVisible()).toBe(false);
    await page.goto(`${hub.site.url}/share/heat-pump-myths/`);
    expect(await reminder.isVisible()).toBe(false);

    await page.goto(`${hub.site.url}/guidelines/`);
    await page.getByRole('button', { name: 'Take my confirmation back' }).click();
    await page.goto(snippet);
    expect(await reminder.isVisible()).toBe(true);
  });

  it('asks again when the guidelines changed since', async () => {
    await page.goto(`${hub.site.url}/guidelines/`);
    await page.evaluate(() => localStorage.setItem('hub:guidelines', JSON.stringify({ version: 'older', at: '2026-01-01T00:00:00Z' })));
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    expect(await page.locator('[data-guidelines-reminder]').isVisible()).toBe(true);
  });
});

describe('without JavaScript', () => {
  it('shows every snippet, the plain onboarding link and QR code, and the quiz answers', async () => {
    await context.close();
    context = await hub.browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(`${hub.site.url}/share/`);
    const total = await page.locator('#share-list > li').count();
    expect(await page.locator('#share-list > li:visible').count()).toBe(total);
    expect(await page.locator('[data-team-filter]').isVisible()).toBe(false);
    await page.goto(`${hub.site.url}/`);
    expect(await page.locator('#fresh-list > li:visible').count()).toBe(6);
    await page.goto(`${hub.site.url}/start/sales-advocates/`);
    await expect(page.getByLabel('Onboarding link').inputValue()).resolves.toBe(`${SAMPLE_SITE}/start/sales-advocates/?team=sales`);
    expect(await page.locator('.invite-qr img').isVisible()).toBe(true);
    await expect(visibleMentor()).resolves.toBe('Lucas Brandt');
    await page.goto(`${hub.site.url}/training/advocacy-basics/`);
    expect(await page.locator('details.quiz-answer').count()).toBe(4);
    expect(await page.getByRole('button', { name: 'Check my answers' }).isVisible()).toBe(false);
  });
});
