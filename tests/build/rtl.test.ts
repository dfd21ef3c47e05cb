/**
 * A hub whose settings say `lang: ar`: every page is `<html lang="ar" dir="rtl">`, its interface is in
 * Arabic (src/i18n/ar.json), and in Chromium a snippet page is mirrored for real: it fits a phone
 * without scrolling sideways, passes axe in both colour schemes, and its share buttons run from the
 * right.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { built } from '../support/builds.ts';
import { filesWith, readText } from '../support/html.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';

const ar = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../src/i18n/ar.json'), 'utf8')) as Record<string, string>;
const en = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../src/i18n/en.json'), 'utf8')) as Record<string, string>;

const build = await built('arabic@2026-11-22');
const SNIPPET = '/share/live/';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveStatic(build.outDir);
});

afterAll(async () => {
  await site?.close();
  await browser?.close();
});

describe('a hub in Arabic', () => {
  it('builds, and every page is <html lang="ar" dir="rtl">', () => {
    expect(build.code, build.output).toBe(0);
    // /admin/ is Decap's own page, in its own language and direction.
    const pages = filesWith(build.outDir, ['.html']).filter((file) => !file.startsWith('admin/'));
    expect(pages.length).toBeGreaterThan(10);
    const wrong = pages.filter((file) => {
      const root = /<html\b[^>]*>/i.exec(readText(build.outDir, file))?.[0] ?? '';
      return !/\slang="ar"/.test(root) || !/\sdir="rtl"/.test(root);
    });
    expect(wrong).toEqual([]);
  });

  it('shows the interface in Arabic, from src/i18n/ar.json', () => {
    const home = readText(build.outDir, 'index.html');
    expect(home).toContain(ar['nav.skip']);
    expect(home).not.toContain(en['nav.skip']);
    const snippet = readText(build.outDir, 'share/live/index.html');
    expect(snippet).toContain(ar['sharePanel.title']);
    expect(snippet).not.toContain(en['sharePanel.title']);
  });

  it('fits a phone, mirrored: no sideways scrolling, and the share buttons run from right to left', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(site.url + SNIPPET, { waitUntil: 'load' });
    const buttons = page.locator('.share-network');
    await buttons.first().waitFor();
    const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    const first = (await buttons.nth(0).boundingBox())!;
    const second = (await buttons.nth(1).boundingBox())!;
    // Side by side in one row, the first on the right.
    expect(Math.abs(first.y - second.y)).toBeLessThan(1);
    expect(first.x).toBeGreaterThan(second.x + second.width - 1);
    await context.close();
  });

  it('passes axe (WCAG 2.2 AA) on a phone, light and dark', async () => {
    const context = await browser.newContext(PHONE);
    const findings = await auditPages(context, site.url, ['/', SNIPPET], { label: 'rtl', passes: BOTH_SCHEMES });
    await context.close();
    expect(findings).toEqual([]);
  });
});
