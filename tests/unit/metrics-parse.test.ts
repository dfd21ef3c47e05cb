import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { decodeExport } from '../../src/lib/metrics/csv.ts';
import { parseExport } from '../../src/lib/metrics/parse.ts';

const FILE = 'content/metrics/export.csv';
const parse = (text: string) => parseExport(text, FILE);
const errors = (text: string) => parse(text).problems.filter((p) => p.severity === 'error');

// A GA4 Exploration (Free form) exported as CSV: GA4's description lines, then the table with its totals row.
const GA4_EXPLORATION = `# ----------------------------------------
# Advocacy traffic (Free form)
# Account: Tidewater Thermal
# Property: www.tidewater.example
# ----------------------------------------
#
# All Users
# Start date: 20261102
# End date: 20261103
Session source,Session medium,Session campaign,Session manual ad content,Date,Sessions,Engaged sessions,Key events
Grand total,,,,,253,170,9
google,organic,(organic),(not set),20261102,180,120,4
linkedin,employee-advocacy,winter-ready,maya-o,20261102,31,22,3
LinkedIn,Employee-Advocacy,winter-ready,Maya-O,20261103,12,9,1.5
whatsapp,employee-advocacy,heat-pump-myths,(not set),20261103,30,19,0.5
`;

// A GA4 report download: the chart's series first, then the table, with the older "Conversions" name.
const GA4_REPORT = `# ----------------------------------------
# Traffic acquisition: Session source / medium
# ----------------------------------------
#
# All Users
# Start date: 20261102
# End date: 20261108
Nth day,Sessions
0000,120
0001,98

Session source / medium,Session campaign,Session manual ad content,Date,Sessions,Conversions
linkedin / employee-advocacy,winter-ready,priya-r,20261102,7,1
(direct) / (none),(direct),(not set),20261102,88,2
`;

// Plausible: imported_sources_….csv from Site settings → Imports & Exports → Export data (ClickHouse CSVWithNames).
const PLAUSIBLE = `"date","source","referrer","utm_source","utm_medium","utm_campaign","utm_content","utm_term","pageviews","visitors","visits","visit_duration","bounces"
"2026-10-21","Google","google.com","","","","","",336,150,177,12567,92
"2026-10-21","LinkedIn","","linkedin","employee-advocacy","installer-summit","samuel-a","",18,8,9,640,3
"2026-10-22","Bluesky","","bluesky","employee-advocacy","heat-pump-myths","maya-o","",4,2,2,95,1
`;

// Matomo: the Visits Log through the API with showColumns, one row per visit, newest first.
const MATOMO_VISITS = `serverDate,campaignSource,campaignMedium,campaignName,campaignContent,campaignKeyword,goalConversions
2026-10-14,linkedin,employee-advocacy,installer-summit,samuel-a,,2
2026-10-14,x,employee-advocacy,installer-summit,maya-o,,
2026-10-13,email,employee-advocacy,installer-summit,jonas-k,,1
`;

describe('GA4 exports', () => {
  it('reads an Exploration: skips the description lines and the totals row, lowercases values, keeps decimals of key events', () => {
    const { tool, rows, problems } = parse(GA4_EXPLORATION);
    expect(problems).toEqual([]);
    expect(tool).toBe('ga4');
    expect(
      rows.map(({ line, date, source, medium, campaign, content, visits, conversions }) => ({ line, date, source, medium, campaign, content, visits, conversions })),
    ).toEqual([
      { line: 12, date: '2026-11-02', source: 'google', medium: 'organic', campaign: '(organic)', content: '', visits: 180, conversions: 4 },
      { line: 13, date: '2026-11-02', source: 'linkedin', medium: 'employee-advocacy', campaign: 'winter-ready', content: 'maya-o', visits: 31, conversions: 3 },
      { line: 14, date: '2026-11-03', source: 'linkedin', medium: 'employee-advocacy', campaign: 'winter-ready', content: 'maya-o', visits: 12, conversions: 1.5 },
      { line: 15, date: '2026-11-03', source: 'whatsapp', medium: 'employee-advocacy', campaign: 'heat-pump-myths', content: '', visits: 30, conversions: 0.5 },
    ]);
  });

  it('reads a report download: skips the chart series, splits "Session source / medium", accepts "Conversions"', () => {
    const { rows, problems } = parse(GA4_REPORT);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({ line: 13, source: 'linkedin', medium: 'employee-advocacy', campaign: 'winter-ready', content: 'priya-r', visits: 7, conversions: 1 }),
      expect.objectContaining({ line: 14, source: '', medium: '', campaign: '', visits: 88, conversions: 2 }),
    ]);
  });

  it('reads a campaign called "total" as traffic: only a row without a date is the totals row', () => {
    const { rows } = parse('Session source,Session medium,Session campaign,Session manual ad content,Date,Sessions\nx,employee-advocacy,total,maya-o,20261102,4\n');
    expect(rows).toHaveLength(1);
  });

  it('without a key events column, conversions are not measured (null), not zero', () => {
    const { rows } = parse(
      'Session source,Session medium,Session campaign,Session manual ad content,Date,Sessions\nx,employee-advocacy,winter-ready,maya-o,20261102,4\n',
    );
    expect(rows[0]).toMatchObject({ visits: 4, conversions: null });
  });
});

