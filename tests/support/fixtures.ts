/** Temporary content trees built from tests/fixtures, so each case changes one thing. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSettings } from '../../src/content/settings.ts';
import type { Settings } from '../../src/model/schemas/settings.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const VALID_TREE = path.join(FIXTURES, 'valid');

/** A copy of the valid fixture tree, with `files` (relative path → text) written over it. */
export function treeWith(files: Record<string, string> = {}): { root: string; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'hub-content-'));
  cpSync(VALID_TREE, root, { recursive: true });
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export interface Expectation {
  field: string;
  message: RegExp;
}

/** The `# expect: <field> /<regex>/` lines a fixture carries about itself. */
export function expectationsOf(file: string): Expectation[] {
  return [...readFileSync(file, 'utf8').matchAll(/^# expect: (\S+) \/(.*)\/$/gm)].map(([, field, pattern]) => ({
    field: field!,
    message: new RegExp(pattern!),
  }));
}

/** The checked settings.yaml of a content tree (it must have no errors). */
export function settingsOf(root: string): Settings {
  const { settings, problems } = readSettings({ root, publicDir: path.resolve(import.meta.dirname, '../../public'), show: (p) => p });
  if (!settings) throw new Error(`${root}/settings.yaml has errors: ${problems.map((p) => p.message).join('; ')}`);
  return settings;
}
