/**
 * The content check of a hub in several languages: a translation older than
 * its source (by Git's history) warns naming both files; the default
 * language's file named `<id>.md` warns with the rename the CMS needs.
 * Each case is a temporary Git repository whose commits carry set dates.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { lastChanges } from '../../src/content/checks/translations.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const MULTILINGUAL = (settings: string) => settings.replace(/^lang: en$/m, 'lang: en\nlanguages: [en, de]');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * The valid fixture tree in a hub of English and German, inside a Git repository as `content/`,
 * every default-language file named `<id>.en.md` unless `keepPlainNames`.
 */
function repository(options: { keepPlainNames?: boolean } = {}) {
  const tree = treeWith();
  cleanups.push(tree.cleanup);
  const repo = tree.root;
  // The tree becomes repo/content: entries are found where a hub keeps them.
  const content = path.join(repo, 'content');
  execFileSync('mkdir', [content]);
  for (const name of execFileSync('ls', [repo], { encoding: 'utf8' })
    .split('\n')
    .filter((n) => n && n !== 'content'))
    renameSync(path.join(repo, name), path.join(content, name));
  const settingsFile = path.join(content, 'settings.yaml');
  writeFileSync(settingsFile, MULTILINGUAL(readFileSync(settingsFile, 'utf8')));
  if (!options.keepPlainNames) {
    for (const file of ['guidelines/be-honest.md', 'snippets/live.md']) renameSync(path.join(content, file), path.join(content, file.replace(/\.md$/, '.en.md')));
  }
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ed',
        GIT_AUTHOR_EMAIL: 'ed@example.com',
        GIT_COMMITTER_NAME: 'Ed',
        GIT_COMMITTER_EMAIL: 'ed@example.com',
        ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
      },
    });
  git(['init', '-q', '-b', 'main']);
  const commit = (date: string, message: string) => {
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], date);
  };
  const write = (file: string, text: string) => writeFileSync(path.join(content, file), text);
  const read = (file: string) => readFileSync(path.join(content, file), 'utf8');
  const check = () => {
    const { problems } = checkContent({ root: content, now: NOW, cwd: repo });
    return problems.filter((p) => p.severity === 'warning').map(formatProblem);
  };
  return { repo, content, git, commit, write, read, check };
}

const stale = (warnings: string[]) => warnings.filter((w) => w.includes('translated before'));