describe('Plausible exports', () => {
  it('reads imported_sources: utm_* columns and visits; conversions are not in this export', () => {
    const { tool, rows, problems } = parse(PLAUSIBLE);
    expect(problems).toEqual([]);
    expect(tool).toBe('plausible');
    expect(
      rows.map(({ line, date, source, medium, campaign, content, visits, conversions }) => ({ line, date, source, medium, campaign, content, visits, conversions })),
    ).toEqual([
      { line: 2, date: '2026-10-21', source: '', medium: '', campaign: '', content: '', visits: 177, conversions: null },
      { line: 3, date: '2026-10-21', source: 'linkedin', medium: 'employee-advocacy', campaign: 'installer-summit', content: 'samuel-a', visits: 9, conversions: null },
      { line: 4, date: '2026-10-22', source: 'bluesky', medium: 'employee-advocacy', campaign: 'heat-pump-myths', content: 'maya-o', visits: 2, conversions: null },
    ]);
  });

  it('refuses a dashboard download (one dimension, no dates) and says which export to make', () => {
    const [error] = errors('name,visitors,bounce_rate,visit_duration\nlinkedin,12,40,61\n');
    expect(formatProblem(error!)).toMatch(/^content\/metrics\/export\.csv:1 — is a Plausible dashboard download .*imported_sources/);
  });
});

describe('Matomo exports', () => {
  it('reads the Visits Log: one visit per row, an empty goalConversions is 0', () => {
    const { tool, rows, problems } = parse(MATOMO_VISITS);
    expect(problems).toEqual([]);
    expect(tool).toBe('matomo');
    expect(rows.map((r) => [r.line, r.date, r.source, r.campaign, r.content, r.visits, r.conversions])).toEqual([
      [2, '2026-10-14', 'linkedin', 'installer-summit', 'samuel-a', 1, 2],
      [3, '2026-10-14', 'x', 'installer-summit', 'maya-o', 1, 0],
      [4, '2026-10-13', 'email', 'installer-summit', 'jonas-k', 1, 1],
    ]);
  });

  it('decodes the UTF-16LE (with byte order mark) that Matomo writes by default', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MATOMO_VISITS.replace('jonas-k', 'jönas-k'), 'utf16le')]);
    const { rows, problems } = parse(decodeExport(bytes));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.content)).toEqual(['samuel-a', 'maya-o', 'jönas-k']);
  });

  it('reads aggregated rows with nb_visits and nb_conversions', () => {
    const { rows, problems } = parse(
      'date,campaignSource,campaignMedium,campaignName,campaignContent,nb_visits,nb_conversions,goals_idgoal=1_nb_conversions\n2026-10-14,linkedin,employee-advocacy,installer-summit,samuel-a,14,3,3\n',
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ visits: 14, conversions: 3 });
  });

  it('refuses visitor data such as IP addresses, naming the column', () => {
    const [error] = errors('serverDate,visitIp,campaignSource,campaignMedium,campaignName,campaignContent\n2026-10-14,192.0.2.1,x,employee-advocacy,a,b\n');
    expect(formatProblem(error!)).toMatch(/:1 — column 2 "visitIp" holds personal data about visitors, which must not be committed/);
  });
});

