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
import { checkContent } from '../../src/content/check.ts';
import { hubLoader } from '../../src/content/loader.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { PROJECT, STACK_LINE } from '../support/build.ts';
import { FIXTURES, GA4_HEADER, invalidFixture, settingsOf, treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`process.exit(${code})`);
  }
}

/** What a build of the valid tree with `files` over it logs as errors and warnings, and the code it exits with. */
async function buildReport(files: Record<string, string>): Promise<{ errors: string[]; warnings: string[]; exit?: number }> {
  const tree = treeWith(files);
  const errors: string[] = [];
  const warnings: string[] = [];
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
    const logger = { error: (message: string) => errors.push(message), warn: (message: string) => warnings.push(message), info: () => {} };
    const stopped = await loader.load({ logger } as never).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof Exit) return error.code;
        throw error;
      },
    );
    expect(exit).toHaveBeenCalledTimes(stopped === undefined ? 0 : 1);
    return { errors, warnings, exit: stopped };
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

describe('a build on front matter as written', () => {
  afterEach(() => vi.restoreAllMocks());
  const live = readFileSync(path.join(FIXTURES, 'valid', 'snippets', 'live.md'), 'utf8');
  /** snippets/live.md with `lines` in place of its line 6 ("teams: [all]"). */
  const liveWith = (lines: string) => live.replace('teams: [all]\n', `${lines}\n`);

  it.each([
    {
      name: 'publish: 2026-11-31, unquoted',
      lines: 'publish: 2026-11-31\nteams: [all]',
      error: 'snippets/live.md:6 — field "publish" is 2026-11-31, a day that does not exist (November has 30 days); write a date as YYYY-MM-DD, e.g. 2026-11-01.',
    },
    {
      name: 'expires: 2027-02-30, unquoted',
      lines: 'teams: [all]\npublish: 2026-11-10\nexpires: 2027-02-30',
      error: 'snippets/live.md:8 — field "expires" is 2027-02-30, a day that does not exist (February 2027 has 28 days); write a date as YYYY-MM-DD, e.g. 2026-11-01.',
    },
    {
      name: 'publish: 2026-13-45, unquoted',
      lines: 'publish: 2026-13-45\nteams: [all]',
      error:
        'snippets/live.md:6 — field "publish" is 2026-13-45, which is not a date: there is no month 13 (months go from 01 to 12); write a date as YYYY-MM-DD, e.g. 2026-11-01.',
    },
  ])('stops on a day that does not exist ($name), naming file, line, field and value, instead of publishing it on another day', async ({ lines, error }) => {
    const { errors, exit } = await buildReport({ 'snippets/live.md': liveWith(lines) });
    expect(exit).toBe(1);
    expect(errors).toEqual([error, '1 content error: fix it and build again.']);
  });

  it.each([
    { name: 'a bad indentation', from: 'teams: [all]', to: '  teams: [all]', line: 6, reason: 'bad indentation of a mapping entry' },
    { name: 'a tab as indentation', from: 'teams: [all]', to: '\tteams: [all]', line: 6, reason: 'tab characters must not be used in indentation' },
    { name: 'a duplicate key', from: 'teams: [all]', to: 'teams: [all]\ntopics: [culture]', line: 7, reason: 'the field "topics" is given twice; keep one of them' },
    {
      name: 'an unclosed quote',
      from: 'title: Live snippet',
      to: 'title: "Live snippet',
      line: 2,
      reason: 'the " that opens a quoted value on this line is never closed; end the value with "',
    },
    {
      name: 'an unclosed quote in a list',
      from: 'teams: [all]',
      to: 'teams: ["all]',
      line: 6,
      reason: 'the " that opens a quoted value on this line is never closed; end the value with "',
    },
    { name: 'an unclosed bracket', from: 'teams: [all]', to: 'teams: [all', line: 6, reason: 'the [ opened on this line is never closed; end it with ]' },
  ])('reports $name in front matter at the line at fault', async ({ from, to, line, reason }) => {
    const { errors, exit } = await buildReport({ 'snippets/live.md': live.replace(from, to) });
    expect(exit).toBe(1);
    expect(errors).toEqual([`snippets/live.md:${line} — has front matter that is not valid YAML: ${reason}.`, '1 content error: fix it and build again.']);
  });

  it('says that the closing "---" is missing, naming the line where the front matter starts', async () => {
    const unclosed = `\n${live.replace(/\n---\n(?=Notes)/, '\n\n')}`;
    const { errors, exit } = await buildReport({ 'snippets/live.md': unclosed });
    expect(exit).toBe(1);
    expect(errors).toEqual([
      'snippets/live.md:2 — has front matter that starts with "---" on line 2 but has no closing "---"; end the fields with a line "---".',
      '1 content error: fix it and build again.',
    ]);
  });

  it('reports one broken entry as its own problem only, without warnings about the analytics exports that name it', async () => {
    const valid = checkContent({ root: path.join(FIXTURES, 'valid'), now: NOW, cwd: path.join(FIXTURES, 'valid') });
    const launch = readFileSync(path.join(FIXTURES, 'valid', 'campaigns', 'launch.md'), 'utf8');
    const { errors, warnings, exit } = await buildReport({ 'campaigns/launch.md': launch.replace(/^topics: .*$/m, 'topics: [nope]') });
    expect(exit).toBe(1);
    expect(errors).toEqual([
      expect.stringMatching(/^campaigns\/launch\.md:\d+ — field "topics\[0\]" is "nope", which is not a topic/),
      '1 content error: fix it and build again.',
    ]);
    expect(warnings).toEqual(valid.problems.map(formatProblem));
  });
});
