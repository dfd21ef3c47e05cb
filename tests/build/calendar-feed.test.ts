/**
 * The calendar feed of a real build: only published campaigns and snippets,
 * all-day events with exclusive ends, stable UIDs and absolute URLs, read
 * back with node-ical.
 */
import { describe, expect, it } from 'vitest';
import { filesIn, read } from '../support/build.ts';
import { built } from '../support/builds.ts';
import { dayOf, parseEvents, textOf } from '../support/ical.ts';

/** The valid tree has a draft, an expired and a scheduled campaign beside its published one. */
const today = await built('valid@2026-11-22');
const later = await built('later@2026-12-06');

describe('/calendar.ics of a build', () => {
  const events = today.code === 0 ? parseEvents(read(today.outDir, 'calendar.ics')) : [];

  it('builds', () => {
    expect(today.code, today.output).toBe(0);
    expect(later.code, later.output).toBe(0);
    expect(filesIn(today.outDir)).toContain('calendar/index.html');
  });

  it('has the published campaign as an all-day event, its end exclusive, with a stable UID and an absolute URL', () => {
    const launch = events.find((e) => e.uid === 'campaign-launch@hub.fixture.example');
    expect(launch, JSON.stringify(events.map((e) => e.uid))).toBeDefined();
    expect(textOf(launch!.summary)).toBe('Product launch');
    expect(launch!.datetype).toBe('date');
    expect([dayOf(launch!.start), dayOf(launch!.end!)]).toEqual(['2026-11-01', '2026-12-01']);
    expect(textOf(launch!.url)).toBe('https://hub.fixture.example/campaigns/launch/');
  });

  it('leaves out draft, expired and scheduled campaigns and snippets, and undated snippets', () => {
    const uids = events.map((e) => e.uid).sort();
    expect(uids).toEqual(['campaign-launch@hub.fixture.example']);
    const page = read(today.outDir, 'calendar/index.html');
    for (const absent of ['Draft campaign', 'Expired campaign', 'Scheduled campaign', 'Scheduled snippet', 'Expired snippet', 'Draft snippet'])
      expect(page).not.toContain(absent);
  });

  it('brings scheduled entries in on the day they publish, keeping the UIDs', () => {
    const uids = parseEvents(read(later.outDir, 'calendar.ics'))
      .map((e) => e.uid)
      .sort();
    expect(uids).toEqual(['campaign-launch@hub.fixture.example', 'campaign-scheduled-campaign@hub.fixture.example', 'snippet-scheduled-available@hub.fixture.example']);
  });
});
