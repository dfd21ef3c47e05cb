/**
 * The content check's part for content/metrics/: every export is parsed and
 * validated (a bad export fails the build with file, line, column, value and
 * what is allowed), people's advocate codes are checked for clashes, and
 * advocacy traffic that cannot be attributed is pointed out as a warning.
 */
import path from 'node:path';
import type { Problem } from '../../lib/problems.ts';
import { quote } from '../../model/words.ts';
import type { Settings } from '../../model/schemas/settings.ts';
import { NETWORK_IDS } from '../../model/networks.ts';
import { OTHER, campaignOf, isAdvocacy } from '../../lib/metrics/aggregate.ts';
import { type PersonCodes, checkCodes } from '../../lib/metrics/codes.ts';
import { METRICS_FOLDER, exportFiles, impactContext, readExports } from '../../lib/metrics/load.ts';
import { linkProblem } from '../tree.ts';

/** The part of a checked entry this check reads (CheckedEntry, ../entry.ts). */
interface Entry {
  collection: string;
  id: string;
  file: string;
  data: Record<string, unknown>;
  published: boolean;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface MetricsCheckOptions {
  root: string;
  show: (absolute: string) => string;
  settings: Settings;
  /** The entries that passed their schema. */
  entries: readonly Entry[];
  /**
   * Every entry id, from file names, errors or not: an export naming an entry
   * whose file has an error names a known entry, and saying otherwise would
   * bury that one error under warnings about unrelated files.
   */
  ids: Readonly<Record<'campaigns' | 'snippets' | 'articles', ReadonlySet<string>>>;
}

export function checkMetrics(options: MetricsCheckOptions): Problem[] {
  const { root, show, settings, entries, ids } = options;
  const people = peopleCodes(entries);
  const problems: Problem[] = checkCodes(people);

  const files = exportFiles(root);
  const folder = path.join(root, METRICS_FOLDER);
  for (const link of files.links) problems.push(linkProblem(link, link === folder ? root : folder, show));
  for (const other of files.others) {
    const hidden = path.basename(other).startsWith('.') ? ' (its name starts with a dot, so it is hidden)' : '';
    problems.push({ severity: 'warning', file: show(other), message: `is not read${hidden}: exports are .csv files directly in ${show(path.join(root, METRICS_FOLDER))}/ (see docs/metrics.md)` });
  }

  const snippetCampaigns = new Map(entries.filter((e) => e.collection === 'snippets').map((e) => [e.id, e.data.campaign as string | undefined]));
  const context = impactContext({
    medium: settings.utm.medium,
    networks: NETWORK_IDS,
    teams: settings.teams,
    campaigns: ids.campaigns,
    snippets: [...ids.snippets].map((id) => ({ id, campaign: snippetCampaigns.get(id) })),
    articles: ids.articles,
    people,
  });

  for (const parsed of readExports(root, show)) {
    problems.push(...parsed.problems);
    // One warning per value and file: the editor cannot fix the export, but should know where the visits went.
    const told = new Set<string>();
    for (const row of parsed.rows) {
      if (!isAdvocacy(row, settings.utm.medium)) continue;
      const tell = (key: string, message: string) => {
        if (told.has(key)) return;
        told.add(key);
        problems.push({ severity: 'warning', file: row.file, line: row.line, message });
      };
      if (!NETWORK_IDS.includes(row.source as (typeof NETWORK_IDS)[number])) {
        tell(`source:${row.source}`, `has utm_source ${quote(row.source)}, which is not a network the hub shares to; its visits count under "other sources" (networks: ${NETWORK_IDS.join(', ')})`);
      }
      if (campaignOf(row.campaign, context) === OTHER) {
        tell(`campaign:${row.campaign}`, `has utm_campaign ${quote(row.campaign)}, which is no campaign, snippet or article of this hub; its visits count under "other campaigns"`);
      }
    }
  }
  return problems;
}

function peopleCodes(entries: readonly Entry[]): PersonCodes[] {
  return entries
    .filter((e) => e.collection === 'people')
    .map((e) => ({
      id: e.id,
      name: String(e.data.name),
      team: String(e.data.team),
      codes: (e.data.code as string[] | undefined) ?? [],
      recognize: e.data.recognize === true,
      published: e.published,
      file: e.file,
      lineOf: e.lineOf,
    }));
}