describe('a translation older than its source', () => {
  it('warns naming both files and when each last changed; an up-to-date one does not', () => {
    const hub = repository();
    hub.commit('2026-11-10T09:00:00Z', 'English guideline and snippet');
    // Both translated after the English versions…
    hub.write('guidelines/be-honest.de.md', hub.read('guidelines/be-honest.en.md').replace(/^title: .*$/m, 'title: Sei ehrlich'));
    hub.write('snippets/live.de.md', hub.read('snippets/live.en.md').replace(/^title: .*$/m, 'title: Live auf Deutsch'));
    hub.commit('2026-11-20T09:00:00Z', 'German translations');
    expect(stale(hub.check())).toEqual([]);
    // …then the English guideline changes; the snippet does not.
    hub.write('guidelines/be-honest.en.md', hub.read('guidelines/be-honest.en.md').replace(/\n---\n/, '\n---\nA new paragraph.\n\n'));
    hub.commit('2026-11-28T09:00:00Z', 'Guideline: a new paragraph');
    expect(stale(hub.check())).toEqual([
      'content/guidelines/be-honest.de.md — translated before content/guidelines/be-honest.en.md last changed (2026-11-20 → 2026-11-28); check the translation and update it.',
    ]);
    // Updating the translation settles it.
    hub.write('guidelines/be-honest.de.md', `${hub.read('guidelines/be-honest.de.md')}\nEin neuer Absatz.\n`);
    hub.commit('2026-11-29T09:00:00Z', 'German guideline updated');
    expect(stale(hub.check())).toEqual([]);
  });

  it('takes a rename that keeps the text (git mv x.md x.en.md) for no change, and a rename with an edit for one', () => {
    const hub = repository({ keepPlainNames: true });
    hub.commit('2026-11-10T09:00:00Z', 'English guideline and snippet');
    hub.write('guidelines/be-honest.de.md', hub.read('guidelines/be-honest.md').replace(/^title: .*$/m, 'title: Sei ehrlich'));
    hub.commit('2026-11-20T09:00:00Z', 'German translation');
    hub.git(['mv', 'content/guidelines/be-honest.md', 'content/guidelines/be-honest.en.md']);
    hub.commit('2026-11-25T09:00:00Z', 'Name the English file for the CMS');
    expect(stale(hub.check())).toEqual([]);
    // A later edit of the renamed source still counts.
    hub.write('guidelines/be-honest.en.md', hub.read('guidelines/be-honest.en.md').replace(/\n---\n/, '\n---\nA new paragraph.\n\n'));
    hub.commit('2026-11-28T09:00:00Z', 'Guideline: a new paragraph');
    expect(stale(hub.check())).toEqual([
      'content/guidelines/be-honest.de.md — translated before content/guidelines/be-honest.en.md last changed (2026-11-20 → 2026-11-28); check the translation and update it.',
    ]);
  });

  it('counts a source with changes not yet committed as changed now', () => {
    const hub = repository();
    hub.write('snippets/live.de.md', hub.read('snippets/live.en.md').replace(/^title: .*$/m, 'title: Live auf Deutsch'));
    hub.commit('2026-11-20T09:00:00Z', 'All, with the German snippet');
    hub.write('snippets/live.en.md', `${hub.read('snippets/live.en.md')}\nOne more line.\n`);
    expect(stale(hub.check())).toEqual([
      'content/snippets/live.de.md — translated before content/snippets/live.en.md last changed (2026-11-20 → now, not yet committed); check the translation and update it.',
    ]);
  });

  it('says nothing outside a Git repository', () => {
    const tree = treeWith({ 'guidelines/be-honest.de.md': readFileSync(path.resolve(import.meta.dirname, '../fixtures/valid/guidelines/be-honest.md'), 'utf8') });
    cleanups.push(tree.cleanup);
    writeFileSync(path.join(tree.root, 'settings.yaml'), MULTILINGUAL(readFileSync(path.join(tree.root, 'settings.yaml'), 'utf8')));
    expect(lastChanges(tree.root)).toBeUndefined();
    const { problems } = checkContent({ root: tree.root, now: NOW, cwd: tree.root });
    expect(problems.filter((p) => p.message.includes('translated before'))).toEqual([]);
  });

  it('reads the history of 10,000 files with one git log, in well under a second or two', () => {
    const hub = repository();
    for (let i = 0; i < 5000; i++) {
      hub.write(`snippets/s${i}.en.md`, 'x');
      hub.write(`snippets/s${i}.de.md`, 'y');
    }
    hub.commit('2026-11-20T09:00:00Z', 'Many');
    const started = performance.now();
    const changes = lastChanges(hub.content)!;
    const elapsed = performance.now() - started;
    expect(changes.committed.size).toBeGreaterThan(10_000);
    expect(changes.committed.get('snippets/s4999.de.md')).toBe(Date.parse('2026-11-20T09:00:00Z'));
    console.log(`lastChanges over ${changes.committed.size} files: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(3000);
  }, 60_000);
});

describe('the default language’s file named <id>.md', () => {
  it('warns in a hub of several languages, with the rename the content manager needs', () => {
    const hub = repository({ keepPlainNames: true });
    hub.commit('2026-11-10T09:00:00Z', 'A hub of two languages, its files named as in a hub of one');
    const warnings = hub.check().filter((w) => w.includes('git mv'));
    expect(warnings).toContain(
      'content/guidelines/be-honest.md — is the en version of "be-honest": in a hub of several languages the content manager (/admin/) lists it but cannot open it, as it reads and writes the en version as be-honest.en.md; rename the file: git mv content/guidelines/be-honest.md content/guidelines/be-honest.en.md.',
    );
    // Every plain-named .md file of the tree, and nothing else.
    expect(warnings.length).toBe(17);
    hub.git(['mv', 'content/guidelines/be-honest.md', 'content/guidelines/be-honest.en.md']);
    expect(hub.check().filter((w) => w.includes('be-honest'))).toEqual([]);
  });

  it('is fine in a hub of one language', () => {
    const tree = treeWith();
    cleanups.push(tree.cleanup);
    const { problems } = checkContent({ root: tree.root, now: NOW, cwd: tree.root });
    expect(problems.filter((p) => p.message.includes('git mv'))).toEqual([]);
  });
});
