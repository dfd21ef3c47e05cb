/**
 * Settings text that reaches every page, feed, card and share link
 * (src/model/schemas/settings.ts, src/content/settings.ts): hostile values get
 * a message naming settings.yaml, the line, the field and the value shown
 * with its invisible characters named, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { readSettings } from '../../src/content/settings.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { PROJECT } from '../support/build.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const SETTINGS = readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8');

/** settings.yaml of the valid tree with the top-level `field` written as `line`. */
const withLine = (field: string, line: string) =>
  `${SETTINGS.split('\n')
    .filter((l) => !l.startsWith(`${field}:`))
    .join('\n')}\n${line}\n`;

function settingsReport(yaml: string): string[] {
  const tree = treeWith({ 'settings.yaml': yaml });
  try {
    const { settings, problems } = readSettings({ root: tree.root, publicDir: path.join(PROJECT, 'public'), show: (p) => path.relative(tree.root, p) });
    expect(settings === undefined).toBe(problems.some((p) => p.severity === 'error'));
    return problems.filter((p) => p.severity === 'error').map(formatProblem);
  } finally {
    tree.cleanup();
  }
}

const ONE_LINE = 'expected one line of visible text (it reaches every page, feed and post), without control characters, line breaks or direction overrides.';

describe('a settings value that would break pages, feeds or links', () => {
  it.each([
    ['a control character in the name', 'name', 'name: "Hub\\u0007bell"', `field "name" is "Hub[U+0007]bell"; ${ONE_LINE}`],
    ['a NUL in the name', 'name', 'name: "Hub\\u0000"', `field "name" is "Hub[U+0000]"; ${ONE_LINE}`],
    ['a line break in the name', 'name', 'name: "Fixture\\nHub"', `field "name" is "Fixture[line break U+000A]Hub"; ${ONE_LINE}`],
    ['a right-to-left override in the organization', 'organization', 'organization: "Corp \\u202Eevil"', `field "organization" is "Corp [U+202E]evil"; ${ONE_LINE}`],
    ['a line separator in the description', 'description', 'description: "One\\u2028two"', `field "description" is "One[U+2028]two"; ${ONE_LINE}`],
    ['a line break in the disclosure', 'disclosure', 'disclosure: "#Fixture\\nEmployee"', `field "disclosure" is "#Fixture[line break U+000A]Employee"; ${ONE_LINE}`],
    [
      'a disclosure longer than any post should carry',
      'disclosure',
      `disclosure: "${'#Employee '.repeat(20)}"`,
      'field "disclosure" is 199 characters long; at most 150 are allowed, as it is added to every post.',
    ],
    [
      'half a character in the disclosure',
      'disclosure',
      'disclosure: "#Emp\\uD800loyee"',
      'field "disclosure" holds half of a character (the escape "\\uD800" without its other half), which no page, feed or share link can encode; write the character itself, or both halves of its escape.',
    ],
    [
      'a banned phrase of invisible characters',
      'banned',
      'banned: ["\\u200B\\u00AD"]',
      'field "banned[0]" is "[zero-width space U+200B][soft hyphen U+00AD]", which has no letter or digit; a banned phrase is words, such as "guaranteed savings".',
    ],
    [
      'a banned phrase of punctuation',
      'banned',
      'banned: [",,"]',
      'field "banned[0]" is ",,", which has no letter or digit; a banned phrase is words, such as "guaranteed savings".',
    ],
    [
      'a CMS repository that climbs out of its owner',
      'cms',
      'cms: { backend: github, repo: "../.." }',
      'field "cms.repo" is "../.."; expected owner/name, e.g. acme/advocacy-hub.',
    ],
    [
      'a CMS branch git would refuse',
      'cms',
      'cms: { backend: github, repo: acme/hub, branch: "main?x=1#y z" }',
      'field "cms.branch" is "main?x=1#y z"; expected a branch name git accepts, such as main or content/edits: no spaces, "..", ~ ^ : ? * [ or \\.',
    ],
    [
      'a CMS branch that climbs',
      'cms',
      'cms: { backend: github, repo: acme/hub, branch: "../main" }',
      'field "cms.branch" is "../main"; expected a branch name git accepts',
    ],
  ])('is refused: %s', (_, field, line, message) => {
    const errors = settingsReport(withLine(field, line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^settings\.yaml:\d+ — /);
    expect(errors[0]).toContain(message);
  });

  it('still accepts markup, scripts of every language and emoji, which pages escape', () => {
    const hostile = readFileSync(path.join(VALID_TREE, '..', 'hostile', 'escaped', 'settings.yaml'), 'utf8');
    expect(settingsReport(hostile)).toEqual([]);
    expect(settingsReport(withLine('name', 'name: "Ünïcødé 👩🏽‍💻 مرحبا <b>hub</b>"'))).toEqual([]);
  });
});

describe('half a character in an entry', () => {
  it('is an error naming the file, line and field, where it used to throw from the share links', () => {
    const tree = treeWith({
      'snippets/broken.md':
        '---\ntitle: Broken\nlink: https://www.fixture.example.com/x\ntopics: [product]\nteams: [all]\nvariants:\n  - text: "We launched \\uDC00 it"\n  - text: "Two"\n---\n',
    });
    try {
      const { problems } = checkContent({ root: tree.root, now: NOW, cwd: tree.root });
      expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
        'snippets/broken.md:7 — field "variants[0].text" holds half of a character (the escape "\\uDC00" without its other half), which no page, feed or share link can encode; write the character itself, or both halves of its escape.',
      ]);
    } finally {
      tree.cleanup();
    }
  });
});
