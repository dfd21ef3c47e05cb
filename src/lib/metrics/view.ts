/**
 * What the impact page renders, and nothing more: labelled, formatted rows
 * built from an `Impact`. Advocate codes are not part of an `Impact`, and
 * people appear here only through `recognized` (consent given), so the page
 * cannot leak a code or the name of someone who did not opt in.
 */
import type { Translate } from '../i18n.ts';
import { NO_CAMPAIGN, NO_TEAM, OTHER, type Impact, type Slice, type Tally, conversionRate } from './aggregate.ts';

export interface Figures {
  visits: number;
  /** null when no visit of these was measured by a tool that counts conversions. */
  conversions: number | null;
  /** Conversions per measured visit, 0–1; null when not measured. */
  rate: number | null;
  visitsText: string;
  conversionsText: string;
  rateText: string;
}

export interface ViewRow extends Figures {
  key: string;
  label: string;
  href?: string;
}

export interface TrendRow extends Figures {
  /** Axis label: the day, or the first day of the week. */
  label: string;
  /** The day or days covered, for the table. */
  range: string;
}

export interface RecognizedRow extends Figures {
  name: string;
  href: string;
  team: string;
}

export interface ImpactView {
  hasData: boolean;
  from?: string;
  to?: string;
  totals: Figures;
  ignoredVisitsText?: string;
  byCampaign: ViewRow[];
  byNetwork: ViewRow[];
  byTeam: ViewRow[];
  trend: { interval: 'day' | 'week'; rows: TrendRow[] };
  recognized: RecognizedRow[];
  others?: Figures;
}

/** How the page names things; only published entries have a name here. */
export interface Naming {
  lang: string;
  t: Translate;
  campaign(id: string): { label: string; href?: string } | undefined;
  network(id: string): string;
  team(id: string): string;
  /** A person who may be named (published, opted in), or undefined. */
  person(id: string): { name: string; href: string; team: string } | undefined;
}

export function impactView(impact: Impact, naming: Naming): ImpactView {
  const { t, lang } = naming;
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

  const figures = (tally: Tally): Figures => {
    const rate = conversionRate(tally);
    const measured = tally.measuredVisits > 0;
    return {
      visits: tally.visits,
      conversions: measured ? tally.conversions : null,
      rate: rate ?? null,
      visitsText: number.format(tally.visits),
      conversionsText: measured ? number.format(tally.conversions) : t('impact.notMeasured'),
      rateText: rate === undefined ? t('impact.notMeasured') : percent.format(rate),
    };
  };

  // Buckets that end up with the same name (an unpublished campaign among "other campaigns") become one row.
  const rows = (slices: readonly Slice[], name: (key: string) => { label: string; href?: string }): ViewRow[] => {
    const merged = new Map<string, { key: string; label: string; href?: string; tally: Tally }>();
    for (const slice of slices) {
      const named = name(slice.key);
      const earlier = merged.get(named.label);
      if (earlier) earlier.tally = sum(earlier.tally, slice);
      else merged.set(named.label, { key: slice.key, ...named, tally: { visits: slice.visits, conversions: slice.conversions, measuredVisits: slice.measuredVisits } });
    }
    return [...merged.values()].map(({ tally, ...named }) => ({ ...named, ...figures(tally) }));
  };

  const campaignName = (key: string) => {
    if (key === NO_CAMPAIGN) return { label: t('impact.noCampaign') };
    if (key === OTHER) return { label: t('impact.otherCampaigns') };
    return naming.campaign(key) ?? { label: t('impact.otherCampaigns') };
  };
  const networkName = (key: string) => ({ label: key === OTHER ? t('impact.otherSources') : naming.network(key) });
  const teamName = (key: string) => ({ label: key === NO_TEAM ? t('impact.noTeam') : naming.team(key) });

  const recognized = impact.recognized.flatMap((entry) => {
    const person = naming.person(entry.person);
    return person ? [{ ...person, ...figures(entry) }] : [];
  });
  // Someone who opted in but cannot be named (unpublished) joins the anonymous sum.
  const hidden = impact.recognized.filter((entry) => !naming.person(entry.person));
  const others = [impact.otherAdvocates, ...hidden].reduce<Tally | undefined>((total, tally) => (tally ? sum(total, tally) : total), undefined);

  return {
    hasData: impact.totals.visits > 0,
    from: impact.from && longDay.format(toDate(impact.from)),
    to: impact.to && longDay.format(toDate(impact.to)),
    totals: figures(impact.totals),
    ignoredVisitsText: impact.ignoredVisits > 0 ? number.format(impact.ignoredVisits) : undefined,
    byCampaign: rows(impact.byCampaign, campaignName),
    byNetwork: rows(impact.byNetwork, networkName),
    byTeam: rows(impact.byTeam, teamName),
    trend: {
      interval: impact.trend.interval,
      rows: impact.trend.points.map((point) => ({
        label: day.format(toDate(point.start)),
        range: point.start === point.end ? longDay.format(toDate(point.start)) : longDay.formatRange(toDate(point.start), toDate(point.end)),
        ...figures(point),
      })),
    },
    recognized,
    others: others && figures(others),
  };
}

function sum(a: Tally | undefined, b: Tally): Tally {
  return { visits: (a?.visits ?? 0) + b.visits, conversions: (a?.conversions ?? 0) + b.conversions, measuredVisits: (a?.measuredVisits ?? 0) + b.measuredVisits };
}
