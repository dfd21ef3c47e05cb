/**
 * The analytics exports the hub reads, by the exact column headers each tool
 * writes. Every header a tool may write is listed, used or knowingly ignored,
 * so a renamed or misspelt column is an error rather than silently lost
 * traffic. docs/metrics.md documents these lists; keep them in step.
 */

export type Tool = 'ga4' | 'plausible' | 'matomo';

/** What the hub reads from a row, whatever the tool calls it. */
export type Field = 'date' | 'source' | 'medium' | 'sourceMedium' | 'campaign' | 'content' | 'visits' | 'conversions';

export interface ExportFormat {
  tool: Tool;
  /** The tool's name, for messages and the impact page. */
  name: string;
  /** The export editors should make, for messages. */
  howTo: string;
  /** Accepted headers per field; the first is the one documented. Compared without case. */
  columns: Partial<Record<Field, readonly string[]>>;
  /** Headers this tool writes that the hub does not need. */
  ignored: readonly string[];
  ignoredPatterns?: readonly RegExp[];
  /** Headers that hold personal data about visitors: never commit them. */
  personal?: readonly string[];
  /** Fields that must have a column (sourceMedium may stand in for source and medium). */
  required: readonly Field[];
  /** A date cell as YYYY-MM-DD, or undefined when it is not one. */
  date(value: string): string | undefined;
  dateExample: string;
  /** Cell values that mean "no value" in this tool. */
  notSet: readonly string[];
  /** A row without a visits column is one visit (Matomo's visits log). */
  rowIsOneVisit?: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;

/** `2026-11-02` from `2026-11-02` or `20261102`, rejecting impossible days. */
function day(value: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(value.trim());
    if (!match) continue;
    const iso = `${match[1]}-${match[2]}-${match[3]}`;
    const date = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
  }
  return undefined;
}

export const GA4: ExportFormat = {
  tool: 'ga4',
  name: 'Google Analytics 4',
  howTo:
    'an Exploration (Free form) with the dimensions Date, Session source, Session medium, Session campaign and Session manual ad content and the metrics Sessions and Key events, exported as CSV',
  columns: {
    date: ['Date'],
    source: ['Session source', 'Session manual source'],
    medium: ['Session medium', 'Session manual medium'],
    sourceMedium: ['Session source / medium', 'Session manual source / medium'],
    campaign: ['Session campaign', 'Session manual campaign name'],
    content: ['Session manual ad content'],
    visits: ['Sessions'],
    conversions: ['Key events', 'Conversions'],
  },
  ignored: [
    'Session manual term',
    'Session campaign ID',
    'Session manual campaign ID',
    'Session default channel group',
    'Session primary channel group (Default Channel Group)',
    'Landing page',
    'Landing page + query string',
    'Total users',
    'Active users',
    'New users',
    'Returning users',
    'Engaged sessions',
    'Engagement rate',
    'Bounce rate',
    'Average engagement time per session',
    'Average session duration',
    'Engaged sessions per user',
    'Events per session',
    'Event count',
    'Session key event rate',
    'Session conversion rate',
    'Views',
    'Views per session',
    'Sessions per user',
    'Total revenue',
  ],
  required: ['date', 'source', 'medium', 'campaign', 'content', 'visits'],
  date: (value) => day(value, [COMPACT_DAY, ISO_DAY]),
  dateExample: '20261102',
  notSet: ['(not set)', '(none)', '(direct)', '(other)'],
};

export const PLAUSIBLE: ExportFormat = {
  tool: 'plausible',
  name: 'Plausible',
  howTo: 'the file imported_sources_….csv from the zip of Site settings → Imports & Exports → Export data',
  columns: {
    date: ['date'],
    source: ['utm_source'],
    medium: ['utm_medium'],
    campaign: ['utm_campaign'],
    content: ['utm_content'],
    visits: ['visits'],
  },
  ignored: ['source', 'referrer', 'utm_term', 'pageviews', 'visitors', 'visit_duration', 'bounces'],
  required: ['date', 'source', 'medium', 'campaign', 'content', 'visits'],
  date: (value) => day(value, [ISO_DAY]),
  dateExample: '2026-11-02',
  notSet: [],
};

