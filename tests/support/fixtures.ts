/** Temporary content trees built from tests/fixtures, so each case changes one thing. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkContent } from '../../src/content/check.ts';
import { readSettings } from '../../src/content/settings.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import type { Settings } from '../../src/model/schemas/settings.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const VALID_TREE = path.join(FIXTURES, 'valid');

/** The header of a Google Analytics 4 export the hub reads (content/metrics/*.csv). */
export const GA4_HEADER = 'Session source,Session medium,Session campaign,Session manual ad content,Date,Sessions,Key events';

/** A copy of the valid fixture tree, with `files` (relative path → text) written over it. */
export function treeWith(files: Record<string, string> = {}): { root: string; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'hub-content-'));
  copyTree(VALID_TREE, files, root);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Copies the tree `from` to `to` and writes `files` (relative path → text) over the copy. */
export function copyTree(from: string, files: Record<string, string>, to: string): string {
  cpSync(from, to, { recursive: true });
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(to, relative)), { recursive: true });
    writeFileSync(path.join(to, relative), text);
  }
  return to;
}

/** The text of a fixture under tests/fixtures/invalid, e.g. `snippets/unknown-topic.md`. */
export function invalidFixture(file: string): string {
  return readFileSync(path.join(FIXTURES, 'invalid', file), 'utf8');
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

export interface TreeReport {
  /** The errors as the terminal shows them, one paragraph each, in the order reported. */
  errors: string[];
  warnings: string[];
  /** `collection/id` of every entry read. */
  ids: string[];
}

/**
 * The content check of the valid tree with `files` written over it and `links` (relative path →
 * absolute target) made in it as symbolic links, as of `now`; paths are shown relative to the tree.
 */
export function treeReport(files: Record<string, string>, now: Date, links: Record<string, string> = {}): TreeReport {
  const tree = treeWith(files);
  try {
    for (const [relative, target] of Object.entries(links)) {
      mkdirSync(path.dirname(path.join(tree.root, relative)), { recursive: true });
      symlinkSync(target, path.join(tree.root, relative));
    }
    const { problems, entries } = checkContent({ root: tree.root, now, cwd: tree.root });
    return {
      errors: problems.filter((p) => p.severity === 'error').map(formatProblem),
      warnings: problems.filter((p) => p.severity === 'warning').map(formatProblem),
      ids: entries.map((e) => `${e.collection}/${e.id}`),
    };
  } finally {
    tree.cleanup();
  }
}
