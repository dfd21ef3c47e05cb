/**
 * Traffic rows → what the impact page shows: visits, conversions and
 * conversion rate per campaign, network and team, over time, and for the
 * advocates who agreed to be recognised. Only rows whose utm_medium is the
 * hub's (settings.utm.medium) are advocacy traffic; the rest is left out.
 *
 * Privacy: advocate codes never leave this module. Traffic from codes of
 * people who did not opt in, and from codes nobody claims, is only ever a
 * sum ("other advocates"); a team is the team of the person whose code it is.
 */
import type { TrafficRow } from './parse.ts';

/** Keys of the buckets that are not an id (ids never contain parentheses). */
export const NO_CAMPAIGN = '(none)';
export const OTHER = '(other)';
export const NO_TEAM = '(unknown)';

export interface Tally {
  visits: number;
  conversions: number;
  /** Visits measured by a tool that counts conversions: the base of the conversion rate. */
  measuredVisits: number;
}

export interface Slice extends Tally {
  /** An id (campaign, network, team) or one of NO_CAMPAIGN, OTHER, NO_TEAM. */
  key: string;
}

export interface TrendPoint extends Tally {
  /** First and last day of the interval, YYYY-MM-DD, within the measured range. */
  start: string;
  end: string;
}

export interface Advocate {
  /** The person's id (file name). */
  person: string;
  team: string;
  /** Opted in to be named with their numbers (people: recognize: true, and published). */
  recognize: boolean;
}

export interface ImpactContext {
  /** settings.utm.medium. */
  medium: string;
  /** Network ids the hub knows. */
  networks: readonly string[];
  teams: readonly string[];
  campaigns: ReadonlySet<string>;
  /** Every snippet id (published or not: past traffic came from them) → its campaign. */
  snippetCampaigns: ReadonlyMap<string, string | undefined>;
  articles: ReadonlySet<string>;
  /** Lowercased advocate code → its person. */
  advocates: ReadonlyMap<string, Advocate>;
}

export interface Impact {
  totals: Tally;
  /** First and last day with advocacy traffic, YYYY-MM-DD; undefined without any. */
  from?: string;
  to?: string;
  /** Visits in the exports that were not advocacy traffic (another utm_medium). */
  ignoredVisits: number;
  byCampaign: Slice[];
  byNetwork: Slice[];
  byTeam: Slice[];
  trend: { interval: 'day' | 'week'; points: TrendPoint[] };
  /** People who opted in and drove traffic, most conversions first. */
  recognized: (Tally & { person: string })[];
  /** Everyone else with a code, as one sum; undefined when there is none. */
  otherAdvocates?: Tally;
}

/** Conversions per measured visit, or undefined when no visit was measured for conversions. */
export function conversionRate(tally: Tally): number | undefined {
  return tally.measuredVisits > 0 ? tally.conversions / tally.measuredVisits : undefined;
}

const empty = (): Tally => ({ visits: 0, conversions: 0, measuredVisits: 0 });

function add(tally: Tally, row: TrafficRow): void {
  tally.visits += row.visits;
  if (row.conversions !== null) {
    tally.conversions += row.conversions;
    tally.measuredVisits += row.visits;
  }
}

/** The campaign bucket of a utm_campaign value: a campaign id, a snippet's or an article's. */
export function campaignOf(value: string, context: ImpactContext): string {
  if (context.campaigns.has(value)) return value;
  if (context.snippetCampaigns.has(value)) {
    const campaign = context.snippetCampaigns.get(value);
    return campaign && context.campaigns.has(campaign) ? campaign : NO_CAMPAIGN;
  }
  if (context.articles.has(value)) return NO_CAMPAIGN;
  return OTHER;
}

export function isAdvocacy(row: TrafficRow, medium: string): boolean {
  return row.medium === medium.toLowerCase();
}

export function aggregate(rows: readonly TrafficRow[], context: ImpactContext): Impact {
  const totals = empty();
  const campaigns = new Map<string, Tally>();
  const networks = new Map<string, Tally>();
  const teams = new Map<string, Tally>();
  const people = new Map<string, Tally>();
  const days = new Map<string, Tally>();
  let others: Tally | undefined;
  let ignoredVisits = 0;
  const bucket = (map: Map<string, Tally>, key: string) => {
    let tally = map.get(key);
    if (!tally) map.set(key, (tally = empty()));
    return tally;
  };

  for (const row of rows) {
    if (!isAdvocacy(row, context.medium)) {
      ignoredVisits += row.visits;
      continue;
    }
    add(totals, row);
    add(bucket(campaigns, campaignOf(row.campaign, context)), row);
    add(bucket(networks, context.networks.includes(row.source) ? row.source : OTHER), row);
    add(bucket(days, row.date), row);
    const advocate = row.content ? context.advocates.get(row.content) : undefined;
    add(bucket(teams, advocate && context.teams.includes(advocate.team) ? advocate.team : NO_TEAM), row);
    if (advocate?.recognize) add(bucket(people, advocate.person), row);
    else if (row.content) add((others ??= empty()), row);
  }

  const dayKeys = [...days.keys()].sort();
  const from = dayKeys[0];
  const to = dayKeys[dayKeys.length - 1];
  return {
    totals,
    from,
    to,
    ignoredVisits,
    byCampaign: slices(campaigns, [NO_CAMPAIGN, OTHER]),
    byNetwork: slices(networks, [OTHER]),
    byTeam: slices(teams, [NO_TEAM]),
    trend: trend(days, from, to),
    recognized: [...people]
      .map(([person, tally]) => ({ person, ...tally }))
      .sort((a, b) => b.conversions - a.conversions || b.visits - a.visits || a.person.localeCompare(b.person)),
    otherAdvocates: others,
  };
}

/** Buckets by visits, most first; the catch-all buckets last. */
function slices(map: Map<string, Tally>, last: readonly string[]): Slice[] {
  return [...map]
    .map(([key, tally]) => ({ key, ...tally }))
    .sort((a, b) => last.indexOf(a.key) - last.indexOf(b.key) || b.visits - a.visits || b.conversions - a.conversions || a.key.localeCompare(b.key));
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Every day (up to 31 days) or every week (Monday to Sunday) from the first
 * to the last day with traffic, zeros included, so gaps show as gaps.
 */
export function trend(days: ReadonlyMap<string, Tally>, from?: string, to?: string): Impact['trend'] {
  if (!from || !to) return { interval: 'day', points: [] };
  const first = toDay(from);
  const last = toDay(to);
  const interval = (last - first) / DAY + 1 > 31 ? 'week' : 'day';
  const points: TrendPoint[] = [];
  // Weeks start on Monday (ISO 8601); getUTCDay() is 0 on Sunday.
  let start = interval === 'day' ? first : first - ((new Date(first).getUTCDay() + 6) % 7) * DAY;
  while (start <= last) {
    const end = interval === 'day' ? start : start + 6 * DAY;
    const point: TrendPoint = { start: toIso(Math.max(start, first)), end: toIso(Math.min(end, last)), ...empty() };
    for (let time = Math.max(start, first); time <= Math.min(end, last); time += DAY) {
      const tally = days.get(toIso(time));
      if (!tally) continue;
      point.visits += tally.visits;
      point.conversions += tally.conversions;
      point.measuredVisits += tally.measuredVisits;
    }
    points.push(point);
    start = end + DAY;
  }
  return { interval, points };
}
