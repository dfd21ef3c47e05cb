/**
 * settings.digest (src/model/schemas/settings.ts): the day, the teams and the sections of the weekly
 * digest; a wrong value names settings.yaml, its line, the field, the value and what is allowed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/content/settings.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { digestTeams } from '../../src/model/schemas/settings.ts';
import { PROJECT } from '../support/build.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';

const SETTINGS = readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8');

function read(digest: string) {
  const tree = treeWith({ 'settings.yaml': `${SETTINGS}\n${digest}\n` });
  try {
    const { settings, problems } = readSettings({ root: tree.root, publicDir: path.join(PROJECT, 'public'), show: (p) => path.relative(tree.root, p) });
    return { settings, errors: problems.filter((p) => p.severity === 'error').map(formatProblem) };
  } finally {
    tree.cleanup();
  }
}

describe('settings.digest', () => {
  it('defaults to Monday, every section, and a digest for everyone and for each team', () => {
    const { settings, errors } = read('');
    expect(errors).toEqual([]);
    expect(settings!.digest).toEqual({ day: 'monday', sections: ['new', 'campaigns', 'expiring', 'spotlight'] });
    expect(digestTeams(settings!)).toEqual(['all', ...settings!.teams.filter((t) => t !== 'all')]);
  });

  it('takes an empty list of teams, as the CMS may save it, for the default', () => {
    const { settings, errors } = read('digest:\n  teams: []');
    expect(errors).toEqual([]);
    expect(digestTeams(settings!)).toEqual(['all', ...settings!.teams.filter((t) => t !== 'all')]);
  });

  it('takes a day, teams and sections', () => {
    const { settings, errors } = read('digest:\n  day: friday\n  teams: [all, sales]\n  sections: [new, spotlight]');
    expect(errors).toEqual([]);
    expect(settings!.digest).toEqual({ day: 'friday', teams: ['all', 'sales'], sections: ['new', 'spotlight'] });
    expect(digestTeams(settings!)).toEqual(['all', 'sales']);
  });

  it.each([
    [
      'an unknown day',
      'digest:\n  day: fryday',
      /settings\.yaml:\d+ — field "digest\.day" is "fryday", which is not a day of the week; allowed: monday, tuesday, .*sunday \(did you mean "friday"\?\)/,
    ],
    [
      'a team the hub does not have',
      'digest:\n  teams: [all, slaes]',
      /settings\.yaml:\d+ — field "digest\.teams\[1\]" is "slaes", which is not a team of this hub; allowed: all, .*sales.* \(did you mean "sales"\?\)/,
    ],
    [
      'an unknown section',
      'digest:\n  sections: [new, trending]',
      /settings\.yaml:\d+ — field "digest\.sections\[1\]" is "trending", which is not a digest section; allowed: new, campaigns, expiring, spotlight/,
    ],
    ['a section twice', 'digest:\n  sections: [new, new]', /field "digest\.sections\[1\]" is "new", which is listed twice/],
    ['an unknown field', 'digest:\n  weekday: monday', /field "digest\.weekday"/],
  ])('refuses %s, naming file, line, field, value and what is allowed', (_, yaml, message) => {
    const { settings, errors } = read(yaml);
    expect(settings).toBeUndefined();
    expect(errors.join('\n')).toMatch(message);
  });
});
