import { describe, expect, it } from 'vitest';
import { NO_CAMPAIGN, NO_TEAM, OTHER, aggregate, conversionRate } from '../../src/lib/metrics/aggregate.ts';
import { axisLabels, barChart, trendPanel } from '../../src/lib/metrics/charts.ts';
import { impactContext } from '../../src/lib/metrics/load.ts';
import type { TrafficRow } from '../../src/lib/metrics/parse.ts';
import { impactView } from '../../src/lib/metrics/view.ts';
import { createT } from '../../src/lib/i18n.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };

const context = impactContext({
  medium: 'employee-advocacy',
  networks: ['linkedin', 'x', 'bluesky', 'email'],
  teams: ['all', 'sales', 'engineering'],
  campaigns: ['winter-ready', 'careers-2027'],
  snippets: [{ id: 'winter-checklist', campaign: 'winter-ready' }, { id: 'heat-pump-myths' }],
  articles: ['why-write'],
  people: [
    { id: 'ana', name: 'Ana Example', team: 'engineering', codes: ['ana-e', 'ANA-2'], recognize: true, published: true },
    { id: 'bo', name: 'Bo Private', team: 'sales', codes: ['bo-secret'], recognize: false, published: true },
    { id: 'cy', name: 'Cy Draft', team: 'sales', codes: ['cy-d'], recognize: true, published: false },
  ],
});

let line = 1;
const row = (values: Partial<TrafficRow>): TrafficRow => ({
  file: 'x.csv',
  line: line++,
  tool: 'ga4',
  date: '2026-11-02',
  source: 'linkedin',
  medium: 'employee-advocacy',
  campaign: 'winter-ready',
  content: '',
  visits: 10,
  conversions: 1,
  ...values,
});

const t = createT('en', en);
const naming = {
  lang: 'en',
  t,
  campaign: (id: string) => ({ 'winter-ready': { label: 'Winter-ready homes', href: '/campaigns/winter-ready/' } })[id],
  network: (id: string) => id.toUpperCase(),
  team: (id: string) => id,
  person: (id: string) => (id === 'ana' ? { name: 'Ana Example', href: '/people/ana/', team: 'Engineering' } : undefined),
};

describe('aggregating an empty export', () => {
  const impact = aggregate([], context);

  it('has no traffic, no buckets, no trend and nobody to recognise', () => {
    expect(impact).toEqual({
      totals: { visits: 0, conversions: 0, measuredVisits: 0 },
      from: undefined,
      to: undefined,
      ignoredVisits: 0,
      byCampaign: [],
      byNetwork: [],
      byTeam: [],
      trend: { interval: 'day', points: [] },
      recognized: [],
      otherAdvocates: undefined,
    });
    expect(conversionRate(impact.totals)).toBeUndefined();
  });

  it('gives a view without data, so the page says nothing was measured yet', () => {
    const view = impactView(impact, naming);
    expect(view.hasData).toBe(false);
    expect(view.totals).toMatchObject({ visitsText: '0', conversionsText: 'not measured', rateText: 'not measured' });
  });
});

