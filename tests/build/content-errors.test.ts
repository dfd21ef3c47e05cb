import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { FIXTURES, treeWith } from '../support/fixtures.ts';

const invalid = (file: string) => readFileSync(path.join(FIXTURES, 'invalid', file), 'utf8');

describe('npm run build on bad content', () => {
  const cases = [
    { name: 'an unknown topic', file: 'snippets/unknown-topic.md', field: 'topics[0]', value: '"sustainabilty"' },
    { name: 'a missing author', file: 'articles/missing-author.md', field: 'author', value: 'is missing' },
    { name: 'expires before publish', file: 'snippets/expires-before-publish.md', field: 'expires', value: '2026-11-01' },
  ];

  it.concurrent.each(cases)('stops on $name with one paragraph naming file, field and value, and no stack trace', async ({ file, field, value }) => {
    const tree = treeWith({ [file]: invalid(file) });
    try {
      const result = await astroBuild({ contentDir: tree.root, now: '2026-11-22' });
      expect(result.code).not.toBe(0);
      const line = result.output.split('\n').find((l) => l.includes(`${file}:`));
      expect(line, result.output).toBeDefined();
      expect(line).toContain(`field "${field}"`);
      expect(line).toContain(value);
      expect(result.output).toMatch(/1 content error: fix it and build again\./);
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      tree.cleanup();
    }
  });

  it('stops on an unreadable HUB_NOW, saying the format', async () => {
    const tree = treeWith();
    try {
      const result = await astroBuild({ contentDir: tree.root, now: 'tomorrow' });
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('HUB_NOW is "tomorrow"; expected a date as YYYY-MM-DD');
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      tree.cleanup();
    }
  });
});
