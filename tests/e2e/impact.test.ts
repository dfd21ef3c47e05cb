/**
 * /impact/ of the built sample hub, in Chromium: charts and tables from the
 * exports shipped in content/metrics/, tables shown on demand, readable in
 * light and dark mode, and nobody named (or their code shown) without consent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contrast, toHex } from '../../src/lib/color.ts';
import { readExports } from '../../src/lib/metrics/load.ts';
import { PROJECT } from '../support/build.ts';
import { DIST, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();

const CONTENT = path.join(PROJECT, 'content');
// Advocacy traffic of the sample exports, read with the (unit-tested) parser.
const advocacy = readExports(CONTENT)
  .flatMap((e) => e.rows)
  .filter((r) => r.medium === 'employee-advocacy');
const totalVisits = advocacy.reduce((sum, r) => sum + r.visits, 0);
const number = (text: string) => Number(text.replace(/[^\d.]/g, ''));

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await hub.browser.newPage({ colorScheme });
  const response = await page.goto(`${hub.site.url}/impact/`);
  expect(response?.status()).toBe(200);
  return page;
}

describe('/impact/ of the sample hub', () => {
  it('is linked from the header navigation', async () => {
    const page = await open();
    await expect(page.locator('h1').textContent()).resolves.toBe('Impact');
    await expect(page.locator('.site-nav a[aria-current="page"]').textContent()).resolves.toContain('Impact');
    await page.close();
  });

  it('renders four charts, each an image with a title and a description, and a data table of the same rows', async () => {
    const page = await open();
    const figures = await page.locator('figure.impact-figure').evaluateAll((nodes) =>
      nodes.map((figure) => {
        const svg = figure.querySelector('svg[role="img"]')!;
        const labelled = (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
        return {
          id: figure.id,
          labelled,
          bars: svg.querySelectorAll('rect.bar').length,
          markers: svg.querySelectorAll('circle.marker').length,
          caption: figure.querySelector('table caption')?.textContent?.trim(),
          rows: [...figure.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim())),
          headers: [...figure.querySelectorAll('table thead th[scope="col"]')].length,
          rowHeaders: figure.querySelectorAll('table tbody th[scope="row"]').length,
        };
      }),
    );
    expect(figures.map((f) => f.id)).toEqual(['trend', 'campaigns', 'networks', 'teams']);
    for (const figure of figures) {
      expect(
        figure.labelled.every((text) => text.length > 10),
        `${figure.id}: ${figure.labelled.join(' / ')}`,
      ).toBe(true);
      expect(figure.caption).toBe(figure.labelled[0]);
      expect(figure.headers).toBe(4);
      expect(figure.rowHeaders).toBe(figure.rows.length);
      if (figure.id !== 'trend') expect(figure.bars).toBe(figure.rows.length);
      // Every breakdown and the trend add up to the advocacy visits of the exports.
      expect(
        figure.rows.reduce((sum, row) => sum + number(row[1]!), 0),
        figure.id,
      ).toBe(totalVisits);
    }
    const campaigns = figures.find((f) => f.id === 'campaigns')!.rows.map((row) => row[0]);
    expect(campaigns).toEqual(expect.arrayContaining(['Winter-ready homes', 'Installer Summit 2026', 'Build the heat transition with us']));
    const trend = figures.find((f) => f.id === 'trend')!;
    expect(trend.rows.length).toBeGreaterThan(4);
    // The Plausible weeks carry no conversions: shown as not measured, not as zero.
    expect(trend.rows.some((row) => row[2] === 'not measured')).toBe(true);
    expect(trend.markers).toBeGreaterThan(trend.rows.length);
    await expect(page.locator('.impact-totals dd').first().textContent()).resolves.toBe(totalVisits.toLocaleString('en'));
    await page.close();
  });

  it('shows a table on demand and hides it again, without JavaScript', async () => {
    const context = await hub.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/impact/`);
    const table = page.locator('#networks-table');
    const width = async () => (await table.boundingBox())?.width ?? 0;
    expect(await width()).toBeLessThanOrEqual(1);
    await page.locator('#networks .table-toggle a').click();
    expect(await width()).toBeGreaterThan(200);
    await expect(page.locator('#networks .table-toggle').isVisible()).resolves.toBe(false);
    await page.locator('#networks-table a', { hasText: 'Hide the table' }).click();
    expect(await width()).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('names the people who opted in, and neither names nor shows the code of anyone else', async () => {
    const html = readFileSync(path.join(DIST, 'impact/index.html'), 'utf8');
    const page = await open();
    const named = await page.locator('.recognized .card .name').allTextContents();
    expect(named.sort()).toEqual(['Maya Okafor', 'Priya Raman', 'Samuel Adeyemi']);
    // Lucas Brandt has a code (lucas-b) and traffic, but no recognize: true.
    expect(advocacy.some((r) => r.content === 'lucas-b')).toBe(true);
    expect(html).not.toMatch(/Lucas|Brandt|lucas-b/i);
    // No advocate code appears as such, not even in an attribute: opted in, not opted in, or unknown.
    const codes = [...new Set(advocacy.map((r) => r.content).filter(Boolean))];
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(html, code).not.toMatch(new RegExp(`(?<![\\w-])${code}(?![\\w-])`, 'i'));
    await expect(page.locator('.recognized').textContent()).resolves.toMatch(/Other advocates, who are not named: [\d,]+ visits/);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('keeps bars at 3:1 and text at 4.5:1 against the page in %s mode', async (scheme) => {
    const page = await open(scheme);
    const colours = await page.evaluate(() => {
      const rgb = (value: string) => value.match(/\d+/g)!.slice(0, 3).map(Number);
      const style = (selector: string, property: 'fill' | 'backgroundColor') => rgb(getComputedStyle(document.querySelector(selector)!)[property]);
      return {
        bg: style('body', 'backgroundColor'),
        bar: style('rect.bar', 'fill'),
        line: rgb(getComputedStyle(document.querySelector('.visits .line')!).stroke),
        label: style('text.label', 'fill'),
        tick: style('text.tick', 'fill'),
        note: style('text.note', 'fill'),
      };
    });
    const hex = (c: number[]) => toHex(c as [number, number, number]);
    expect(contrast(hex(colours.bar), hex(colours.bg))).toBeGreaterThanOrEqual(3);
    expect(contrast(hex(colours.line), hex(colours.bg))).toBeGreaterThanOrEqual(3);
    for (const text of [colours.label, colours.tick, colours.note]) expect(contrast(hex(text), hex(colours.bg))).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });
});
