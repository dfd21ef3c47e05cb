/**
 * Translating in Decap CMS (`npm run cms` on a temporary Git copy of the
 * sample hub, which has English, German and Arabic): an editor opens an
 * English training module not yet translated, fills the German form from
 * the English one, translates it and publishes; the CMS writes
 * `<id>.de.md` beside `<id>.en.md` — carrying the module's order, level and
 * prerequisites — and no Arabic file, as nothing was translated into
 * Arabic. A German version with a title but nothing else is refused before
 * saving, naming the German file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkContent } from '../../src/content/check.ts';
import { PROJECT } from '../support/build.ts';
import { type LocalCms, field, openAdmin, publish, startCms } from '../support/cms.ts';

const SAMPLE = path.join(PROJECT, 'content');
let cms: LocalCms;

beforeAll(async () => {
  cms = await startCms(SAMPLE);
}, 240_000);

afterAll(async () => {
  await cms?.stop();
});

/** Chooses an item of one of Decap's locale menus ("Writing in EN", "Fill in from another locale") of the form `pane`. */
async function localeMenu(page: Page, button: RegExp, item: string, pane: 0 | 1) {
  await page.getByText(button).nth(pane).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

describe('translating an entry in the CMS', () => {
  it('writes the German translation of a sample training module as <id>.de.md beside <id>.en.md, with its order, level and prerequisites carried over', async () => {
    const source = readFileSync(path.join(SAMPLE, 'training/listening-first.en.md'), 'utf8');
    const { page, errors } = await openAdmin(cms, '#/collections/training/entries/listening-first');
    page.on('dialog', (dialog) => void dialog.accept());
    await expect.poll(() => field(page, 'Title').inputValue(), { timeout: 60_000 }).toBe('Listening first');
    // The second form is the next language's, German; the editor fills it from the English one.
    await expect.poll(() => page.getByText(/^Writing in [A-Z]+$/).allInnerTexts()).toEqual(['Writing in EN', 'Writing in DE']);
    await localeMenu(page, /^Fill in from another locale$/, 'en', 1);
    await expect.poll(() => field(page, 'Title', 1).inputValue()).toBe('Listening first');
    await field(page, 'Title', 1).fill('Zuerst zuhören');
    await field(page, 'Summary', 1).fill('Verfolge die Gespräche, die für Tidewater zählen, und gib Chancen und Risiken an die richtigen Leute weiter.');
    await publish(page);

    const german = path.join(cms.content, 'training/listening-first.de.md');
    await expect.poll(() => existsSync(german), { timeout: 15_000 }).toBe(true);
    const written = readFileSync(german, 'utf8');
    expect(written).toMatch(/^title: Zuerst zuhören$/m);
    expect(written).toMatch(/^order: 2$/m);
    expect(written).toMatch(/^level: starter$/m);
    expect(written).toMatch(/^requires: \[advocacy-basics\]$/m);
    // The English file is where it was, unchanged; no Arabic file, nothing was translated into Arabic.
    expect(readFileSync(path.join(cms.content, 'training/listening-first.en.md'), 'utf8')).toBe(source);
    const arabic = path.join(cms.content, 'training/listening-first.ar.md');
    expect(existsSync(arabic) ? readFileSync(arabic, 'utf8') : 'no Arabic file').toBe('no Arabic file');
    expect(cms.status().filter((line) => line.includes('listening-first'))).toEqual(['?? content/training/listening-first.de.md']);
    // The build reads it as the German version of listening-first.
    const { problems, entries } = checkContent({ root: cms.content, now: new Date('2026-11-22'), cwd: cms.repo, publicDir: path.join(PROJECT, 'public') });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(entries.find((e) => e.id === 'listening-first' && e.lang === 'de')?.data).toMatchObject({ title: 'Zuerst zuhören', order: 2, level: 'starter' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a German version the build would refuse, naming the German file, and writes nothing', async () => {
    const { page, errors } = await openAdmin(cms, '#/collections/training/entries/curating-with-care');
    page.on('dialog', (dialog) => void dialog.accept());
    await expect.poll(() => field(page, 'Title').inputValue(), { timeout: 60_000 }).not.toBe('');
    await field(page, 'Title', 1).fill('Mit Sorgfalt kuratieren');
    await page.getByRole('button', { name: 'Publish' }).first().click();
    await page.getByText('Publish now').click();
    const panel = page.locator('#hub-save-check');
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toContain('content/training/curating-with-care.de.md');
    expect(cms.status().filter((line) => line.includes('curating-with-care'))).toEqual([]);
    // Decap reports the refused save as an unhandled rejection ("Object"), as for any refused save (cms-guard.test.ts).
    expect(errors.filter((error) => error !== 'Object')).toEqual([]);
    await page.close();
  });
});
