/**
 * The sample hub's weekly digests as built (HUB_NOW=2026-11-22, settings.digest.day friday):
 * /digest.json lists them, /digest/<team>.json holds each with only published entries and tagged
 * links, /digest/ and /digest/<team>/ show them; the pages pass axe (light, dark, on a phone) and
 * the Nu Html Checker.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestEmail } from '../../src/lib/digest/email.ts';
import type { Digest, DigestIndex } from '../../src/lib/digest/types.ts';
import { isPublished } from '../../src/lib/publish.ts';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { serveStatic } from '../support/server.ts';
import { DIST, SAMPLE_SITE, useBuiltHub, sampleContent } from '../support/site.ts';
import { errorLines, runVnu } from '../support/validators.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const content = sampleContent(NOW);
const unpublished = content.entries.filter((e) => !isPublished(e.data as never, NOW)).map((e) => e.id);
const json = <T>(file: string) => JSON.parse(readFileSync(path.join(DIST, file), 'utf8')) as T;
const index = json<DigestIndex>('digest.json');
const digests = index.digests.map((d) => json<Digest>(`digest/${d.team}.json`));
const PAGES = ['/digest/', ...digests.filter((d) => d.team !== 'all').map((d) => `/digest/${d.team}/`)];

describe('the digest data of the sample hub', () => {
  it('lists a digest for everyone and one per team, for the week of the digest day', () => {
    expect(index).toMatchObject({ version: 1, week: '2026-W47', date: '2026-11-20' });
    expect(index.digests.map((d) => d.team)).toEqual(['all', 'sales', 'engineering', 'marketing', 'people', 'support']);
    expect(index.digests[0]!.json).toBe(`${SAMPLE_SITE}/digest/all.json`);
  });

  it('holds the snippet published in the week for the support team and everyone, not for sales', () => {
    const ids = (team: string) => digests.find((d) => d.team === team)!.sections.flatMap((s) => s.items.map((i) => i.id));
    expect(ids('support')).toContain('support-winter-hours');
    expect(ids('all')).toContain('support-winter-hours');
    expect(ids('sales')).not.toContain('support-winter-hours');
  });

  it('never holds an unpublished entry', () => {
    expect(unpublished.length).toBeGreaterThan(0);
    for (const digest of digests) for (const id of unpublished) expect(JSON.stringify(digest)).not.toContain(`"id": "${id}"`);
  });

  it('links every item to its page on the hub, tagged utm_source=digest, with the team preselected', () => {
    for (const digest of digests) {
      for (const item of digest.sections.flatMap((s) => s.items)) {
        const url = new URL(item.url);
        expect(url.origin + '/').toBe(`${SAMPLE_SITE}/`);
        expect(url.searchParams.get('utm_source')).toBe('digest');
        expect(url.searchParams.get('team')).toBe(digest.team === 'all' ? null : digest.team);
        if (item.kind === 'snippet') expect(url.pathname).toBe(`/share/${item.id}/`);
      }
    }
  });
});

describe('the digest pages', () => {
  const hub = useBuiltHub();

  it('show each section and item, linking to the page with the team', async () => {
    const page = await hub.browser.newPage();
    await page.goto(`${hub.site.url}/digest/support/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Weekly digest for Support');
    await expect(page.getByRole('link', { name: 'Extended support hours this winter' }).getAttribute('href')).resolves.toBe('/share/support-winter-hours/?team=support');
    await page.goto(`${hub.site.url}/digest/`);
    await expect(page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual(
      expect.arrayContaining(['New this week', 'Campaigns starting soon', 'Spotlight']),
    );
    await page.close();
  });

  it('a digest link chooses the team on the share page when the advocate has none, never over their choice', async () => {
    const link = digests.find((d) => d.team === 'support')!.sections[0]!.items[0]!.url;
    const local = `${hub.site.url}${new URL(link).pathname}${new URL(link).search}`;
    const context = await hub.browser.newContext();
    const page = await context.newPage();
    await page.goto(local);
    const team = () => page.evaluate(() => JSON.parse(localStorage.getItem('hub:advocate') ?? '{}').team);
    await expect.poll(team).toBe('support');
    await page.goto(`${hub.site.url}/share/`);
    await expect(page.locator('[data-team-select]').inputValue()).resolves.toBe('support');
    await page.evaluate(() => localStorage.setItem('hub:advocate', JSON.stringify({ team: 'sales' })));
    await page.goto(local);
    await page.waitForLoadState('load');
    await expect(team()).resolves.toBe('sales');
    await context.close();
  });

  it('have no WCAG 2.2 AA violation, light or dark, on a desktop and a phone', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const context = await hub.browser.newContext(viewport ? { viewport } : {});
      expect(await auditPages(context, hub.site.url, PAGES, { passes: BOTH_SCHEMES, label: viewport ? 'phone' : 'desktop' })).toEqual([]);
      await context.close();
    }
  });

  it('e-mail: no WCAG 2.2 AA violation at 375 and 600 px, light or dark, with the cards refused as a mail client may', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-digest-email-'));
    writeFileSync(path.join(dir, 'index.html'), (await digestEmail(digests[0]!)).html);
    const site = await serveStatic(dir);
    try {
      for (const width of [375, 600]) {
        const context = await hub.browser.newContext({ viewport: { width, height: 800 } });
        // Nothing leaves the machine: the hub's cards are refused, as a client that blocks images would.
        await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
        expect(await auditPages(context, site.url, ['/'], { passes: BOTH_SCHEMES, label: `e-mail ${width}` })).toEqual([]);
        await context.close();
      }
    } finally {
      await site.close();
    }
  });

  it('have no error from the Nu Html Checker', { timeout: 120_000 }, async () => {
    const files = PAGES.map((p) => path.join(DIST, p, 'index.html'));
    expect(errorLines(await runVnu(files), DIST)).toEqual([]);
  });
});
