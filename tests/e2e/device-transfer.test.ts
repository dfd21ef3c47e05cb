/**
 * "Your hub on this device" (/you/, issue 16): progress built in one browser
 * goes to a second, fresh one through the device link and its QR code, asked
 * before it is merged; a changed or cut link is refused without touching what
 * is stored; a code already stored is kept unless the link's is chosen; each
 * part of what the browser keeps, and everything, can be cleared after a
 * confirmation. Chromium against the built sample hub.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, useBuiltHub } from '../support/site.ts';
import { passQuiz } from '../support/quiz.ts';
import { recordOpened } from '../support/browser.ts';
import { WCAG_22_AA } from '../support/axe.ts';
import { errorLines, runVnu } from '../support/validators.ts';

const hub = useBuiltHub();
const contexts: BrowserContext[] = [];
let errors: string[] = [];

async function fresh(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  contexts.push(context);
  // A share opens the network: record it instead of leaving the site.
  await recordOpened(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  const seen = errors;
  errors = [];
  expect(seen).toEqual([]);
});

const SALES = '/start/sales-advocates/';
const YOU = '/you/';
/** Every "hub:" entry of the page's localStorage. */
const stored = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((key) => key.startsWith('hub:'))
        .sort()
        .map((key) => [key, localStorage.getItem(key)]),
    ),
  );
const status = (page: Page) => page.locator('[data-checklist-status]').textContent();
const importStatus = (page: Page) => page.locator('[data-import-status]').textContent();

/** Progress built in a fresh browser: code and team from an onboarding link, a quiz passed, the guidelines confirmed, a task ticked. */
async function buildProgress(page: Page): Promise<void> {
  await page.goto(`${hub.site.url}${SALES}?team=sales&ref=maya-o`);
  await page.goto(`${hub.site.url}/training/listening-first/?track=sales-advocates`);
  await passQuiz(page);
  await page.goto(`${hub.site.url}/guidelines/`);
  await page.getByRole('button', { name: 'I have read the guidelines' }).click();
  await page.goto(hub.site.url + SALES);
  await page.getByRole('checkbox', { name: /^Done: Find one public question/ }).check();
  await expect(status(page)).resolves.toBe('4 of 8 steps done.');
}

/** The device link /you/ shows in this browser. */
async function deviceLink(page: Page): Promise<string> {
  await page.goto(hub.site.url + YOU);
  const field = page.locator('[data-device-link]');
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-device-link]')?.value.includes('#device='));
  return field.inputValue();
}

let link: string;
let qrText: string;
let qrDecoded: string | undefined;

