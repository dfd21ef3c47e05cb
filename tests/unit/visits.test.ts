/**
 * "What's new for me" (issue 16, item 1): the visit rule and the marks it
 * gives (src/lib/visits.ts), and how a link's team meets the advocate's own
 * choice (src/lib/advocate.ts).
 */
import { describe, expect, it } from 'vitest';
import { VISITS_KEY, VISIT_GAP_MS, parseVisits, visitAt } from '../../src/lib/visits.ts';
import { VISITS_KEY as EXTEND_KEY, VISIT_GAP_MS as EXTEND_GAP, keepVisitGoing } from '../../src/client/visit-extend.ts';
import { EXPIRES_SOON_DAYS, expiryNote, freshness, newsFor } from '../../src/lib/fresh-marks.ts';
import { parseStoredPrefs } from '../../src/lib/advocate.ts';
import { teamFromLink } from '../../src/lib/link-presets.ts';

const at = (iso: string) => new Date(iso);
const MIN = 60_000;

describe('visitAt: a visit lasts while page views are less than 30 minutes apart', () => {
  it('the first visit ever has no "since": nothing is new yet', () => {
    expect(visitAt(undefined, at('2026-11-20T09:00:00Z'))).toEqual({ v: 1, seen: '2026-11-20T09:00:00.000Z' });
  });

  it('keeps "since" while the visit lasts, however many pages and reloads, and however long the visit', () => {
    let visits = visitAt({ v: 1, seen: '2026-11-18T17:00:00.000Z', since: '2026-11-10T08:00:00.000Z' }, at('2026-11-20T09:00:00Z'));
    expect(visits.since).toBe('2026-11-18T17:00:00.000Z');
    // Three hours of reading, a page every 20 minutes: still the same visit, still the same "since".
    for (let minutes = 20; minutes <= 180; minutes += 20) {
      visits = visitAt(visits, new Date(Date.parse('2026-11-20T09:00:00Z') + minutes * MIN));
      expect(visits.since).toBe('2026-11-18T17:00:00.000Z');
    }
    expect(visits.seen).toBe('2026-11-20T12:00:00.000Z');
  });

  it('starts a new visit after 30 minutes away: "since" becomes the last page view of the visit before', () => {
    const reading = { v: 1 as const, seen: '2026-11-20T09:40:00.000Z', since: '2026-11-18T17:00:00.000Z' };
    expect(visitAt(reading, new Date(Date.parse(reading.seen) + VISIT_GAP_MS - 1)).since).toBe('2026-11-18T17:00:00.000Z');
    expect(visitAt(reading, new Date(Date.parse(reading.seen) + VISIT_GAP_MS))).toEqual({
      v: 1,
      seen: '2026-11-20T10:10:00.000Z',
      since: '2026-11-20T09:40:00.000Z',
    });
  });

  it('the second visit after the first compares with the end of the first', () => {
    const first = visitAt(visitAt(undefined, at('2026-11-20T09:00:00Z')), at('2026-11-20T09:10:00Z'));
    expect(first.since).toBeUndefined();
    expect(visitAt(first, at('2026-11-21T08:00:00Z')).since).toBe('2026-11-20T09:10:00.000Z');
  });

  it('a clock that went back continues the visit and keeps the later page view', () => {
    const visits = { v: 1 as const, seen: '2026-11-20T09:40:00.000Z', since: '2026-11-18T17:00:00.000Z' };
    expect(visitAt(visits, at('2026-11-20T08:00:00Z'))).toEqual(visits);
  });
});

describe('parseVisits', () => {
  it('reads what visitAt wrote', () => {
    const visits = { v: 1 as const, seen: '2026-11-20T09:40:00.000Z', since: '2026-11-18T17:00:00.000Z' };
    expect(parseVisits(JSON.stringify(visits))).toEqual(visits);
  });
  it('forgets what it cannot read (then the next page view is a first visit, with no "new" flood)', () => {
    for (const raw of [null, '', 'nope', '{"v":2,"seen":"2026-11-20T09:40:00Z"}', '{"v":1,"seen":"yesterday"}', '[]']) expect(parseVisits(raw)).toBeUndefined();
    expect(parseVisits('{"v":1,"seen":"2026-11-20T09:40:00Z","since":42}')).toEqual({ v: 1, seen: '2026-11-20T09:40:00Z' });
  });
});

