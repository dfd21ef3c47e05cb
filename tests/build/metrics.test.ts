import { describe, expect, it } from 'vitest';
import { astroBuild, read } from '../support/build.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';

const withFields = (file: string, fields: string) => readFileSync(path.join(VALID_TREE, 'people', file), 'utf8').replace(/^---\n/, `---\n${fields}\n`);

const HEADER = 'Session source,Session medium,Session campaign,Session manual ad content,Date,Sessions,Key events';

describe('npm run build with analytics exports', () => {
  it.concurrent('stops on a bad export with one paragraph naming file, line, column and value, and no stack trace', async () => {
    const tree = treeWith({
      'metrics/ga4.csv': `${HEADER}\nlinkedin,employee-advocacy,launch,ana-e,20261102,12,1\nlinkedin,employee-advocacy,launch,ana-e,20261103,1.234,1\n`,
    });
    try {
      const result = await astroBuild({ contentDir: tree.root, now: '2026-11-22' });
      expect(result.code).not.toBe(0);
      const line = result.output.split('\n').find((l) => l.includes('metrics/ga4.csv:'));
      expect(line, result.output).toContain('metrics/ga4.csv:3 — column 6 "Sessions" is "1.234", which is not a count; expected a whole number of visits such as 12');
      expect(result.output).toMatch(/1 content error: fix it and build again\./);
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      tree.cleanup();
    }
  });

  it.concurrent('builds /impact/ from a valid export, naming only people who opted in', async () => {
    const tree = treeWith({
      'metrics/ga4.csv': `${HEADER}\nlinkedin,employee-advocacy,launch,ana-e,20261102,12,2\nx,employee-advocacy,launch,bo-x,20261102,5,1\n`,
      'people/ana.md': withFields('ana.md', 'code: ana-e\nrecognize: true'),
      'people/bo.md': withFields('bo.md', 'code: bo-x'),
    });
    try {
      const result = await astroBuild({ contentDir: tree.root, now: '2026-11-22' });
      expect(result.code, result.output).toBe(0);
      const html = read(result.outDir, 'impact/index.html');
      expect(html).toContain('Ana Example');
      expect(html).not.toContain('Bo Example');
      expect(html).not.toMatch(/ana-e|bo-x/);
      expect(html.match(/<svg[^>]* role="img"/g)).toHaveLength(4);
    } finally {
      tree.cleanup();
    }
  });
});
