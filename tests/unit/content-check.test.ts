import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { COLLECTIONS } from '../../src/model/collections.ts';
import { FIXTURES, VALID_TREE, expectationsOf, treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const check = (root: string) => checkContent({ root, now: NOW, cwd: root });
const errorsOf = (root: string) => check(root).problems.filter((p) => p.severity === 'error');

describe('the valid fixture tree', () => {
  const result = checkContent({ root: VALID_TREE, now: NOW, cwd: VALID_TREE });

  it('has no errors and reads an entry of every collection', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const collection of COLLECTIONS) {
      expect(
        result.entries.some((e) => e.collection === collection),
        collection,
      ).toBe(true);
    }
  });

  it('has no warnings either: no published entry names an unpublished one', () => {
    expect(result.problems).toEqual([]);
  });

  it('marks draft, scheduled and expired entries as unpublished', () => {
    const unpublished = result.entries
      .filter((e) => !e.published)
      .map((e) => `${e.collection}/${e.id}`)
      .sort();
    expect(unpublished).toEqual([
      'articles/future-article',
      'campaigns/draft-campaign',
      'campaigns/expired-campaign',
      'campaigns/scheduled-campaign',
      'snippets/draft',
      'snippets/expired',
      'snippets/scheduled',
      'tracks/december',
    ]);
  });
});

describe.each(COLLECTIONS)('invalid %s', (collection) => {
  const dir = path.join(FIXTURES, 'invalid', collection);
  const cases = readdirSync(dir);

  it('has invalid fixtures', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('%s is rejected naming the file and each field', (name) => {
    const source = path.join(dir, name);
    const expected = expectationsOf(source);
    expect(expected.length, 'fixture declares what it expects').toBeGreaterThan(0);
    const tree = treeWith({ [`${collection}/${name}`]: readFileSync(source, 'utf8') });
    try {
      const errors = errorsOf(tree.root);
      expect(errors.map((e) => e.file)).toEqual(expected.map(() => `${collection}/${name}`));
      for (const { field, message } of expected) {
        const error = errors.find((e) => e.field === field);
        expect(error, `an error on field ${field}; got ${errors.map(formatProblem).join(' | ')}`).toBeDefined();
        expect(error!.message).toMatch(message);
        expect(error!.line).toBeGreaterThan(1);
        const paragraph = formatProblem(error!);
        expect(paragraph).toContain(`${collection}/${name}:${error!.line}`);
        expect(paragraph).toContain(`field "${field}"`);
        expect(paragraph).not.toContain('\n');
      }
    } finally {
      tree.cleanup();
    }
  });
});

describe('invalid settings', () => {
  const dir = path.join(FIXTURES, 'invalid', 'settings');
  const cases = readdirSync(dir);

  it('has invalid fixtures', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('%s is rejected naming settings.yaml and the field', (name) => {
    const source = path.join(dir, name);
    const expected = expectationsOf(source);
    // Without it, a fixture that declares nothing and has no error would pass.
    expect(expected.length, 'fixture declares what it expects').toBeGreaterThan(0);
    const tree = treeWith({ 'settings.yaml': readFileSync(source, 'utf8') });
    try {
      const errors = errorsOf(tree.root);
      expect(errors).toHaveLength(expected.length);
      for (const { field, message } of expected) {
        const error = errors.find((e) => e.field === field);
        expect(error, `an error on ${field}; got ${errors.map(formatProblem).join(' | ')}`).toBeDefined();
        expect(error!.file).toBe('settings.yaml');
        expect(error!.message).toMatch(message);
      }
    } finally {
      tree.cleanup();
    }
  });
});

describe('files the hub would not read', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a file name that cannot be a URL',
      { 'snippets/Bad Name.md': '---\ntitle: x\n---\n' },
      /snippets\/Bad Name\.md — has a file name that cannot be an id .* e\.g\. bad-name\.md/,
    ],
    ['an entry in a subfolder', { 'snippets/2026/nested.md': '---\ntitle: x\n---\n' }, /snippets\/2026\/nested\.md — is in a subfolder and would not be read/],
    [
      'a text file with the wrong extension',
      { 'guidelines/notes.markdown': '# notes' },
      /guidelines\/notes\.markdown — is not read: entries of guidelines are \.md or \.mdx files \(rename it to notes\.md\)/,
    ],
    ['an .mdx snippet', { 'snippets/rich.mdx': '---\ntitle: x\n---\n' }, /snippets\/rich\.mdx — is not read: entries of snippets are \.md files/],
    ['a file without front matter', { 'guidelines/plain.md': '# Just text\n' }, /guidelines\/plain\.md:1 — has no front matter/],
    [
      'broken YAML',
      { 'guidelines/broken.md': '---\ntitle: "unclosed\norder: 1\n---\n' },
      /guidelines\/broken\.md:2 — has front matter that is not valid YAML: the " that opens a quoted value on this line is never closed/,
    ],
    [
      'front matter without its closing line',
      { 'guidelines/unclosed.md': '---\ntitle: x\norder: 1\n\n# Text\n' },
      /guidelines\/unclosed\.md:1 — has front matter that starts with "---" on line 1 but has no closing "---"/,
    ],
    ['a list instead of fields', { 'guidelines/list.md': '---\n- a\n- b\n---\n' }, /guidelines\/list\.md:2 — has front matter that is not a set of "field: value" lines/],
    ['the same id twice', { 'articles/hello.mdx': '---\ntitle: x\n---\n' }, /articles\/hello\.mdx — has the same id "hello" as articles\/hello\.md/],
    [
      'a logo that does not exist',
      { 'settings.yaml': readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8').replace('accent: "#f59e0b"', 'accent: "#f59e0b", logo: /brand/none.svg') },
      /settings\.yaml:5 — field "brand\.logo" is "\/brand\/none\.svg", but public\/brand\/none\.svg does not exist/,
    ],
    [
      'a requirement loop',
      { 'training/basics.md': readFileSync(path.join(VALID_TREE, 'training/basics.md'), 'utf8').replace('objectives:', 'requires: [listening]\nobjectives:') },
      /training\/(basics|listening)\.md:\d+ — field "requires" makes a loop \((basics → listening → basics|listening → basics → listening)\)/,
    ],
  ];

  it.each(cases)('%s is an error naming the file', (_, files, pattern) => {
    const tree = treeWith(files);
    try {
      const paragraphs = errorsOf(tree.root).map(formatProblem);
      expect(
        paragraphs.some((p) => pattern.test(p)),
        paragraphs.join('\n'),
      ).toBe(true);
    } finally {
      tree.cleanup();
    }
  });

  it('warns about a folder that is not a collection, suggesting the right one', () => {
    const tree = treeWith({ 'snipets/x.md': '---\n---\n' });
    try {
      const warnings = check(tree.root)
        .problems.filter((p) => p.severity === 'warning')
        .map(formatProblem);
      expect(warnings).toContain(
        'snipets — is not read by the hub (did you mean the folder "snippets"?); content folders: snippets, articles, guidelines, training, campaigns, people, tracks.',
      );
    } finally {
      tree.cleanup();
    }
  });

  it('warns about a snippet with a single variant', () => {
    const tree = treeWith({
      'snippets/single.md': '---\ntitle: One wording\nlink: https://x.example/\ntopics: [product]\nteams: [all]\nvariants:\n  - text: "Only one"\n---\n',
    });
    try {
      const warnings = check(tree.root)
        .problems.filter((p) => p.severity === 'warning')
        .map(formatProblem);
      expect(warnings).toContain('snippets/single.md:6 — field "variants" has a single variant; add a second wording so colleagues do not all post the same words.');
    } finally {
      tree.cleanup();
    }
  });
});

