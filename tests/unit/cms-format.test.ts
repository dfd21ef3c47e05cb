/**
 * The formats Decap CMS reads and writes the hub's files with
 * (src/lib/cms/format.ts): every sample file opens and saves unchanged, a
 * one-field change is a one-line diff, comments stay, and new files are
 * written in the sample content's style.
 */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageFieldPaths } from '../../src/lib/cms/config.ts';
import { SOURCE_KEY, frontmatterFormat, yamlFormat } from '../../src/lib/cms/format.ts';
import { settingsOf } from '../support/fixtures.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const markdown = frontmatterFormat({ imageFields: imageFieldPaths(settingsOf(path.join(PROJECT, 'content'))) });
const yaml = yamlFormat();
const read = (file: string) => readFileSync(path.join(PROJECT, file), 'utf8');
const ENTRIES = [...globSync('content/*/*.md', { cwd: PROJECT }), ...globSync('tests/fixtures/valid/*/*.md', { cwd: PROJECT })].sort();
const SETTINGS = ['content/settings.yaml', 'tests/fixtures/valid/settings.yaml'];

/** What Decap hands back on save: the data as it read it, through Immutable.js (plain JSON), changed by `edit`. */
function roundTrip(format: typeof markdown, text: string, edit: (data: Record<string, unknown>) => void = () => {}, order: string[] = []): string {
  const data = JSON.parse(JSON.stringify(format.fromFile(text))) as Record<string, unknown>;
  edit(data);
  const written = format.toFile(data, order);
  // decap-cms-core's entryToRaw adds the final newline when a format leaves it out.
  return written.endsWith('\n') ? written : `${written}\n`;
}

/** Lines of `after` not in `before` and the reverse, in order (both files keep their line order). */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

describe('the CMS save formats', () => {
  it.each(ENTRIES)('%s opens and saves unchanged', (file) => {
    const text = read(file);
    expect(roundTrip(markdown, text)).toBe(text);
  });

  it.each(SETTINGS)('%s opens and saves unchanged, comments included', (file) => {
    const text = read(file);
    expect(roundTrip(yaml, text)).toBe(text);
  });

  it.each(ENTRIES.filter((file) => file.includes('/articles/')))('%s: a changed date is a one-line diff', (file) => {
    const text = read(file);
    const after = roundTrip(markdown, text, (data) => {
      data.published = '2027-01-02';
    });
    const published = /^published: (.+)$/m.exec(text)![1];
    expect(lineDiff(text, after)).toEqual({ removed: [`published: ${published}`], added: ['published: 2027-01-02'] });
  });

  it('changes one wording of a snippet in place, keeping its block style and the other wordings', () => {
    const text = read('content/snippets/heat-pumps-in-the-cold.en.md');
    const after = roundTrip(markdown, text, (data) => {
      (data.variants as { text: string }[])[1]!.text = 'Part of my winter is spent in a test chamber at -20 °C.';
    });
    expect(lineDiff(text, after)).toEqual({
      removed: [`  - text: "Part of my winter is spent in a test chamber at -15 °C. Here's what I've learned about heat pumps in the cold."`],
      added: ['  - text: "Part of my winter is spent in a test chamber at -20 °C."'],
    });
  });

  it('adds a new field where the form puts it, and removes an optional field the form emptied', () => {
    const text = read('content/articles/designing-for-the-quiet-months.en.md');
    const order = ['title', 'description', 'author', 'published', 'updated', 'topics', 'cover', 'canonical', 'draft', 'expires'];
    const added = roundTrip(
      markdown,
      text,
      (data) => {
        data.updated = '2026-08-01';
      },
      order,
    );
    expect(lineDiff(text, added)).toEqual({ removed: [], added: ['updated: 2026-08-01'] });
    expect(added.indexOf('updated:')).toBeGreaterThan(added.indexOf('published:'));
    expect(added.indexOf('updated:')).toBeLessThan(added.indexOf('topics:'));
    const emptied = roundTrip(markdown, text, (data) => {
      data.canonical = '';
      data.cover = { src: '', alt: '' };
    });
    expect(lineDiff(text, emptied)).toEqual({ removed: ['canonical: https://www.tidewater.example/blog/designing-for-the-quiet-months'], added: [] });
  });

  it('keeps the comments of settings.yaml when a field changes', () => {
    const text = read('content/settings.yaml');
    const after = roundTrip(yaml, text, (data) => {
      data.name = 'Tidewater Voices Beta';
    });
    expect(lineDiff(text, after)).toEqual({ removed: ['name: Tidewater Voices'], added: ['name: Tidewater Voices Beta'] });
    expect(after.startsWith('# Hub settings: one file')).toBe(true);
  });

  it('writes a new entry in the sample content’s style, in form order, with ./ before an image picked next to it', () => {
    const written = roundTrip(
      markdown,
      '',
      (data) => {
        delete data[SOURCE_KEY];
        Object.assign(data, {
          name: 'Ana Example',
          roles: ['creator', 'commenter'],
          avatar: 'ana.png',
          spotlight: 'Two lines:\nthe second one.',
          profiles: {},
          draft: false,
          body: 'Ana writes.\n',
        });
      },
      ['name', 'roles', 'mentor', 'spotlight', 'profiles', 'avatar', 'draft'],
    );
    expect(written).toBe(
      [
        '---',
        'name: Ana Example',
        'roles: [creator, commenter]',
        'spotlight: |-',
        '  Two lines:',
        '  the second one.',
        'avatar: ./ana.png',
        'draft: false',
        '---',
        'Ana writes.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a file whose front matter is not YAML, with a message', () => {
    expect(() => markdown.fromFile('---\ntitle: [unclosed\n---\nBody\n')).toThrow(/front matter is not valid YAML/);
  });
});
