/** Where analytics exports live (content/metrics/*.csv) and how they are read from disk. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSymbolicLink, listFiles } from '../files.ts';
import { type ImpactContext } from './aggregate.ts';
import { type PersonCodes, advocatesByCode } from './codes.ts';
import { decodeExport } from './csv.ts';
import { type ParsedExport, parseExport } from './parse.ts';

export const METRICS_FOLDER = 'metrics';

export interface ExportFiles {
  /** Absolute paths of the exports: *.csv directly in content/metrics/. */
  exports: string[];
  /** Anything else in the folder, hidden files included, which the hub does not read. */
  others: string[];
  /** Symbolic links (the folder itself, or in it), which are never followed. */
  links: string[];
}

export function exportFiles(root: string): ExportFiles {
  const dir = path.join(root, METRICS_FOLDER);
  const files: ExportFiles = { exports: [], others: [], links: [] };
  if (isSymbolicLink(dir)) files.links.push(dir);
  if (!existsSync(dir) || files.links.length) return files;
  const listing = listFiles(dir);
  files.links.push(...listing.links.map((relative) => path.join(dir, relative)));
  files.others.push(...listing.hidden.map((relative) => path.join(dir, relative)));
  for (const relative of listing.files) {
    const absolute = path.join(dir, relative);
    if (relative.toLowerCase() === 'readme.md') continue;
    if (!relative.includes('/') && path.extname(relative).toLowerCase() === '.csv') files.exports.push(absolute);
    else files.others.push(absolute);
  }
  return files;
}

/** Every export of a content root, parsed; `show` turns a path into the one messages use. */
export function readExports(root: string, show: (absolute: string) => string = (p) => p): ParsedExport[] {
  return exportFiles(root).exports.map((absolute) => parseExport(decodeExport(readFileSync(absolute)), show(absolute)));
}

/** The context traffic is attributed in, from the hub's content. */
export function impactContext(input: {
  medium: string;
  networks: readonly string[];
  teams: readonly string[];
  campaigns: Iterable<string>;
  snippets: Iterable<{ id: string; campaign?: string }>;
  articles: Iterable<string>;
  people: readonly PersonCodes[];
}): ImpactContext {
  return {
    medium: input.medium,
    networks: input.networks,
    teams: input.teams,
    campaigns: new Set(input.campaigns),
    snippetCampaigns: new Map([...input.snippets].map((s) => [s.id, s.campaign])),
    articles: new Set(input.articles),
    advocates: advocatesByCode(input.people),
  };
}