describe('freshness: "New" and "Updated" since the last visit', () => {
  const since = '2026-11-18T17:00:00.000Z';
  it('is "new" for an entry published after the last visit', () => {
    expect(freshness({ published: '2026-11-20T00:00:00.000Z' }, since)).toBe('new');
    expect(freshness({ published: '2026-11-18T00:00:00.000Z' }, since)).toBeUndefined();
  });
  it('is "updated" for an older entry updated since; "new" wins when both are newer', () => {
    expect(freshness({ published: '2026-06-02T00:00:00.000Z', updated: '2026-11-19T00:00:00.000Z' }, since)).toBe('updated');
    expect(freshness({ published: '2026-11-19T00:00:00.000Z', updated: '2026-11-20T00:00:00.000Z' }, since)).toBe('new');
    expect(freshness({ updated: '2026-11-19T00:00:00.000Z' }, since)).toBe('updated');
  });
  it('marks nothing during the first visit or for an entry without dates', () => {
    expect(freshness({ published: '2026-11-20T00:00:00.000Z' }, undefined)).toBeUndefined();
    expect(freshness({}, since)).toBeUndefined();
  });
});

describe('expiryNote: "Expires in N days", counted at view time', () => {
  const utc = 0;
  it('counts calendar days to the last day, a bare date keeping its whole day', () => {
    // 22 November: 8 days to go, more than EXPIRES_SOON_DAYS.
    expect(EXPIRES_SOON_DAYS).toBe(7);
    expect(expiryNote('2026-11-30T00:00:00.000Z', at('2026-11-22T12:00:00Z'), utc)).toBeUndefined();
    expect(expiryNote('2026-11-30T00:00:00.000Z', at('2026-11-23T12:00:00Z'), utc)).toEqual({ kind: 'soon', days: 7 });
    expect(expiryNote('2026-11-30T00:00:00.000Z', at('2026-11-29T23:59:00Z'), utc)).toEqual({ kind: 'soon', days: 1 });
    expect(expiryNote('2026-11-30T00:00:00.000Z', at('2026-11-30T23:59:00Z'), utc)).toEqual({ kind: 'soon', days: 0 });
  });
  it('says "expired" when this copy of the page outlived the entry (the build may be days old)', () => {
    expect(expiryNote('2026-11-30T00:00:00.000Z', at('2026-12-01T00:00:00Z'), utc)).toEqual({ kind: 'expired' });
    expect(expiryNote('2026-11-30T15:00:00.000Z', at('2026-11-30T15:00:00Z'), utc)).toEqual({ kind: 'expired' });
  });
  it("counts in the reader's days: east of UTC the bare date's last day comes sooner", () => {
    const tokyo = -9 * 60; // getTimezoneOffset() in Tokyo
    // 2026-11-29 16:00 UTC is already 30 November in Tokyo: the last day is today there.
    expect(expiryNote('2026-11-30T00:00:00.000Z', at('2026-11-29T16:00:00Z'), tokyo)).toEqual({ kind: 'soon', days: 0 });
    // A date and time ends at that instant; its last day is the reader's (15:00 UTC is midnight in Tokyo, so 30 November there).
    expect(expiryNote('2026-11-30T15:00:00.000Z', at('2026-11-29T12:00:00Z'), tokyo)).toEqual({ kind: 'soon', days: 1 });
    expect(expiryNote('2026-11-30T15:00:00.000Z', at('2026-11-29T12:00:00Z'), utc)).toEqual({ kind: 'soon', days: 1 });
  });
  it('says nothing beyond 7 days or for a date it cannot read', () => {
    expect(expiryNote('2027-02-28T00:00:00.000Z', at('2026-11-22T12:00:00Z'), utc)).toBeUndefined();
    expect(expiryNote('soon', at('2026-11-22T12:00:00Z'), utc)).toBeUndefined();
  });
});

