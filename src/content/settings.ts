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
  return checkSettingsText(text, {
    shown,
    missingLogo: (logo) => (existsSync(path.join(publicDir, logo)) ? undefined : show(path.join(publicDir, logo))),
  });
}