describe('the sample exports shipped in content/metrics', () => {
  const dir = path.resolve(import.meta.dirname, '../../content/metrics');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));

  it('ship one export per supported tool, each read without problems', () => {
    const tools = files.map((file) => {
      const parsed = parseExport(decodeExport(readFileSync(path.join(dir, file))), file);
      expect(parsed.problems, file).toEqual([]);
      expect(parsed.rows.length, file).toBeGreaterThan(50);
      for (const row of parsed.rows) expect(row.date >= '2026-10-01' && row.date <= '2026-11-30', `${file}:${row.line}`).toBe(true);
      return parsed.tool;
    });
    expect(tools.sort()).toEqual(['ga4', 'matomo', 'plausible']);
  });
});

describe('a bad export is refused with file, line, column, value and what is allowed', () => {
  const header = 'Session source,Session medium,Session campaign,Session manual ad content,Date,Sessions,Key events';
  const cases = [
    {
      name: 'a misspelt column',
      text: header.replace('Session campaign', 'Session campaing'),
      line: 1,
      message: /column 3 "Session campaing" is not a column Google Analytics 4 writes \(did you mean "Session campaign"\?\); the hub reads "Date", "Session source"/,
    },
    {
      name: 'a word for a number',
      text: `${header}\nlinkedin,employee-advocacy,winter-ready,maya-o,20261102,12a,1`,
      line: 2,
      message: /column 6 "Sessions" is "12a", which is not a count; expected a whole number of visits such as 12$/,
    },
    {
      name: 'thousands separators',
      text: `${header}\nlinkedin,employee-advocacy,winter-ready,maya-o,20261102,"1,234",1`,
      line: 2,
      message: /column 6 "Sessions" is "1,234", which is not a count; expected a whole number of visits such as 12 without thousands separators/,
    },
    {
      name: 'a negative count',
      text: `${header}\nlinkedin,employee-advocacy,winter-ready,maya-o,20261102,3,-1`,
      line: 2,
      message: /column 7 "Key events" is "-1", which is not a count; .*\(counts are never negative\)/,
    },
    {
      name: 'an impossible date',
      text: `${header}\nlinkedin,employee-advocacy,winter-ready,maya-o,20261131,3,1`,
      line: 2,
      message: /column 5 "Date" is "20261131", which is not a date; expected a day such as 20261102/,
    },
    {
      name: 'a missing column',
      text: header.replace(',Session manual ad content', ''),
      line: 1,
      message: /has no "Session manual ad content" column; a Google Analytics 4 export for the hub is an Exploration/,
    },
    {
      name: 'a row with a cell too many',
      text: `${header}\nlinkedin,employee-advocacy,winter-ready,maya-o,20261102,3,1,9`,
      line: 2,
      message: /has 8 cells, but the header on line 1 has 7/,
    },
    {
      name: 'a quote never closed',
      text: `${header}\nlinkedin,employee-advocacy,"winter-ready,maya-o,20261102,3,1\nx,employee-advocacy,winter-ready,maya-o,20261102,3,1`,
      line: 2,
      message: /has a quote \("\) that is never closed/,
    },
    {
      name: 'a header no tool writes',
      text: 'day,clicks\n2026-11-02,4',
      line: 1,
      message: /has the header "day,clicks", which is not an export the hub reads; use one of: Google Analytics 4: .*; Plausible: .*; Matomo: /,
    },
  ];

  it.each(cases)('$name', ({ text, line, message }) => {
    const found = errors(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: FILE, line });
    expect(found[0]!.message).toMatch(message);
    expect(formatProblem(found[0]!)).toMatch(new RegExp(`^content/metrics/export\\.csv:${line} — `));
  });

  it('an empty file is a warning; a header without rows is an empty export', () => {
    expect(parse('')).toMatchObject({ rows: [], problems: [{ severity: 'warning', file: FILE, message: expect.stringContaining('is empty') }] });
    expect(parse(`${header}\n`)).toEqual({ tool: 'ga4', rows: [], problems: [] });
  });
});
