/**
 * How long the build spends on analytics exports: decoding, parsing and
 * validating, attributing and preparing the view, for synthetic GA4, Plausible
 * and Matomo exports of growing size. Prints one line per size and tool.
 *
 *   node bench/metrics.ts            # 1,000, 10,000 and 100,000 rows
 *   node bench/metrics.ts 250000     # other sizes
 */
import { performance } from 'node:perf_hooks';
import { aggregate } from '../src/lib/metrics/aggregate.ts';
import { decodeExport } from '../src/lib/metrics/csv.ts';
import { impactContext } from '../src/lib/metrics/load.ts';
import { parseExport } from '../src/lib/metrics/parse.ts';
import { impactView } from '../src/lib/metrics/view.ts';
import { createT } from '../src/lib/i18n.ts';
import en from '../src/i18n/en.json' with { type: 'json' };

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1_000, 10_000, 100_000];
const NETWORKS = ['linkedin', 'x', 'bluesky', 'facebook', 'whatsapp', 'email'];
const CAMPAIGNS = ['winter-ready', 'careers-2027', 'installer-summit', 'heat-pump-myths'];
const CODES = Array.from({ length: 200 }, (_, i) => `adv-${i}`);

const context = impactContext({
  medium: 'employee-advocacy',
  networks: NETWORKS,
  teams: ['sales', 'engineering', 'marketing'],
  campaigns: CAMPAIGNS.slice(0, 3),
  snippets: [{ id: 'heat-pump-myths' }],
  articles: [],
  people: CODES.slice(0, 150).map((code, i) => ({
    id: `p${i}`,
    name: `P ${i}`,
    team: ['sales', 'engineering', 'marketing'][i % 3]!,
    codes: [code],
    recognize: i % 2 === 0,
    published: true,
  })),
});

function day(i: number): [string, string] {
  const date = new Date(Date.UTC(2026, 9, 1) + (i % 61) * 86_400_000).toISOString().slice(0, 10);
  return [date, date.replaceAll('-', '')];
}
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

const makers = {
  ga4: (n: number) =>
    ['# Start date: 20261001', 'Session source,Session medium,Session campaign,Session manual ad content,Date,Sessions,Key events']
      .concat(
        Array.from(
          { length: n },
          (_, i) =>
            `${pick(NETWORKS, i)},${i % 10 ? 'employee-advocacy' : 'organic'},${pick(CAMPAIGNS, i >> 3)},${pick(CODES, i * 7)},${day(i)[1]},${(i % 40) + 1},${i % 3}`,
        ),
      )
      .join('\n'),
  plausible: (n: number) =>
    ['"date","source","referrer","utm_source","utm_medium","utm_campaign","utm_content","utm_term","pageviews","visitors","visits","visit_duration","bounces"']
      .concat(
        Array.from(
          { length: n },
          (_, i) =>
            `"${day(i)[0]}","X","","${pick(NETWORKS, i)}","employee-advocacy","${pick(CAMPAIGNS, i >> 3)}","${pick(CODES, i * 7)}","",${i % 50},${i % 30},${(i % 40) + 1},${i * 3},${i % 7}`,
        ),
      )
      .join('\n'),
  matomo: (n: number) =>
    ['serverDate,campaignSource,campaignMedium,campaignName,campaignContent,goalConversions']
      .concat(
        Array.from({ length: n }, (_, i) => `${day(i)[0]},${pick(NETWORKS, i)},employee-advocacy,${pick(CAMPAIGNS, i >> 3)},${pick(CODES, i * 7)},${i % 9 ? '' : 1}`),
      )
      .join('\n'),
};

const t = createT('en', en);
const naming = {
  lang: 'en',
  t,
  campaign: (id: string) => ({ label: id }),
  network: (id: string) => id,
  team: (id: string) => id,
  person: (id: string) => ({ name: id, href: `/people/${id}/`, team: 'x' }),
};

console.log('tool       rows     bytes   parse ms  aggregate+view ms  rows/s (total)');
for (const n of SIZES) {
  for (const [tool, make] of Object.entries(makers)) {
    const text = make(n);
    const bytes = tool === 'matomo' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text);
    const t0 = performance.now();
    const parsed = parseExport(decodeExport(bytes), `${tool}.csv`);
    const t1 = performance.now();
    impactView(aggregate(parsed.rows, context), naming);
    const t2 = performance.now();
    if (parsed.problems.length || parsed.rows.length !== n) throw new Error(`${tool}: ${parsed.problems.length} problems, ${parsed.rows.length} rows`);
    const rate = Math.round(n / ((t2 - t0) / 1000));
    console.log(
      `${tool.padEnd(10)} ${String(n).padStart(7)} ${String(bytes.length).padStart(9)} ${(t1 - t0).toFixed(1).padStart(10)} ${(t2 - t1).toFixed(1).padStart(18)}  ${rate.toLocaleString('en')}`,
    );
  }
}