describe('settings.yaml as written', () => {
  const settings = readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8');
  const problemsWith = (text: string) => {
    const tree = treeWith({ 'settings.yaml': text });
    try {
      return check(tree.root);
    } finally {
      tree.cleanup();
    }
  };

  it.each([
    {
      name: 'an unclosed quote',
      from: 'disclosure: "#FixtureEmployee"',
      to: 'disclosure: "#FixtureEmployee',
      line: 6,
      reason: 'the " that opens a quoted value on this line is never closed',
    },
    { name: 'a duplicate key', from: 'lang: en', to: 'lang: en\nname: Again', line: 4, reason: 'the field "name" is given twice; keep one of them' },
    { name: 'a tab as indentation', from: 'lang: en', to: '\tlang: en', line: 3, reason: 'tab characters must not be used in indentation' },
  ])('reports $name at the line at fault', ({ from, to, line, reason }) => {
    const { problems } = problemsWith(settings.replace(from, to));
    expect(problems.map(formatProblem)).toEqual([expect.stringContaining(`settings.yaml:${line} — is not valid YAML: ${reason}`)]);
  });

  it('hands a value that looks like a date over as the text written, not as a date', () => {
    const { settings: read, problems } = problemsWith(settings.replace('organization: Fixture Corp', 'organization: 2026-11-31'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read?.organization).toBe('2026-11-31');
  });
});
