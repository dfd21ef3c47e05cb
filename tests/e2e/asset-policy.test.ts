/**
 * The second wall against script in SVGs: the folders of files served as
 * they are (/_astro/, /uploads/, /brand/, /og/) get a policy from dist/_headers
 * that runs no script. The content check refuses such SVGs, so none reaches
 * dist/; here one is put into a copy of the built hub by hand, in every
 * such folder, and Chromium opens it with the headers applied (as Netlify
 * or Cloudflare Pages would send them): nothing runs. Without the headers
 * the same file does run, so the test would see it. The hub's own pages,
 * whose scripts and styles come from /_astro/, still run their islands.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { recordViolations } from '../support/csp.ts';
import { scriptSvg } from '../support/images.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';
import { DIST, sitemapPaths } from '../support/site.ts';

const FOLDERS = ['_astro', 'uploads', 'brand', 'og'];

let copy: string;
let browser: Browser;
let withHeaders: StaticSite;
let withoutHeaders: StaticSite;

beforeAll(async () => {
  copy = mkdtempSync(path.join(tmpdir(), 'hub-asset-policy-'));
  cpSync(DIST, copy, { recursive: true });
  for (const folder of FOLDERS) {
    mkdirSync(path.join(copy, folder), { recursive: true });
    writeFileSync(path.join(copy, folder, 'evil.svg'), scriptSvg(`ran-in-${folder}`));
  }
  [withHeaders, withoutHeaders, browser] = await Promise.all([serveStatic(copy), serveStatic(copy, 0, { headers: false }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await withHeaders?.close();
  await withoutHeaders?.close();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** Opens `/<folder>/evil.svg` on `site`; returns what its script did: calls of window.pwned and the localStorage keys it set. */
async function openSvg(site: StaticSite, folder: string) {
  const context = await browser.newContext();
  const calls: string[] = [];
  await context.exposeBinding('pwned', (_source, key: string) => void calls.push(key));
  const page = await context.newPage();
  const response = await page.goto(`${site.url}/${folder}/evil.svg`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  await page.waitForLoadState('load');
  // The script would have written into the hub's own storage: read it from a page of the hub.
  await page.goto(`${site.url}/404.html`);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ran-in-')));
  await context.close();
  return { calls, keys };
}

describe('an SVG with script in a folder of files served as they are', () => {
  it.each(FOLDERS)('runs nothing when opened from /%s/ with the headers of dist/_headers', async (folder) => {
    const response = await fetch(`${withHeaders.url}/${folder}/evil.svg`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'none'");
    expect(policy).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await openSvg(withHeaders, folder)).toEqual({ calls: [], keys: [] });
  });

  it('does run without the headers (so the test above would see it): the content check is the first wall', async () => {
    const ran = await openSvg(withoutHeaders, 'uploads');
    expect(ran.calls).toEqual(['ran-in-uploads']);
    expect(ran.keys.sort()).toEqual(['ran-in-uploads', 'ran-in-uploads-onload']);
  });
});

describe('pages with the asset policy in place', () => {
  it('still load their scripts and styles from /_astro/ and run their islands, without a policy violation', async () => {
    const context = await browser.newContext();
    const violations = await recordViolations(context);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/_astro/') && /\.(js|css)$/.test(pathname)) scripts.push(pathname);
    });
    const share = sitemapPaths().find((p) => /^\/share\/[^/]+\/$/.test(p))!;
    await page.goto(withHeaders.url + share);
    // The share panel's island marks its root once it has started.
    await page.waitForSelector('[data-share-ready="true"]', { timeout: 15_000 });
    expect(scripts.some((p) => p.endsWith('.js'))).toBe(true);
    expect(scripts.some((p) => p.endsWith('.css'))).toBe(true);
    // The stylesheet from /_astro/ applies: the page is laid out by the hub's CSS, not the browser's defaults.
    const styled = await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.includes('/_astro/') && sheet.cssRules.length > 0));
    expect(styled).toBe(true);
    expect(violations.list).toEqual([]);
    await context.close();
  });

  it('still show the logo from /brand/ (an SVG) and a share card from /og/ as images', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${withHeaders.url}/404.html`);
    const widths = await page.evaluate(
      async (sources) => {
        const sizes: number[] = [];
        for (const src of sources) {
          const img = new Image();
          img.src = src;
          await img.decode();
          sizes.push(img.naturalWidth);
        }
        return sizes;
      },
      ['/brand/logo.svg', '/og/hub.png'],
    );
    expect(widths).toEqual([expect.any(Number), 1200]);
    expect(widths[0]).toBeGreaterThan(0);
    await context.close();
  });
});