export const MATOMO: ExportFormat = {
  tool: 'matomo',
  name: 'Matomo',
  howTo:
    'the Visits Log through the API (method=Live.getLastVisitsDetails, format=CSV, filter_limit=-1, showColumns=serverDate,campaignSource,campaignMedium,campaignName,campaignContent,goalConversions)',
  columns: {
    date: ['serverDate', 'date'],
    source: ['campaignSource'],
    medium: ['campaignMedium'],
    campaign: ['campaignName'],
    content: ['campaignContent'],
    visits: ['nb_visits'],
    conversions: ['goalConversions', 'nb_conversions'],
  },
  ignored: [
    'campaignKeyword',
    'campaignId',
    'campaignGroup',
    'campaignPlacement',
    'idSite',
    'idVisit',
    'visitConverted',
    'visitDuration',
    'actions',
    'referrerType',
    'referrerName',
    'serverTimePretty',
    'serverDatePretty',
    'label',
    'nb_uniq_visitors',
    'nb_actions',
    'nb_users',
    'max_actions',
    'sum_visit_length',
    'bounce_count',
    'nb_visits_converted',
    'revenue',
    'idsubdatatable',
  ],
  ignoredPatterns: [/^goals?_/i, /^metadata_/i],
  personal: ['visitIp', 'visitorId', 'fingerprint', 'userId', 'latitude', 'longitude', 'city', 'location', 'region', 'regionCode'],
  required: ['date', 'source', 'medium', 'campaign', 'content'],
  date: (value) => day(value, [ISO_DAY]),
  dateExample: '2026-11-02',
  notSet: [],
  rowIsOneVisit: true,
};

export const FORMATS: readonly ExportFormat[] = [GA4, PLAUSIBLE, MATOMO];

const lower = (value: string) => value.trim().toLowerCase();

/** Every header of a format, used or ignored, lowercased. */
function vocabulary(format: ExportFormat): Set<string> {
  return new Set([...Object.values(format.columns).flat(), ...format.ignored, ...(format.personal ?? [])].map(lower));
}

export function isKnownHeader(format: ExportFormat, header: string): boolean {
  return vocabulary(format).has(lower(header)) || (format.ignoredPatterns ?? []).some((pattern) => pattern.test(header.trim()));
}

export function isPersonalHeader(format: ExportFormat, header: string): boolean {
  return (format.personal ?? []).some((name) => lower(name) === lower(header));
}

/** The field a header stands for in a format, if any. */
export function fieldOf(format: ExportFormat, header: string): Field | undefined {
  const wanted = lower(header);
  for (const [field, names] of Object.entries(format.columns) as [Field, readonly string[]][]) {
    if (names.some((name) => lower(name) === wanted)) return field;
  }
  return undefined;
}

/** Every header a format knows, as written, for "did you mean" and messages. */
export function knownHeaders(format: ExportFormat): string[] {
  return [...Object.values(format.columns).flat(), ...format.ignored];
}

/**
 * The tool that wrote a header row: the format knowing most of its cells,
 * or undefined when none knows any. Matomo's and Plausible's lowercase ids
 * never collide with GA4's display names.
 */
export function detectFormat(header: readonly string[]): ExportFormat | undefined {
  let best: ExportFormat | undefined;
  let bestScore = 0;
  for (const format of FORMATS) {
    const words = vocabulary(format);
    const score = header.filter((cell) => words.has(lower(cell)) && !isAmbiguous(cell)).length;
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}

/** Headers written by more than one tool say nothing about which one wrote the file. */
function isAmbiguous(cell: string): boolean {
  return ['date', 'visits', 'source'].includes(lower(cell));
}

/** A Plausible dashboard download: one dimension per file, no dates, so no traffic by campaign per day. */
export function isPlausibleDashboardDownload(header: readonly string[]): boolean {
  const cells = header.map(lower);
  return cells[0] === 'name' && (cells.includes('visitors') || cells.includes('conversions')) && !cells.includes('date');
}