describe('newsFor: what "New for <team> since <date>" counts', () => {
  const since = '2026-11-18T17:00:00.000Z';
  const items = [
    { published: '2026-11-20T00:00:00.000Z', teams: ['sales'] },
    { published: '2026-11-20T00:00:00.000Z', teams: ['engineering'] },
    { published: '2026-11-19T00:00:00.000Z', teams: ['all'] },
    { published: '2026-06-02T00:00:00.000Z', updated: '2026-11-19T00:00:00.000Z' },
    { published: '2026-11-02T00:00:00.000Z', teams: ['sales'] },
  ];
  it("counts the team's snippets, those for all, and every other entry", () => {
    expect(newsFor(items, 'sales', since)).toEqual(['new', undefined, 'new', 'updated', undefined]);
    expect(newsFor(items, undefined, since)).toEqual(['new', 'new', 'new', 'updated', undefined]);
  });
  it('counts nothing during the first visit', () => {
    expect(newsFor(items, 'sales', undefined).filter(Boolean)).toEqual([]);
  });
});

describe('teamFromLink: the team the advocate chose wins over a link', () => {
  it("stores a link's team when the advocate has none or it came from a link", () => {
    expect(teamFromLink({}, 'sales')).toEqual({ store: 'sales' });
    expect(teamFromLink({ team: 'engineering' }, 'sales')).toEqual({ store: 'sales' });
  });
  it('only offers it when the advocate chose another team, or "every team"', () => {
    expect(teamFromLink({ team: 'marketing', teamChosen: true }, 'sales')).toEqual({ offer: 'sales' });
    expect(teamFromLink({ teamChosen: true }, 'sales')).toEqual({ offer: 'sales' });
  });
  it('does nothing for the same team or no team', () => {
    expect(teamFromLink({ team: 'sales', teamChosen: true }, 'sales')).toEqual({});
    expect(teamFromLink({ team: 'sales' }, undefined)).toEqual({});
  });
  it('keeps the choice through storage', () => {
    expect(parseStoredPrefs('{"team":"marketing","teamChosen":true}')).toEqual({ team: 'marketing', teamChosen: true });
    expect(parseStoredPrefs('{"team":"marketing","teamChosen":"yes"}')).toEqual({ team: 'marketing' });
  });
});

describe('keepVisitGoing: every page, entry pages included, keeps a visit going', () => {
  const reading = { v: 1, seen: '2026-11-20T09:40:00.000Z', since: '2026-11-18T17:00:00.000Z' };
  const storage = (raw: string | null) => {
    const items = new Map<string, string>(raw === null ? [] : [[VISITS_KEY, raw]]);
    return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  };
  it('moves "seen" on within a visit, so reading a snippet for 25 minutes and then a list is one visit', () => {
    const store = storage(JSON.stringify(reading));
    keepVisitGoing(Date.parse('2026-11-20T10:05:00Z'), store);
    expect(JSON.parse(store.items.get(VISITS_KEY)!)).toEqual({ ...reading, seen: '2026-11-20T10:05:00.000Z' });
    expect(visitAt(parseVisits(store.items.get(VISITS_KEY)!), at('2026-11-20T10:30:00Z')).since).toBe(reading.since);
  });
  it('never starts a visit: after 30 minutes away, a clock gone back, or with nothing or nonsense stored, it writes nothing', () => {
    for (const now of [Date.parse(reading.seen) + VISIT_GAP_MS, Date.parse(reading.seen) - 1]) {
      const store = storage(JSON.stringify(reading));
      keepVisitGoing(now, store);
      expect(JSON.parse(store.items.get(VISITS_KEY)!)).toEqual(reading);
    }
    for (const raw of [null, '', 'nope', 'null', '{"v":2,"seen":"2026-11-20T09:40:00Z"}']) {
      const store = storage(raw);
      keepVisitGoing(Date.parse(reading.seen) + MIN, store);
      expect(store.items.get(VISITS_KEY) ?? null).toBe(raw);
    }
  });
  it('uses the same key and gap as the visit rule', () => {
    expect([EXTEND_KEY, EXTEND_GAP]).toEqual([VISITS_KEY, VISIT_GAP_MS]);
  });
});
