/**
 * settings.yaml, read once per build: the hub() integration reads and checks
 * it when Astro starts and hands the result to everything else (routes, the
 * content loader, the CMS configuration, the checks) through the virtual
 * module `virtual:hub/config`. Problems are reported like entries' problems:
 * file:line — field — value — what is allowed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS_FILE } from '../model/collections.ts';
import { found } from '../model/schemas/fields.ts';
import { type Settings, settingsSchema } from '../model/schemas/settings.ts';
import { type Problem, fieldPath } from '../lib/problems.ts';
import { checkBrandContrast } from './checks/brand-contrast.ts';
import { locateIn } from './locate.ts';
import { fallbackMessage, flattenIssues, isRecord } from './problem-text.ts';
import { anchorMessage, brokenTextMessage, brokenTexts, firstAnchor } from './yaml-safety.ts';
import { parseYaml } from './yaml.ts';

export interface SettingsOptions {
  /** The content root. */
  root: string;
  /** Where `brand.logo` is looked up (the project's public/). */
  publicDir: string;
  /** A path as messages show it. */
  show(absolute: string): string;
}

export interface SettingsResult {
  /** Undefined when the file has errors. */
  settings?: Settings;
  problems: Problem[];
}

/** Reads settings.yaml of `root` once and checks it; `settings` is set when it has no errors. */
export function readSettings({ root, publicDir, show }: SettingsOptions): SettingsResult {
  const file = path.join(root, SETTINGS_FILE);
  const shown = show(file);
  const problems: Problem[] = [];
  const fail = (problem: Omit<Problem, 'severity' | 'file'>): SettingsResult => ({ problems: [...problems, { severity: 'error', file: shown, ...problem }] });
  if (!existsSync(file)) return fail({ message: 'is missing; every hub needs one settings file (see README.md → Settings)' });

  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const anchor = firstAnchor(text);
  if (anchor) return fail({ line: anchor.line, message: anchorMessage(anchor) });
  const parsed = parseYaml(text);
  if (parsed.error) return fail({ line: parsed.error.line, message: `is not valid YAML: ${parsed.error.message}` });
  const raw = parsed.data;
  if (!isRecord(raw)) return fail({ line: 1, message: 'must hold "field: value" lines (name, organization, site, teams, topics, …)' });

  const locator = locateIn(text);
  const broken = brokenTexts(raw, text);
  if (broken.length) return { problems: broken.map((b) => ({ severity: 'error', file: shown, line: locator.line(b.path), field: fieldPath(b.path), message: brokenTextMessage(b) })) };
  const result = settingsSchema().safeParse(raw, { error: fallbackMessage });
  if (!result.success) {
    for (const issue of flattenIssues(result.error.issues)) {
      problems.push({ severity: 'error', file: shown, line: locator.line(issue.path), field: fieldPath(issue.path), message: issue.message });
    }
    return { problems };
  }
  const settings = result.data;
  const logo = settings.brand.logo;
  if (logo && !existsSync(path.join(publicDir, logo))) {
    return fail({ line: locator.line(['brand', 'logo']), field: 'brand.logo', message: `${found(logo)}, but ${show(path.join(publicDir, logo))} does not exist; add the file or remove the field` });
  }
  problems.push(...checkBrandContrast({ brand: settings.brand, file: shown, lineOf: (at) => locator.line(at) }));
  return { settings, problems };
}
