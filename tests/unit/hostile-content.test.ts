/**
 * The rejected half of the hostile-content corpus: each file of
 * tests/fixtures/hostile/rejected, laid over the valid fixture tree, must stop
 * the content check with exactly the errors it declares (`# expect: <field>
 * /<message>/`, `-` for none, and `# line: <n>` where the line matters), each
 * naming the file. The escaped half is built in tests/build/hostile.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkContent } from '../../src/content/check.ts';
import { firstAnchor } from '../../src/content/yaml-safety.ts';
import { FIXTURES, treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const REJECTED = path.join(FIXTURES, 'hostile', 'rejected');
const ESCAPED = path.join(FIXTURES, 'hostile', 'escaped');

/** Every fixture as `collection/file` (settings overlays as `settings/file`). */
const fixtures = readdirSync(REJECTED).flatMap((folder) => readdirSync(path.join(REJECTED, folder)).map((file) => `${folder}/${file}`));

function declared(text: string) {
  const expectations = [...text.matchAll(/^# expect: (\S+) \/(.*)\/\r?$/gm)].map(([, field, pattern]) => ({
    field: field === '-' ? undefined : field,
    message: new RegExp(pattern!),
  }));
  const line = /^# line: (\d+)\r?$/m.exec(text)?.[1];
  return { expectations, line: line ? Number(line) : undefined };
}

describe('hostile content that must be rejected', () => {
  it('has a fixture for every kind of attack the corpus names', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  it.each(fixtures)('%s is rejected with a readable message naming the file and field', (fixture) => {
    const text = readFileSync(path.join(REJECTED, fixture), 'utf8');
    const { expectations, line } = declared(text);
    expect(expectations.length, 'the fixture declares what it expects').toBeGreaterThan(0);
    const target = fixture.startsWith('settings/') ? 'settings.yaml' : fixture;
    const tree = treeWith({ [target]: text });
    try {
      const started = performance.now();
      const errors = checkContent({ root: tree.root, now: NOW, cwd: tree.root }).problems.filter((p) => p.severity === 'error');
      // An alias bomb is refused before anything walks it: no time is lost on it.
      expect(performance.now() - started).toBeLessThan(5000);
      const shown = errors.map((e) => formatProblem(e));
      expect(errors.length, shown.join('\n')).toBe(expectations.length);
      for (const expected of expectations) {
        const error = errors.find((e) => e.field === expected.field && expected.message.test(e.message));
        expect(error, `${expected.field ?? '(no field)'} ${expected.message}; got:\n${shown.join('\n')}`).toBeDefined();
        expect(error!.file).toBe(target);
        if (line !== undefined) expect(error!.line).toBe(line);
        // One paragraph, no stack trace.
        expect(formatProblem(error!)).not.toMatch(/\n|\s+at\s+\S+:\d+/);
      }
    } finally {
      tree.cleanup();
    }
  });
});

describe('hostile content that must be shown as text', () => {
  it('passes the content check (warnings only: emoji cards leave out, analytics rows from elsewhere; cards draw its Arabic, Hebrew, CJK and Greek)', () => {
    const { problems, entries } = checkContent({ root: ESCAPED, now: NOW, cwd: ESCAPED });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => /share card font can draw/.test(p.message))).toEqual([]);
    const unexpected = problems.filter((p) => !/emoji the share card leaves out|count under "other (sources|campaigns)"/.test(p.message));
    expect(unexpected).toEqual([]);
    // The byte-order mark and the CRLF file read like any other.
    const bom = entries.find((e) => e.file === 'snippets/bom.md')!;
    expect(bom.data.title).toBe('A file that starts with a byte-order mark');
    const crlf = entries.find((e) => e.file === 'articles/crlf.md')!;
    expect(crlf.data.description).toBe('Saved on Windows, every line ends with a carriage return.');
    // One id, seven collections.
    expect(
      entries
        .filter((e) => e.id === 'launch')
        .map((e) => e.collection)
        .sort(),
    ).toEqual(['articles', 'campaigns', 'guidelines', 'people', 'snippets', 'tracks', 'training']);
  });
});

describe('YAML anchors', () => {
  it('are found without expanding them, with their line', () => {
    const bomb = readFileSync(path.join(REJECTED, 'snippets/billion-laughs.md'), 'utf8').split('---')[1]!;
    const started = performance.now();
    expect(firstAnchor(bomb)).toEqual({ kind: 'anchor', name: 'a', line: 4 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(firstAnchor('a: 1\nb: *x\n')).toMatchObject({ kind: 'alias', name: 'x', line: 2 });
    expect(firstAnchor('text: "stars * and & ampersands are fine"\nlist: [a*b, c&d]\n')).toBeUndefined();
  });
});
