/**
 * Shared marks (issue 16, item 2), in Chromium on the built sample hub: a
 * share button used on a snippet marks it "Shared on <date> (<network>)" on
 * its page without a reload and on its card in the lists, and "Hide what I
 * shared" hides that card (and only that one), remembered across reloads.
 * Share URLs are recorded instead of opened; nothing leaves the site.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { useBuiltHub } from '../support/site.ts';
import { keepOnSite } from '../support/browser.ts';

const hub = useBuiltHub();
const outside: string[] = [];
const MARK = /^Shared on .+ \(Bluesky\)$/;

async function newContext(options: Parameters<typeof hub.browser.newContext>[0] = {}): Promise<BrowserContext> {
  const context = await hub.browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.site.url });
  await keepOnSite(context, hub.site.url, outside);
  await context.addInitScript(() => {
    const w = window as unknown as { opened: string[] };
    w.opened = [];
    window.open = (url?: string | URL) => {
      w.opened.push(String(url));
      return null;
    };
  });
  return context;
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(hub.site.url + path);
  expect(errors).toEqual([]);
  return page;
}

const card = (page: Page, id: string) => page.locator(`#share-list > [data-shared-id="${id}"]`);

describe('a snippet shared from its page', () => {
  it('is marked on its page at once and on its card, and "Hide what I shared" hides only it, after a reload too', async () => {
    const context = await newContext();
    const page = await open(context, '/share/winter-checklist/');
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    const mark = page.locator('[data-share] [data-shared-mark]');
    await expect(mark.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Share on Bluesky' }).click();
    await page.waitForFunction(() => (window as unknown as { opened: string[] }).opened.length > 0);
    await mark.waitFor({ state: 'visible' });
    expect((await mark.textContent())?.trim()).toMatch(MARK);

    const list = await open(context, '/share/');
    const checkbox = list.getByRole('checkbox', { name: 'Hide what I shared' });
    await checkbox.waitFor({ state: 'visible' });
    const shared = card(list, 'winter-checklist');
    await shared.locator('[data-shared-mark]').waitFor({ state: 'visible' });
    expect((await shared.locator('[data-shared-mark]').textContent())?.trim()).toMatch(MARK);
    const cards = list.locator('#share-list > [data-shared-id]');
    const total = await cards.count();
    expect(total).toBeGreaterThan(1);
    await expect(list.locator('#share-list [data-shared-mark]:visible').count()).resolves.toBe(1);
    const visibleBefore = await list.locator('#share-list > [data-shared-id]:visible').count();

    await checkbox.check();
    await shared.waitFor({ state: 'hidden' });
    await expect(list.locator('#share-list > [data-shared-id]:visible').count()).resolves.toBe(visibleBefore - 1);

    await list.reload();
    await list.getByRole('checkbox', { name: 'Hide what I shared' }).waitFor({ state: 'visible' });
    await expect(list.getByRole('checkbox', { name: 'Hide what I shared' }).isChecked()).resolves.toBe(true);
    await expect(card(list, 'winter-checklist').isVisible()).resolves.toBe(false);
    await expect(list.locator('#share-list > [data-shared-id]:visible').count()).resolves.toBe(visibleBefore - 1);

    await list.getByRole('checkbox', { name: 'Hide what I shared' }).uncheck();
    await card(list, 'winter-checklist').waitFor({ state: 'visible' });

    // The shared mark stays on the snippet's page after a reload.
    await page.reload();
    await page.locator('[data-share] [data-shared-mark]').waitFor({ state: 'visible' });
    await context.close();
  });

  it('changes nothing without JavaScript: no mark, no checkbox, every card', async () => {
    const context = await hub.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(hub.site.url + '/share/');
    await expect(page.getByRole('checkbox', { name: 'Hide what I shared' }).count()).resolves.toBe(0);
    await expect(page.locator('[data-shared-mark]:visible').count()).resolves.toBe(0);
    await context.close();
  });

  it('has no WCAG 2.2 AA violation on the list with a mark, light or dark, at 390 × 844', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
      if (localStorage.getItem('hub:shared') === null)
        localStorage.setItem('hub:shared', JSON.stringify({ v: 1, items: { 'winter-checklist': { at: '2026-11-21T10:00:00.000Z', network: 'bluesky' } } }));
    });
    const findings = await auditPages(context, hub.site.url, ['/share/', '/share/winter-checklist/'], {
      label: 'shared marks',
      passes: BOTH_SCHEMES,
      ready: async (page) => {
        await page.locator('[data-shared-mark]:visible').first().waitFor();
      },
    });
    await context.close();
    expect(findings).toEqual([]);
  });
});

describe('requests', () => {
  it('none left the site', () => {
    expect(outside).toEqual([]);
  });
});