describe('taking the hub to another device', () => {
  beforeAll(async () => {
    const page = await fresh(hub.browser);
    await buildProgress(page);
    link = await deviceLink(page);
    const qr = page.locator('[data-qr] svg');
    await qr.waitFor();
    qrText = (await page.locator('[data-qr]').getAttribute('data-qr-text'))!;
    // The QR code as the page draws it (its SVG), rasterised at 8 px a module and read back by a decoder.
    const svg = await qr.evaluate((element) => element.outerHTML);
    const { data, info } = await sharp(Buffer.from(svg), { density: 72 * 8 })
      .flatten({ background: '#ffffff' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    qrDecoded = jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
  });

  it('makes a link whose progress is in the fragment only, and a QR code of exactly that link', () => {
    const url = new URL(link);
    expect(url.pathname).toBe(YOU);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#device=[A-Za-z0-9_-]{40,}$/);
    expect(qrText).toBe(link);
    expect(qrDecoded).toBe(link);
  });

  it('restores the same progress in a fresh browser after showing it and asking', async () => {
    const page = await fresh(hub.browser);
    await page.goto(link);
    const rows = page.locator('[data-import-row]');
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([
      'Advocate code: maya-o new',
      'Team: Sales new',
      'Quizzes passed: Listening first new',
      'Sales advocates: steps Find one public question about heat pumps this week and answer it in a comment, with no link to a product page new',
      'Your confirmation of the guidelines new',
      'Path under way: Sales advocates new',
    ]);
    // Nothing is stored before the advocate says so.
    expect(await stored(page)).toEqual({});
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(importStatus(page)).resolves.toBe('Restored. Your progress is on this device now.');
    expect(new URL(page.url()).hash).toBe('');

    const prefs = JSON.parse((await stored(page))['hub:advocate']!) as Record<string, string>;
    expect(prefs).toMatchObject({ code: 'maya-o', team: 'sales' });
    await page.getByRole('link', { name: 'Go to your paths' }).click();
    await page.waitForURL(hub.site.url + SALES);
    await expect.poll(() => status(page)).toBe('4 of 8 steps done.');
    expect(await page.getByRole('checkbox', { name: 'Done: Listening first' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Done: Find one public question/ }).isChecked()).toBe(true);
    await page.goto(`${hub.site.url}/start/`);
    const next = page.locator('[data-path-nav="continue"] a');
    await next.waitFor({ state: 'visible' });
    await expect(next.textContent()).resolves.toBe('Continue your path (4 of 8): Sales advocates');
    await page.goto(`${hub.site.url}/training/listening-first/`);
    await expect.poll(() => page.locator('[data-passed-text]').textContent()).toMatch(/^You passed this quiz on .+, with \d of \d right\.$/);
  });

  it('refuses a changed or a cut link and leaves what is stored as it was', async () => {
    const page = await fresh(hub.browser);
    await page.goto(`${hub.site.url}/start/?ref=own-code`);
    const before = await stored(page);
    expect(Object.keys(before)).toEqual(['hub:advocate']);
    const [base, packed] = link.split('#device=') as [string, string];
    const i = Math.floor(packed.length / 2);
    const changed = `${base}#device=${packed.slice(0, i)}${packed[i] === 'A' ? 'B' : 'A'}${packed.slice(i + 1)}`;
    const cut = `${base}#device=${packed.slice(0, -3)}`;
    for (const bad of [changed, cut]) {
      await page.goto(bad);
      await expect.poll(() => importStatus(page)).toMatch(/^This link is damaged or was changed, so nothing was restored/);
      expect(await page.locator('[data-import-confirm]').isVisible()).toBe(false);
      expect(await stored(page)).toEqual(before);
      await page.goto(hub.site.url + YOU);
    }
  });

  it('keeps a code this browser has unless the link’s is chosen', async () => {
    const page = await fresh(hub.browser);
    await page.goto(`${hub.site.url}/start/?ref=own-code`);
    await page.goto(link);
    const keep = page.getByRole('radio', { name: 'Keep this browser’s: own-code' });
    await keep.waitFor();
    expect(await keep.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(importStatus(page)).resolves.toMatch(/^Restored/);
    const code = async () => (JSON.parse((await stored(page))['hub:advocate']!) as { code: string }).code;
    expect(await code()).toBe('own-code');
    // Everything else came along.
    expect(Object.keys(await stored(page))).toEqual(['hub:active-track', 'hub:advocate', 'hub:guidelines', 'hub:onboarding', 'hub:training']);

    await page.goto(link);
    await page.getByRole('radio', { name: 'Use the link’s: maya-o' }).check();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(importStatus(page)).resolves.toMatch(/^Restored/);
    expect(await code()).toBe('maya-o');
  });

  it('restores nothing when the advocate declines', async () => {
    const page = await fresh(hub.browser);
    await page.goto(link);
    await page.getByRole('button', { name: 'Do not restore' }).click();
    await expect(importStatus(page)).resolves.toBe('Nothing was restored; this browser keeps what it had.');
    expect(new URL(page.url()).hash).toBe('');
    expect(await stored(page)).toEqual({});
  });

  it('has no axe finding and no Nu checker error, with a link to restore open, light and dark', async () => {
    const page = await fresh(hub.browser);
    await page.goto(`${hub.site.url}/start/?ref=own-code`);
    await page.goto(link);
    await page.locator('[data-import-row]').first().waitFor();
    await page.locator('[data-qr] svg').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    }
    // The page's main as its island left it (in a plain shell: the header's own island is not this test's), and the built pages this change touches.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-you-'));
    const rendered = path.join(dir, 'you-rendered.html');
    const main = await page.evaluate(() => document.querySelector('main')!.outerHTML);
    writeFileSync(rendered, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>You</title></head><body>${main}</body></html>\n`);
    const findings = await runVnu([rendered, path.join(DIST, 'you/index.html'), path.join(DIST, 'start/index.html')]);
    expect(errorLines(findings, DIST)).toEqual([]);
  });
});

describe('what this browser keeps', () => {
  it('lists it in words and clears a part, then everything, only after a confirmation', async () => {
    const page = await fresh(hub.browser);
    await buildProgress(page);
    await page.goto(hub.site.url + YOU);
    const parts = page.locator('[data-kept] > li');
    await parts.first().waitFor();
    // The pages with cards it went through recorded the visit (issue 16, item 1): the first, so nothing is marked new yet.
    expect(await parts.locator('h3').allTextContents()).toEqual(['Your details', 'Training', 'Onboarding paths', 'Guidelines confirmation', 'Your last visit']);
    await expect(parts.nth(4).textContent()).resolves.toContain('First visit: from the next one, “New” marks what came since.');
    await expect(parts.nth(0).textContent()).resolves.toContain('Advocate code: maya-o');
    await expect(parts.nth(1).textContent()).resolves.toContain('Passed: Listening first');
    await expect(parts.nth(2).textContent()).resolves.toContain('Sales advocates: 4 of 8 steps done');
    const before = await stored(page);

    // "Keep it" clears nothing.
    await page.getByRole('button', { name: 'Clear Your details' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('Clear Your details from this browser? This cannot be undone.');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    expect(await stored(page)).toEqual(before);

    await page.getByRole('button', { name: 'Clear Your details' }).click();
    await dialog.getByRole('button', { name: 'Yes, clear it' }).click();
    await expect.poll(() => page.locator('[data-clear-status]').textContent()).toBe('Cleared: Your details.');
    const { 'hub:advocate': _gone, ...rest } = before;
    expect(await stored(page)).toEqual(rest);
    expect(await parts.locator('h3').allTextContents()).toEqual(['Training', 'Onboarding paths', 'Guidelines confirmation', 'Your last visit']);

    await page.getByRole('button', { name: 'Clear everything' }).click();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    expect(await stored(page)).toEqual(rest);
    await page.getByRole('button', { name: 'Clear everything' }).click();
    await dialog.getByRole('button', { name: 'Yes, clear it' }).click();
    await expect.poll(() => stored(page)).toEqual({});
    await expect(page.locator('[data-kept-none]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-device-nothing]').isVisible()).resolves.toBe(true);
  });

  it('lists drafts and networks used in words, and a hub: key it has no words for, so nothing is kept unseen', async () => {
    const page = await fresh(hub.browser);
    await page.goto(`${hub.site.url}/share/heat-pump-myths/`);
    await page.locator('textarea').first().fill('My own words about heat pumps');
    await page.getByRole('button', { name: 'Share on Bluesky' }).click();
    await page.evaluate(() => localStorage.setItem('hub:last-visit', '"2026-11-20"'));
    await page.goto(hub.site.url + YOU);
    const parts = page.locator('[data-kept] > li');
    await parts.first().waitFor();
    expect(await parts.allTextContents()).toEqual([
      expect.stringContaining('Shared marksMarked as shared: 1'),
      expect.stringContaining('DraftsPosts with your own words: 1'),
      expect.stringContaining('Networks you useBluesky: 1'),
      expect.stringContaining('Other settingsKept as “hub:last-visit”'),
    ]);
  });

  it('says without JavaScript that this data lives only in the browser', async () => {
    const page = await fresh(hub.browser, { javaScriptEnabled: false });
    await page.goto(hub.site.url + YOU);
    await expect(page.locator('main').textContent()).resolves.toContain('kept only in this browser, on this device');
    expect(await page.getByText('This page reads what your browser keeps, so it needs JavaScript.').isVisible()).toBe(true);
    expect(await page.locator('[data-kept]').isVisible()).toBe(false);
  });

  it('is linked from /start/ and the footer of every page', async () => {
    const page = await fresh(hub.browser, { javaScriptEnabled: false });
    await page.goto(`${hub.site.url}/start/`);
    expect(
      await page
        .locator('main')
        .getByRole('link', { name: /See what it keeps, or take it to another device/ })
        .getAttribute('href'),
    ).toBe(YOU);
    await page.goto(`${hub.site.url}/`);
    expect(await page.locator('footer').getByRole('link', { name: 'Your hub on this device' }).getAttribute('href')).toBe(YOU);
  });
});
