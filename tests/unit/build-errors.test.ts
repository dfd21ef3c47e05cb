/**
 * Why `npm run build` stops on bad content, in memory: the content loader
 * (src/content/loader.ts) runs as a build runs it, on a tree with one
 * problem, and what it logs is what the terminal shows (one paragraph per
 * problem, then the count), before it exits with code 1. Two real builds
 * prove the wiring (tests/build/content-errors.test.ts); settings and
 * HUB_NOW stop earlier, in the hub() integration (hub-config.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubLoader } from '../../src/content/loader.ts';
import { PROJECT, STACK_LINE } from '../support/build.ts';
import { FIXTURES, GA4_HEADER, invalidFixture, settingsOf, treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`process.exit(${code})`);
  }
}

/** What a build of the valid tree with `files` over it logs as errors, and the code it exits with. */
async function buildReport(files: Record<string, string>): Promise<{ errors: string[]; exit?: number }> {
  const tree = treeWith(files);
  const errors: string[] = [];
  const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    throw new Exit(code);
  }) as never);
  try {
    const loader = hubLoader({
      root: tree.root,
      project: tree.root,
      publicDir: path.join(PROJECT, 'public'),
      now: NOW,
      settings: settingsOf(tree.root),
      command: 'build',
    })('snippets');
    const logger = { error: (message: string) => errors.push(message), warn: () => {}, info: () => {} };
    const stopped = await loader.load({ logger } as never).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof Exit) return error.code;
        throw error;
      },
    );
    expect(exit).toHaveBeenCalledTimes(stopped === undefined ? 0 : 1);
    return { errors, exit: stopped };
  } finally {
    tree.cleanup();
  }
}

/** The report's shape: each line one paragraph, no stack trace. */
function expectReadable(errors: string[]) {
  for (const line of errors) {
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(STACK_LINE);
  }
}

describe('a build on bad content', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    { name: 'an unknown topic', file: 'snippets/unknown-topic.md', field: 'topics[0]', value: '"sustainabilty"' },
    { name: 'a missing author', file: 'articles/missing-author.md', field: 'author', value: 'is missing' },
    { name: 'expires before publish', file: 'snippets/expires-before-publish.md', field: 'expires', value: '2026-11-01' },
  ])('stops on $name with one paragraph naming file, line, field and value, and the count', async ({ file, field, value }) => {
    const { errors, exit } = await buildReport({ [file]: invalidFixture(file) });
    expect(exit).toBe(1);
    expect(errors).toHaveLength(2);
    expect(errors[0]!.startsWith(`${file}:`), errors[0]).toBe(true);
    expect(errors[0]).toMatch(/^[^:]+:\d+ — /);
    expect(errors[0]).toContain(`field "${field}"`);
    expect(errors[0]).toContain(value);
    expect(errors[1]).toBe('1 content error: fix it and build again.');
    expectReadable(errors);
  });

  it('stops on a wording too long for a network and on a banned phrase, naming snippet, variant, network, length and limit', async () => {
    const { errors, exit } = await buildReport({
      'snippets/too-long-for-x.md': invalidFixture('snippets/too-long-for-x.md'),
      'snippets/banned-phrase.md': invalidFixture('snippets/banned-phrase.md'),
    });
    expect(exit).toBe(1);
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^snippets\/too-long-for-x\.md:\d+ — field "variants\[0\]\.text" \(variant 1\) is too long for X: the post counts \d{3} where X allows 280 \(.*longest advocate code, 40 characters\)\. Shorten it by \d+/,
      ),
    );
    expect(errors).toContainEqual(expect.stringMatching(/^snippets\/banned-phrase\.md:\d+ — field "title" contains the banned phrase "best in the world"/));
    expect(errors.at(-1)).toBe('4 content errors: fix them and build again.');
    expect(errors).toHaveLength(5);
    expectReadable(errors);
  });

  it('stops on a bad analytics export with one paragraph naming file, line, column and value', async () => {
    const { errors, exit } = await buildReport({
      'metrics/ga4.csv': `${GA4_HEADER}\nlinkedin,employee-advocacy,launch,ana-e,20261102,12,1\nlinkedin,employee-advocacy,launch,ana-e,20261103,1.234,1\n`,
    });
    expect(exit).toBe(1);
    expect(errors).toEqual([
      'metrics/ga4.csv:3 — column 6 "Sessions" is "1.234", which is not a count; expected a whole number of visits such as 12 without thousands separators.',
      '1 content error: fix it and build again.',
    ]);
  });

  it('stops at once on a YAML alias bomb, naming the file and line, with nothing walked', async () => {
    const bomb = readFileSync(path.join(FIXTURES, 'hostile', 'rejected', 'snippets', 'billion-laughs.md'), 'utf8');
    const started = performance.now();
    const { errors, exit } = await buildReport({ 'snippets/billion-laughs.md': bomb });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(exit).toBe(1);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^snippets\/billion-laughs\.md:4 — uses the YAML anchor &a; anchors \(&name\) and aliases \(\*name\) are not accepted/);
    expect(errors[1]).toBe('1 content error: fix it and build again.');
    expectReadable(errors);
  });
});
