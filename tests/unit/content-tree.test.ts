/**
 * Files the content check must not drop silently nor follow out of the
 * content folder (src/content/tree.ts, src/lib/files.ts): a file name in
 * another case, hidden entries, symbolic links to entries, folders and images.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { listFiles } from '../../src/lib/files.ts';
import { VALID_TREE, treeReport, treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const ENTRY = '---\ntitle: Outside\nlink: https://www.fixture.example.com/x\ntopics: [product]\nteams: [all]\nvariants:\n  - text: "One"\n  - text: "Two"\n---\n';

/** A folder outside every content tree, as an attacker's link target would be. */
const outside = mkdtempSync(path.join(tmpdir(), 'hub-outside-'));
writeFileSync(path.join(outside, 'secret.md'), ENTRY);
mkdirSync(path.join(outside, 'folder'));
writeFileSync(path.join(outside, 'folder', 'inner.md'), ENTRY);
writeFileSync(path.join(outside, 'secret.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** The report of the valid tree with `files` written and `links` (relative path → target) made over it, sorted. */
function reportOf(files: Record<string, string>, links: Record<string, string> = {}) {
  const { errors, warnings, ids } = treeReport(files, NOW, links);
  return { errors: errors.sort(), warnings: warnings.sort(), ids };
}

describe('a file the hub would not read', () => {
  it('is an error when its extension is in another case, naming the file and its right name', () => {
    const { errors, ids } = reportOf({ 'snippets/shouting.MD': ENTRY, 'articles/rich.Mdx': '---\ntitle: x\n---\n' });
    expect(errors).toEqual([
      'articles/rich.Mdx — has the extension ".Mdx"; the hub reads only lower-case extensions, so rename it to rich.mdx.',
      'snippets/shouting.MD — has the extension ".MD"; the hub reads only lower-case extensions, so rename it to shouting.md.',
    ]);
    expect(ids).not.toContain('snippets/shouting');
  });

  it('is an error when it is hidden, naming the file and the name to give it', () => {
    const { errors } = reportOf({ 'snippets/.hidden.md': ENTRY, 'guidelines/.draft.yaml': 'title: x\n', 'snippets/.drafts/later.md': ENTRY });
    expect(errors).toEqual([
      'guidelines/.draft.yaml — is hidden (its name starts with a dot), so the hub would neither check nor publish it; rename it to draft.yaml.',
      'snippets/.drafts/later.md — is in the hidden folder ".drafts", so the hub would neither check nor publish it; move it to snippets/.',
      'snippets/.hidden.md — is hidden (its name starts with a dot), so the hub would neither check nor publish it; rename it to hidden.md.',
    ]);
  });

  it('is not reported for the hidden files systems and editors leave (.DS_Store, .gitkeep)', () => {
    const { errors, warnings } = reportOf({ 'snippets/.DS_Store': 'x', 'people/.gitkeep': '' });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => /DS_Store|gitkeep/.test(w))).toEqual([]);
  });
});

describe('a symbolic link', () => {
  it('to an entry outside the content folder is an error naming the link and what to do, and is not read', () => {
    const { errors, ids } = reportOf({}, { 'snippets/linked.md': path.join(outside, 'secret.md') });
    expect(errors).toEqual([
      `snippets/linked.md — is a symbolic link to ${path.join(outside, 'secret.md')}; links are not followed (they could bring files from outside the content folder into the site): copy what it points to into snippets/ instead.`,
    ]);
    expect(ids).not.toContain('snippets/linked');
  });

  it('to a folder, inside a collection or as the collection, is an error and nothing in it is read', () => {
    const inside = reportOf({}, { 'snippets/more': path.join(outside, 'folder') });
    expect(inside.errors).toEqual([
      expect.stringMatching(/^snippets\/more — is a symbolic link to .*\/folder; links are not followed .* copy what it points to into snippets\/ instead\.$/),
    ]);
    expect(inside.ids).not.toContain('snippets/inner');

    const tree = treeWith();
    try {
      rmSync(path.join(tree.root, 'guidelines'), { recursive: true });
      symlinkSync(path.join(VALID_TREE, 'guidelines'), path.join(tree.root, 'guidelines'));
      const { problems, entries } = checkContent({ root: tree.root, now: NOW, cwd: tree.root });
      // The track naming a guideline now points to nothing: that is reported too.
      expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toContainEqual(
        expect.stringMatching(/^guidelines — is a symbolic link to .*; links are not followed .* copy what it points to into \.\/ instead\.$/),
      );
      expect(entries.filter((e) => e.collection === 'guidelines')).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });

  it('to an image is an error where an entry uses it, in a field or in its body', () => {
    const person = (avatar: string) => `---\nname: Cy Example\ntitle: Engineer\nteam: engineering\nroles: [creator]\navatar: ${avatar}\n---\nCy.\n`;
    const { errors } = reportOf(
      {
        'people/cy.md': person('./linked.png'),
        'people/di.md': person('../../../../../../../..' + path.join(outside, 'secret.png')).replace('name: Cy', 'name: Di'),
        'guidelines/pictures.md': '---\ntitle: Pictures\nsummary: Pictures.\ndo: [Look]\ndont: [Stare]\norder: 3\n---\n![A linked picture](../people/linked.png)\n',
      },
      { 'people/linked.png': path.join(outside, 'secret.png') },
    );
    expect(errors).toEqual([
      'guidelines/pictures.md:8 — field "body" shows the image "../people/linked.png", which is reached through a symbolic link, and links are not followed (they could bring files from outside the content folder into the site): copy the file next to the entry instead.',
      'people/cy.md:6 — field "avatar" is "./linked.png", which is reached through a symbolic link, and links are not followed (they could bring files from outside the content folder into the site): copy the file next to the entry instead.',
      expect.stringMatching(
        /^people\/di\.md:6 — field "avatar" is ".*secret\.png", which is outside the content folder; images must be files in the content folder: copy it next to the entry\.$/,
      ),
      expect.stringMatching(/^people\/linked\.png — is a symbolic link to .*secret\.png; links are not followed/),
    ]);
  });

  it('in the analytics folder is an error, and the export it points to is not read', () => {
    const { errors } = reportOf({}, { 'metrics/other.csv': path.join(VALID_TREE, 'metrics', 'ga4.csv') });
    expect(errors).toEqual([
      expect.stringMatching(/^metrics\/other\.csv — is a symbolic link to .*ga4\.csv; links are not followed .* copy what it points to into metrics\/ instead\.$/),
    ]);
  });
});

describe('listing a folder', () => {
  it('sorts regular files, hidden files and links apart, and never enters a link', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-list-'));
    try {
      mkdirSync(path.join(dir, 'sub'));
      mkdirSync(path.join(dir, '.hidden'));
      mkdirSync(path.join(dir, '.git'));
      for (const file of ['b.md', 'a.md', 'sub/c.md', '.x.md', '.hidden/d.md', '.git/config']) writeFileSync(path.join(dir, file), '');
      symlinkSync(outside, path.join(dir, 'away'));
      symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'again.md'));
      expect(listFiles(dir)).toEqual({ files: ['a.md', 'b.md', 'sub/c.md'], hidden: ['.hidden/d.md', '.x.md'], links: ['again.md', 'away'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
