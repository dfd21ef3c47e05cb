/**
 * Onboarding that follows what the advocate does (issue 16), in Chromium
 * against the built sample hub: the Sales track's steps tick themselves when
 * its quiz is passed, the guidelines confirmed, a guideline read and its
 * snippet shared; a step's page leads back to the path; the home and /start/
 * pages offer to continue it. And mentors: a preset mentor shows alike in the
 * welcome text, the steps and the mentor card; mentors can be contacted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltHub } from '../support/site.ts';
import { recordOpened } from '../support/browser.ts';
import { passQuiz } from '../support/quiz.ts';

const hub = useBuiltHub();
let context: BrowserContext;
let page: Page;
let errors: string[];

async function open(options: { javaScriptEnabled?: boolean } = {}) {
  await context?.close();
  context = await hub.browser.newContext(options);
  // A share opens the network: record it instead of leaving the site.
  await recordOpened(context);
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
}

beforeEach(async () => {
  errors = [];
  await open();
  return () => expect(errors).toEqual([]);
});

const SALES = '/start/sales-advocates/';
const status = () => page.locator('[data-checklist-status]').textContent();
const step = (name: string | RegExp) => page.getByRole('checkbox', { name: typeof name === 'string' ? `Done: ${name}` : name });
const backLink = () => page.locator('[data-path-nav="back"] a');
const continueLink = () => page.locator('[data-path-nav="continue"] a');

describe('a track whose steps follow what the advocate does', () => {
  it('ticks the Sales quiz, guideline and snippet steps after doing them, keeps manual ticks, and leads back', async () => {
    await page.goto(hub.site.url + SALES);
    await expect(status()).resolves.toBe('0 of 8 steps done.');

    // The module, opened from the track, leads back to it and names the next step.
    await page.getByRole('link', { name: 'Listening first' }).click();
    expect(new URL(page.url()).search).toBe('?track=sales-advocates');
    const back = backLink();
    await back.waitFor({ state: 'visible', timeout: 5000 });
    await expect(back.textContent()).resolves.toBe('Back to your path — next: Say what is opinion and what is fact');
    await passQuiz(page);
    await back.click();
    expect(new URL(page.url()).pathname).toBe(SALES);
    expect(await step('Listening first').isChecked()).toBe(true);
    await expect(status()).resolves.toBe('1 of 8 steps done.');

    // A guideline step's page, opened from the track.
    await page.getByRole('link', { name: 'Say what is opinion and what is fact' }).click();
    await expect.poll(() => backLink().textContent()).toBe('Back to your path — next: Treat people with respect, competitors included');
    await backLink().click();
    expect(await step('Say what is opinion and what is fact').isChecked()).toBe(true);
    expect(await step('Treat people with respect, competitors included').isChecked()).toBe(false);

    // Confirming the guidelines completes the other guideline step.
    await page.goto(`${hub.site.url}/guidelines/`);
    await page.getByRole('button', { name: 'I have read the guidelines' }).click();
    await page.goto(hub.site.url + SALES);
    expect(await step('Treat people with respect, competitors included').isChecked()).toBe(true);
    await expect(status()).resolves.toBe('3 of 8 steps done.');

    // Sharing the snippet step.
    await page.getByRole('link', { name: 'Heat pump myths we hear every week' }).click();
    await page.getByRole('button', { name: 'Share on Bluesky' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { opened: string[] }).opened.length)).toBe(1);
    await page.goto(hub.site.url + SALES);
    expect(await step('Heat pump myths we hear every week').isChecked()).toBe(true);
    await expect(page.locator('li[data-step="ref:snippets/heat-pump-myths"] [data-step-auto]').textContent()).resolves.toBe('(shared)');

    // A task stays manual, and a tick is kept across a reload.
    const task = step(/^Done: Find one public question/);
    expect(await task.isChecked()).toBe(false);
    await task.check();
    await expect(status()).resolves.toBe('5 of 8 steps done.');
    await page.reload();
    await expect(status()).resolves.toBe('5 of 8 steps done.');
    expect(await task.isChecked()).toBe(true);
    // Only the hand tick is stored: the steps done by doing them are read, never written over the ticks.
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('hub:onboarding')!))).toEqual({
      'sales-advocates': ['task:find-one-public-question-about-heat-pumps-this-week-and-answer-it-in-a-comment-w'],
    });

    // The module page reached from the track names the next step still to do.
    await page.getByRole('link', { name: 'Comments that count' }).click();
    await expect.poll(() => backLink().textContent()).toBe('Back to your path — next: Comments that count');

    // Home and /start/ offer to continue the path.
    for (const where of ['/', '/start/']) {
      await page.goto(hub.site.url + where);
      const link = continueLink();
      await link.waitFor({ state: 'visible', timeout: 5000 });
      await expect(link.textContent()).resolves.toBe('Continue your path (5 of 8): Sales advocates');
      expect(await link.getAttribute('href')).toBe(SALES);
    }
  });

  it('offers no way back or forward before a track is started, and fetches no track for it', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => void fetched.push(new URL(request.url()).pathname));
    await page.goto(`${hub.site.url}/`);
    expect(await continueLink().isVisible()).toBe(false);
    await page.goto(`${hub.site.url}/start/`);
    await page.waitForLoadState('networkidle');
    expect(await continueLink().isVisible()).toBe(false);
    expect(fetched).toContain('/start/');
    expect(fetched).not.toContain('/start/tracks.json');
    await page.goto(`${hub.site.url}/training/listening-first/`);
    expect(await backLink().isVisible()).toBe(false);
  });
});

describe('a preset mentor', () => {
  const welcome = () => page.locator('article .prose').first().textContent();

  it('shows alike in the welcome text, the steps and the mentor card', async () => {
    await page.goto(`${hub.site.url}${SALES}?mentor=priya-raman`);
    await expect(page.locator('[data-mentor]:visible .person a').textContent()).resolves.toBe('Priya Raman');
    const text = await welcome();
    expect(text).toContain('Priya Raman is your mentor. Ask Priya for a second pair of eyes');
    expect(text).not.toContain('Lucas Brandt');
    const task = page.locator('li[data-step^="task:book-20-minutes"]');
    await expect(task.locator('.step-body > span').textContent()).resolves.toBe('Book 20 minutes with Priya to go through three of your recent comments together');
    expect(await step('Book 20 minutes with Priya to go through three of your recent comments together').count()).toBe(1);
    // The mentor card's contact action is the preset mentor's.
    await expect(page.locator('[data-mentor]:visible [data-contact="email"]').getAttribute('href')).resolves.toBe('mailto:priya.raman@tidewater.example');
  });

  it('without JavaScript, the track’s own mentor shows everywhere', async () => {
    await open({ javaScriptEnabled: false });
    await page.goto(`${hub.site.url}${SALES}?mentor=priya-raman`);
    expect(await welcome()).toContain('Lucas Brandt is your mentor. Ask Lucas for a second pair of eyes');
    await expect(page.locator('li[data-step^="task:book-20-minutes"] .step-body > span').textContent()).resolves.toBe(
      'Book 20 minutes with Lucas to go through three of your recent comments together',
    );
    await expect(page.locator('[data-mentor]:visible .person a').textContent()).resolves.toBe('Lucas Brandt');
  });
});

describe('mentors people can reach', () => {
  it('has a Contact action on the mentor cards and on the track everyone starts with', async () => {
    await page.goto(`${hub.site.url}/people/`);
    const lucas = page.getByRole('group', { name: 'Contact Lucas Brandt' });
    await expect(lucas.getByRole('link', { name: 'E-mail' }).getAttribute('href')).resolves.toBe('mailto:lucas.brandt@tidewater.example');
    await expect(lucas.getByRole('link', { name: 'Book time' }).getAttribute('href')).resolves.toBe(
      'https://outlook.office.com/bookwithme/user/lucas-brandt@tidewater.example',
    );

    await page.goto(`${hub.site.url}/start/everyone-starts-here/`);
    const elena = page.getByRole('group', { name: 'Contact Elena Petrova' });
    expect(await elena.isVisible()).toBe(true);
    await expect(elena.getByRole('link', { name: 'E-mail' }).getAttribute('href')).resolves.toBe('mailto:elena.petrova@tidewater.example');
    // The chat link works: it leads where it says (the request is caught before it leaves the machine).
    await context.route('https://teams.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Chat</title>' }));
    await elena.getByRole('link', { name: 'Chat' }).click();
    await page.waitForURL('https://teams.microsoft.com/**');
    expect(page.url()).toBe('https://teams.microsoft.com/l/chat/0/0?users=elena.petrova@tidewater.example');
  });
});
