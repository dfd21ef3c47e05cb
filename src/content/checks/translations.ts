/**
 * What a hub in several languages asks of its entry files beyond each one's
 * own check (docs/content-model.md → Languages):
 *
 * - The default language's version named `<id>.md` is valid, but Decap CMS
 *   cannot open it: with one file per language (`multiple_files`), Decap 3
 *   reads and writes the default language's file as `<id>.<default>.md`
 *   and has no option to leave the language out. The content manager would
 *   list the entry and fail to open it, so the check names the rename.
 * - A translation is stale when its source changed after it was translated:
 *   the last commit that touched the source is later than the last one that
 *   touched the translation (a source with changes not yet committed has
 *   changed now). Git's history is read once for the whole content folder
 *   (one `git log`, one `git status`), never once per file; outside a Git
 *   repository, or without git, the check says nothing.
 *
 * Node only (git, the file system): the build and `npm run lint:content`
 * run it, the CMS's save check in the browser does not.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { CollectionName } from '../../model/collections.ts';
import type { Problem } from '../../lib/problems.ts';

/** An entry file as the tree lists it: `lang` undefined for the default language's version. */
export interface TranslationFile {
  collection: CollectionName;
  id: string;
  lang?: string;
  /** Absolute path. */
  absolute: string;
}

export interface TranslationCheckOptions {
  /** The content root (inside a Git working tree, or not). */
  root: string;
  /** The hub's default language (settings.lang). */
  defaultLanguage: string;
  /** Whether the hub has several languages: only then does the CMS edit entries per language. */
  multilingual: boolean;
  files: readonly TranslationFile[];
  show(absolute: string): string;
  /** The instant "not yet committed" stands for. Default: the clock. */
  now?: Date;
}

/** The default language's files named `<id>.md`, which Decap CMS lists but cannot open in a hub of several languages. */
export function checkDefaultFileNames(options: Omit<TranslationCheckOptions, 'root' | 'now'>): Problem[] {
  if (!options.multilingual) return [];
  return options.files.flatMap((file) => {
    const name = path.basename(file.absolute);
    if (file.lang !== undefined || name.toLowerCase() !== `${file.id}.md`) return [];
    const renamed = path.join(path.dirname(file.absolute), `${file.id}.${options.defaultLanguage}.md`);
    return [
      {
        severity: 'warning' as const,
        file: options.show(file.absolute),
        message:
          `is the ${options.defaultLanguage} version of ${JSON.stringify(file.id)}: in a hub of several languages the content manager (/admin/) lists it but cannot open it, ` +
          `as it reads and writes the ${options.defaultLanguage} version as ${path.basename(renamed)}; rename the file: git mv ${options.show(file.absolute)} ${options.show(renamed)}`,
      },
    ];
  });
}

/** Each translation whose source changed after the translation last did, by Git's history. */
export function checkStaleTranslations(options: TranslationCheckOptions): Problem[] {
  const translations = options.files.filter((file) => file.lang !== undefined);
  if (!translations.length) return [];
  const changed = lastChanges(options.root);
  if (!changed) return [];
  const now = (options.now ?? new Date()).getTime();
  const within = (absolute: string) => path.relative(options.root, absolute).split(path.sep).join('/');
  const change = (absolute: string) => {
    const file = within(absolute);
    return changed.uncommitted.has(file) ? { time: now, shown: 'now, not yet committed' } : changed.committed.has(file) ? { time: changed.committed.get(file)! } : undefined;
  };
  const sources = new Map(options.files.filter((file) => file.lang === undefined).map((file) => [`${file.collection}/${file.id}`, file]));

  const problems: Problem[] = [];
  for (const translation of translations) {
    const source = sources.get(`${translation.collection}/${translation.id}`);
    if (!source) continue;
    const sourceChange = change(source.absolute);
    const translated = change(translation.absolute);
    if (!sourceChange || !translated || sourceChange.time <= translated.time) continue;
    const when = ({ time, shown }: { time: number; shown?: string }) => shown ?? shortTime(time, translated.time, sourceChange.time);
    problems.push({
      severity: 'warning',
      file: options.show(translation.absolute),
      message: `translated before ${options.show(source.absolute)} last changed (${when(translated)} → ${when(sourceChange)}); check the translation and update it`,
    });
  }
  return problems;
}

/** A day, with the time when both instants fall on the same day (UTC), as Git stores them. */
function shortTime(time: number, a: number, b: number): string {
  const iso = new Date(time).toISOString();
  return iso.slice(0, 10) === new Date(a).toISOString().slice(0, 10) && iso.slice(0, 10) === new Date(b).toISOString().slice(0, 10)
    ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
    : iso.slice(0, 10);
}

interface Changes {
  /** Path within the content root (forward slashes) → the time (ms) of the last commit that touched it. */
  committed: Map<string, number>;
  /** Paths within the content root with changes not yet committed (or never committed). */
  uncommitted: Set<string>;
}

const git = (cwd: string, args: readonly string[]) =>
  spawnSync('git', ['-c', 'core.quotepath=off', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });

/** When each file under `root` last changed in Git; undefined outside a repository or without git. */
export function lastChanges(root: string): Changes | undefined {
  // Git names files relative to the repository; the prefix is the content root's place in it ("content/").
  const prefixed = git(root, ['rev-parse', '--show-prefix']);
  if (prefixed.error || prefixed.status !== 0) return undefined;
  const prefix = prefixed.stdout.trim();
  const inRoot = (name: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : undefined);
  // Each commit, newest first: a line "@<committer time>", then the files it touched with how ("M\tpath",
  // "R100\told\tnew"). A rename that keeps the text (R100: `git mv x.md x.en.md`) is not a change: the file
  // keeps the time of its last change under its old name.
  const log = git(root, ['log', '--format=@%ct', '--name-status', '-M', '--', '.']);
  if (log.error || log.status !== 0) return undefined;
  const committed = new Map<string, number>();
  // A name in older commits → the name the file has now.
  const nowNamed = new Map<string, string>();
  const current = (name: string) => nowNamed.get(name) ?? name;
  let time = 0;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('@')) time = Number(line.slice(1)) * 1000;
    else if (line) {
      const [how = '', first = '', second] = line.split('\t');
      const renamed = how.startsWith('R') && second !== undefined;
      const name = current(renamed ? second : first);
      if (renamed) nowNamed.set(first, name);
      if (how === 'D' || how === 'R100') continue;
      const file = inRoot(name);
      if (file !== undefined && !committed.has(file)) committed.set(file, time);
    }
  }
  const uncommitted = new Set<string>();
  const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.']);
  if (!status.error && status.status === 0) {
    const records = status.stdout.split('\0');
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      if (record.length < 4) continue;
      const file = inRoot(record.slice(3));
      if (file !== undefined) uncommitted.add(file);
      // A rename's next record is the name it had.
      if (record[0] === 'R' || record[0] === 'C') i++;
    }
  }
  return { committed, uncommitted };
}
