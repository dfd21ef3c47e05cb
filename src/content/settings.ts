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
import { hubLanguages } from '../model/schemas/settings.ts';
import { type SettingsResult, checkSettingsText } from './settings-text.ts';

export type { SettingsResult } from './settings-text.ts';

export interface SettingsOptions {
  /** The content root. */
  root: string;
  /** Where `brand.logo` is looked up (the project's public/). */
  publicDir: string;
  /** A path as messages show it. */
  show(absolute: string): string;
}

/** Reads settings.yaml of `root` once and checks it; `settings` is set when it has no errors. */
export function readSettings({ root, publicDir, show }: SettingsOptions): SettingsResult {
  const file = path.join(root, SETTINGS_FILE);
  const shown = show(file);
  if (!existsSync(file)) return { problems: [{ severity: 'error', file: shown, message: 'is missing; every hub needs one settings file (see README.md → Settings)' }] };

  const text = readFileSync(file, 'utf8');
  const result = checkSettingsText(text, {
    shown,
    missingLogo: (logo) => (existsSync(path.join(publicDir, logo)) ? undefined : show(path.join(publicDir, logo))),
  });
  if (result.settings) result.problems.push(...missingDictionaries(hubLanguages(result.settings), shown));
  return result;
}

/** The interface's strings, one file per language (src/views/hub.ts reads them). */
const DICTIONARIES = new URL('../i18n/', import.meta.url);

/**
 * A language whose interface strings do not exist (src/i18n/<language>.json, or its base language's
 * de.json for de-CH) would show every button and heading in English: a warning, naming the file to add.
 */
function missingDictionaries(languages: readonly string[], shown: string): SettingsResult['problems'] {
  const has = (name: string) => existsSync(new URL(`${name}.json`, DICTIONARIES));
  return languages
    .filter((language) => !has(language.toLowerCase()) && !has(language.toLowerCase().split('-')[0]!))
    .map((language) => ({
      severity: 'warning' as const,
      file: shown,
      field: 'languages',
      message: `lists "${language}", but the interface has no strings in it, so its pages would show every button and heading in English; copy src/i18n/en.json to src/i18n/${language.toLowerCase()}.json and translate the values (README.md → Another language)`,
    }));
}