describe('aggregating traffic', () => {
  it('counts only the hub’s utm_medium as advocacy traffic, and reports the rest as left out', () => {
    const impact = aggregate([row({ visits: 7 }), row({ medium: 'email', visits: 50 }), row({ medium: 'organic', source: 'google', visits: 200 })], context);
    expect(impact.totals).toEqual({ visits: 7, conversions: 1, measuredVisits: 7 });
    expect(impact.ignoredVisits).toBe(250);
  });

  it('attributes utm_campaign to a campaign directly, through a snippet, or to "no campaign" for evergreen snippets and articles', () => {
    const impact = aggregate(
      [
        row({ campaign: 'winter-ready', visits: 5 }),
        row({ campaign: 'winter-checklist', visits: 4 }),
        row({ campaign: 'heat-pump-myths', visits: 3 }),
        row({ campaign: 'why-write', visits: 2 }),
        row({ campaign: 'spring-sale', visits: 9 }),
      ],
      context,
    );
    expect(impact.byCampaign.map((s) => [s.key, s.visits])).toEqual([
      ['winter-ready', 9],
      [NO_CAMPAIGN, 5],
      [OTHER, 9],
    ]);
  });

  it('attributes networks by utm_source, unknown sources to "other"', () => {
    const impact = aggregate([row({ source: 'linkedin', visits: 3 }), row({ source: 'x', visits: 8 }), row({ source: 'teams', visits: 20 })], context);
    expect(impact.byNetwork.map((s) => [s.key, s.visits])).toEqual([
      ['x', 8],
      ['linkedin', 3],
      [OTHER, 20],
    ]);
  });

  it('sums unknown codes and codes of people who did not opt in as "other advocates", never by code', () => {
    const impact = aggregate(
      [
        row({ content: 'ana-e', visits: 10, conversions: 2 }),
        row({ content: 'ana-2', visits: 5, conversions: 0 }),
        row({ content: 'bo-secret', visits: 7, conversions: 1 }),
        row({ content: 'nobody-knows', visits: 4, conversions: 1 }),
        row({ content: '', visits: 6, conversions: 0 }),
      ],
      context,
    );
    expect(impact.recognized).toEqual([{ person: 'ana', visits: 15, conversions: 2, measuredVisits: 15 }]);
    expect(impact.otherAdvocates).toEqual({ visits: 11, conversions: 2, measuredVisits: 11 });
    // A team is the team of the code's person; unknown and missing codes have no team.
    expect(impact.byTeam.map((s) => [s.key, s.visits])).toEqual([
      ['engineering', 15],
      ['sales', 7],
      [NO_TEAM, 10],
    ]);
    expect(JSON.stringify(impact)).not.toMatch(/bo-secret|nobody-knows|ana-e|ana-2/);
  });

  it('does not recognise an unpublished person even with recognize: true', () => {
    const impact = aggregate([row({ content: 'cy-d', visits: 3 })], context);
    expect(impact.recognized).toEqual([]);
    expect(impact.otherAdvocates?.visits).toBe(3);
  });

  it('takes the conversion rate over visits whose tool measured conversions', () => {
    const impact = aggregate([row({ visits: 100, conversions: 5 }), row({ tool: 'plausible', visits: 300, conversions: null })], context);
    expect(impact.totals).toEqual({ visits: 400, conversions: 5, measuredVisits: 100 });
    expect(conversionRate(impact.totals)).toBe(0.05);
    const unmeasured = aggregate([row({ tool: 'plausible', conversions: null })], context);
    expect(impactView(unmeasured, naming).totals).toMatchObject({ conversions: null, conversionsText: 'not measured', rateText: 'not measured' });
  });

  it('makes one point for one day, and a chart with a single marker in the middle', () => {
    const impact = aggregate([row({ date: '2026-11-05', visits: 12 }), row({ date: '2026-11-05', visits: 3, source: 'x' })], context);
    expect(impact.from).toBe('2026-11-05');
    expect(impact.to).toBe('2026-11-05');
    expect(impact.trend).toEqual({ interval: 'day', points: [{ start: '2026-11-05', end: '2026-11-05', visits: 15, conversions: 2, measuredVisits: 15 }] });
    const panel = trendPanel([{ label: '5 Nov', value: 15 }], { top: 30, height: 100 });
    expect(panel.markers).toEqual([{ x: 50, y: expect.any(Number), value: 15, label: '5 Nov' }]);
    expect(axisLabels(['5 Nov'])).toEqual([{ text: '5 Nov', x: 50, anchor: 'middle' }]);
    const view = impactView(impact, naming);
    expect(view.trend.rows).toEqual([expect.objectContaining({ label: 'Nov 5', range: 'Nov 5, 2026', visits: 15 })]);
  });

  it('fills every day up to 31 days, and goes weekly (Monday to Sunday) beyond, gaps included', () => {
    const daily = aggregate([row({ date: '2026-11-02' }), row({ date: '2026-11-04' })], context);
    expect(daily.trend.points.map((p) => [p.start, p.visits])).toEqual([
      ['2026-11-02', 10],
      ['2026-11-03', 0],
      ['2026-11-04', 10],
    ]);
    const weekly = aggregate([row({ date: '2026-10-01' }), row({ date: '2026-11-18', visits: 4 })], context);
    expect(weekly.trend.interval).toBe('week');
    const points = weekly.trend.points;
    expect(points[0]).toMatchObject({ start: '2026-10-01', end: '2026-10-04', visits: 10 }); // Thursday to Sunday
    expect(points[1]).toMatchObject({ start: '2026-10-05', end: '2026-10-11', visits: 0 });
    expect(points.at(-1)).toMatchObject({ start: '2026-11-16', end: '2026-11-18', visits: 4 });
    expect(points).toHaveLength(8);
  });
});

describe('the view the page renders', () => {
  const impact = aggregate(
    [row({ content: 'ana-e', visits: 10 }), row({ content: 'bo-secret', visits: 30, campaign: 'heat-pump-myths' }), row({ content: 'cy-d', visits: 2 })],
    context,
  );
  const view = impactView(impact, naming);

  it('names only people who opted in, and holds no advocate code at all', () => {
    expect(view.recognized).toEqual([expect.objectContaining({ name: 'Ana Example', href: '/people/ana/', visits: 10 })]);
    expect(view.others).toMatchObject({ visits: 32, visitsText: '32' });
    const text = JSON.stringify(view);
    for (const secret of ['Bo Private', 'Cy Draft', 'bo-secret', 'cy-d', 'ana-e', '"bo"', '"cy"']) expect(text).not.toContain(secret);
  });

  it('labels buckets for readers and formats numbers', () => {
    expect(view.byCampaign.map((r) => [r.label, r.href, r.visitsText, r.conversionsText, r.rateText])).toEqual([
      // Campaigns first, the catch-all buckets last, whatever their size.
      ['Winter-ready homes', '/campaigns/winter-ready/', '12', '2', '16.7%'],
      ['Posts and articles without a campaign', undefined, '30', '1', '3.3%'],
    ]);
  });
});

describe('chart geometry', () => {
  it('scales bars to a nice maximum, in percent of the width', () => {
    const layout = barChart([
      { label: 'A', value: 693, note: '' },
      { label: 'B', value: 116, note: '' },
    ]);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 200, 400, 600, 800]);
    expect(layout.rows.map((r) => r.width)).toEqual([86.63, 14.5]);
  });

  it('leaves a gap in the line where conversions were not measured', () => {
    const panel = trendPanel(
      [
        { label: 'a', value: 2 },
        { label: 'b', value: null },
        { label: 'c', value: 4 },
      ],
      { top: 0, height: 100 },
    );
    expect(panel.markers.map((m) => m.label)).toEqual(['a', 'c']);
    expect(panel.line.match(/M/g)).toHaveLength(2);
  });

  it('keeps the first and last axis labels and spreads the others', () => {
    const labels = Array.from({ length: 8 }, (_, i) => `w${i}`);
    expect(axisLabels(labels, 4).map((l) => [l.text, l.anchor])).toEqual([
      ['w0', 'start'],
      ['w3', 'middle'],
      ['w7', 'end'],
    ]);
  });
});
