import { describe, expect, it } from 'vitest';
import { calendarIcs, calendarItems, calendarMonths, lastDay, type CalendarItem } from '../../src/lib/calendar.ts';
import { dayOf, parseEvents, textOf } from '../support/ical.ts';

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

const input = {
  campaigns: [
    { id: 'winter-ready', data: { title: 'Winter-ready homes', summary: 'Seven weeks, help; no sales push.', starts: d('2026-11-02'), ends: d('2026-12-20') } },
    { id: 'one-day', data: { title: 'Open day', summary: 'One day.', starts: d('2027-01-31'), ends: d('2027-01-31') } },
  ],
  snippets: [
    { id: 'checklist', data: { title: 'Our winter checklist', publish: d('2026-11-02'), expires: d('2027-01-31') } },
    { id: 'exact', data: { title: 'Ends at noon', expires: d('2026-12-05T12:00:00Z') } },
    { id: 'undated', data: { title: 'Any time' } },
  ],
};

describe('calendar items', () => {
  it('lists campaigns from first to last day and dated snippets on the day they start and their last day', () => {
    const items = calendarItems(input);
    expect(items.map((i) => [i.uid, i.first.toISOString().slice(0, 10), i.last.toISOString().slice(0, 10)])).toEqual([
      ['campaign-winter-ready', '2026-11-02', '2026-12-20'],
      ['snippet-checklist-available', '2026-11-02', '2026-11-02'],
      ['snippet-exact-last-day', '2026-12-05', '2026-12-05'],
      ['campaign-one-day', '2027-01-31', '2027-01-31'],
      ['snippet-checklist-last-day', '2027-01-31', '2027-01-31'],
    ]);
  });

  it('takes the expiry date as the last day, and the day of an exact expiry instant', () => {
    expect(lastDay(d('2027-01-31')).toISOString()).toBe('2027-01-31T00:00:00.000Z');
    expect(lastDay(d('2027-01-31T00:30:00Z')).toISOString()).toBe('2027-01-31T00:00:00.000Z');
  });

  it('groups by month, a campaign in every month it runs', () => {
    const months = calendarMonths(calendarItems(input));
    expect(months.map((m) => [m.key, m.items.map((i) => i.uid)])).toEqual([
      ['2026-11', ['campaign-winter-ready', 'snippet-checklist-available']],
      ['2026-12', ['campaign-winter-ready', 'snippet-exact-last-day']],
      ['2027-01', ['campaign-one-day', 'snippet-checklist-last-day']],
    ]);
  });
});

describe('the iCalendar feed', () => {
  const items = calendarItems(input);
  const options = {
    name: 'Tidewater Voices: content calendar',
    site: 'https://voices.example.com/hub/',
    organization: 'Tidewater Thermal',
    now: d('2026-11-22T06:00:00Z'),
    url: (item: CalendarItem) => `https://voices.example.com/hub/${item.collection}/${item.id}/`,
    summary: (item: CalendarItem) => (item.kind === 'campaign' ? item.title : `${item.kind}: ${item.title}`),
  };
  const text = calendarIcs(items, options);

  it('is RFC 5545 text: CRLF lines of at most 75 octets, the last ended with CRLF too, a VERSION and a PRODID', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('parses back (node-ical) to one all-day event per item, ends exclusive, with stable UIDs and absolute URLs', () => {
    const events = parseEvents(text);
    expect(events).toHaveLength(items.length);
    const winter = events.find((e) => e.uid === 'campaign-winter-ready@voices.example.com')!;
    expect(textOf(winter.summary)).toBe('Winter-ready homes');
    expect(winter.datetype).toBe('date');
    expect(dayOf(winter.start)).toBe('2026-11-02');
    expect(dayOf(winter.end!)).toBe('2026-12-21');
    expect(textOf(winter.description)).toBe('Seven weeks, help; no sales push.');
    expect(textOf(winter.url)).toBe('https://voices.example.com/hub/campaigns/winter-ready/');
    const oneDay = events.find((e) => e.uid === 'campaign-one-day@voices.example.com')!;
    expect([dayOf(oneDay.start), dayOf(oneDay.end!)]).toEqual(['2027-01-31', '2027-02-01']);
    expect(events.map((e) => e.uid).sort()).toEqual(items.map((i) => `${i.uid}@voices.example.com`).sort());
    expect(new Set(events.map((e) => dayOf(e.dtstamp)))).toEqual(new Set(['2026-11-22']));
  });

  it('is the same text on every build of the same content', () => {
    const again = calendarIcs(calendarItems(input), options);
    expect(again).toBe(text);
  });
});
