import { describe, expect, it } from 'vitest';
import { byDateDesc, campaignStatus, compareCampaigns } from '../../src/lib/order.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const campaign = (starts: string, ends: string) => ({ starts: day(starts), ends: day(ends) });

describe('campaignStatus', () => {
  const winter = campaign('2026-11-02', '2026-12-20');
  it('is upcoming before the first day, current through the whole last day, past after', () => {
    expect(campaignStatus(winter, new Date('2026-11-01T23:59:59Z'))).toBe('upcoming');
    expect(campaignStatus(winter, day('2026-11-02'))).toBe('current');
    expect(campaignStatus(winter, new Date('2026-12-20T23:59:59Z'))).toBe('current');
    expect(campaignStatus(winter, day('2026-12-21'))).toBe('past');
  });
});

describe('compareCampaigns', () => {
  it('orders current (ending soonest), then upcoming (soonest), then past (latest)', () => {
    const now = day('2026-11-22');
    const list = {
      pastOld: campaign('2026-01-01', '2026-01-31'),
      pastRecent: campaign('2026-10-12', '2026-10-16'),
      upcomingLate: campaign('2027-03-01', '2027-03-31'),
      upcomingSoon: campaign('2026-12-01', '2027-02-26'),
      currentLong: campaign('2026-11-01', '2027-01-31'),
      currentShort: campaign('2026-11-02', '2026-12-20'),
    };
    const sorted = Object.entries(list)
      .sort(([, a], [, b]) => compareCampaigns(a, b, now))
      .map(([name]) => name);
    expect(sorted).toEqual(['currentShort', 'currentLong', 'upcomingSoon', 'upcomingLate', 'pastRecent', 'pastOld']);
  });
});

describe('byDateDesc', () => {
  it('puts the newest first, undated last, ties by title', () => {
    const items = [
      { title: 'b', date: undefined },
      { title: 'c', date: day('2026-01-01') },
      { title: 'a', date: undefined },
      { title: 'd', date: day('2026-06-01') },
    ];
    expect(
      items
        .sort(
          byDateDesc(
            (i) => i.date,
            (i) => i.title,
          ),
        )
        .map((i) => i.title),
    ).toEqual(['d', 'c', 'a', 'b']);
  });
});
