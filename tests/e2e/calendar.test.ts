/**
 * The sample hub's calendar as built (HUB_NOW=2026-11-22): /calendar.ics read
 * back with node-ical has every published campaign and dated snippet with
 * the right days, and nothing unpublished; /calendar/ lists them per month
 * in tables.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckedEntry } from '../../src/content/entry.ts';
import { dayOf, parseEvents, textOf } from '../support/ical.ts';
import { DIST, SAMPLE_HOST, SAMPLE_SITE, serveDist, useBuiltHub, sampleContent } from '../support/site.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const SITE = SAMPLE_SITE;
const content = sampleContent(NOW);
const of = (collection: string) => content.entries.filter((e) => e.collection === collection);
const day = (value: unknown) => (value as Date).toISOString().slice(0, 10);
const nextDay = (value: unknown) => new Date((value as Date).getTime() + 86_400_000).toISOString().slice(0, 10);

describe('/calendar.ics of the sample hub', () => {
  const events = parseEvents(readFileSync(path.join(DIST, 'calendar.ics'), 'utf8'));
  const byUid = new Map(events.map((e) => [e.uid, e]));

  it('is served as a calendar, by the built site', async () => {
    const site = await serveDist();
    try {
      const response = await fetch(`${site.url}/calendar.ics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    } finally {
      await site.close();
    }
  });

  it('has every published campaign, first day to the day after the last (DTEND is exclusive), and no other', () => {
    const campaigns = of('campaigns');
    expect(campaigns.filter((c) => c.published).length).toBeGreaterThanOrEqual(3);
    for (const campaign of campaigns) {
      const event = byUid.get(`campaign-${campaign.id}@${SAMPLE_HOST}`);
      if (!campaign.published) {
        expect(event, campaign.id).toBeUndefined();
        continue;
      }
      expect(event, campaign.id).toBeDefined();
      expect(textOf(event!.summary)).toBe(campaign.data.title);
      expect(event!.datetype).toBe('date');
      expect([dayOf(event!.start), dayOf(event!.end!)], campaign.id).toEqual([day(campaign.data.starts), nextDay(campaign.data.ends)]);
      expect(textOf(event!.url)).toBe(`${SITE}/campaigns/${campaign.id}/`);
    }
  });

  it('has the days published snippets become available and their last days, and nothing of unpublished ones', () => {
    const snippets = of('snippets');
    const expected = (s: CheckedEntry) => [
      ...(s.data.publish ? [[`snippet-${s.id}-available@${SAMPLE_HOST}`, day(s.data.publish)]] : []),
      ...(s.data.expires ? [[`snippet-${s.id}-last-day@${SAMPLE_HOST}`, day(s.data.expires)]] : []),
    ];
    const want = snippets.filter((s) => s.published).flatMap(expected);
    expect(want.length).toBeGreaterThan(4);
    for (const [uid, first] of want) {
      const event = byUid.get(uid!);
      expect(event, uid).toBeDefined();
      expect(dayOf(event!.start), uid).toBe(first);
      expect(dayOf(event!.end!), uid).toBe(nextDay(new Date(`${first}T00:00:00Z`)));
    }
    const unpublished = snippets.filter((s) => !s.published).map((s) => s.id);
    expect(unpublished).toEqual(expect.arrayContaining(['careers-open-day', 'hiring-season-opens', 'summit-livestream']));
    for (const id of unpublished)
      expect(
        events.some((e) => e.uid.startsWith(`snippet-${id}-`)),
        id,
      ).toBe(false);
    expect(events).toHaveLength(of('campaigns').filter((c) => c.published).length + want.length);
  });
});

describe('/calendar/', () => {
  const hub = useBuiltHub();

  it('lists each month in a captioned table, a campaign in every month it runs, and links the feed', async () => {
    const page = await hub.browser.newPage();
    await page.goto(`${hub.site.url}/calendar/`);
    const tables = page.getByRole('table');
    const captions = await tables.evaluateAll((all) => all.map((t) => (t as HTMLTableElement).caption?.textContent));
    expect(captions).toEqual([
      'October 2026: campaigns and dated posts',
      'November 2026: campaigns and dated posts',
      'December 2026: campaigns and dated posts',
      'January 2027: campaigns and dated posts',
      'February 2027: campaigns and dated posts',
    ]);
    const january = page.getByRole('table', { name: 'January 2027: campaigns and dated posts' });
    expect(await january.getByRole('rowheader').allTextContents()).toEqual(['Build the heat transition with us', 'Winter checklist for homeowners']);
    expect(await page.getByRole('heading', { name: /November 2026/ }).textContent()).toContain('this month');
    expect(await page.getByRole('link', { name: 'Download the calendar (.ics)' }).getAttribute('href')).toBe('/calendar.ics');
    expect(await page.getByRole('link', { name: 'Subscribe in your calendar app' }).getAttribute('href')).toBe(`webcal://${SAMPLE_HOST}/calendar.ics`);
    // Linked from the campaigns page and the footer.
    await page.goto(`${hub.site.url}/campaigns/`);
    expect(await page.locator('main a[href="/calendar/"]').count()).toBe(1);
    expect(await page.locator('footer a[href="/calendar/"]').count()).toBe(1);
    await page.close();
  });
});
