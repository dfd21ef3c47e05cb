/** The content check's hook for content/metrics/ and for people's advocate codes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GA4_HEADER, VALID_TREE, treeReport } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
/** A person of the valid tree with `extra` fields in place of its own code and recognition. */
const person = (file: string, extra: string) =>
  readFileSync(path.join(VALID_TREE, 'people', file), 'utf8')
    .replace(/^(code|recognize):.*\n/gm, '')
    .replace(/^---\n/, `---\n${extra}\n`);

const paragraphs = (files: Record<string, string>) => treeReport(files, NOW);

describe('advocate codes on people', () => {
  it('accept one code or a list, and pass the check', () => {
    const { errors } = paragraphs({ 'people/ana.md': person('ana.md', 'code: [ana-e, ana_2026]\nrecognize: true'), 'people/bo.md': person('bo.md', 'code: bo-x') });
    expect(errors).toEqual([]);
  });

  it('refuse a code claimed by two people, naming both files (codes match without regard to case)', () => {
    const { errors } = paragraphs({ 'people/ana.md': person('ana.md', 'code: ana-e'), 'people/bo.md': person('bo.md', 'code: [bo-x, ANA-E]') });
    expect(errors).toEqual([
      'people/bo.md:2 — field "code[1]" is "ANA-E", which is already the code of Ana Example in people/ana.md (codes match without regard to case); each code belongs to one person, so pick another.',
    ]);
  });

  it('warn when someone opted in to recognition without a code', () => {
    const { errors, warnings } = paragraphs({ 'people/bo.md': person('bo.md', 'recognize: true') });
    expect(errors).toEqual([]);
    expect(warnings).toContainEqual(expect.stringMatching(/^people\/bo\.md:2 — field "recognize" is true, but this person has no code/));
  });
});

describe('exports in content/metrics', () => {
  it('a valid export adds no problem', () => {
    const { errors, warnings } = paragraphs({ 'metrics/ga4.csv': `${GA4_HEADER}\nlinkedin,employee-advocacy,launch,ana-e,20261102,12,1\n` });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.startsWith('metrics/'))).toEqual([]);
  });

  it('a bad number fails the check with one readable paragraph', () => {
    const { errors } = paragraphs({ 'metrics/ga4.csv': `${GA4_HEADER}\nlinkedin,employee-advocacy,launch,ana-e,20261102,twelve,1\n` });
    expect(errors).toEqual(['metrics/ga4.csv:2 — column 6 "Sessions" is "twelve", which is not a count; expected a whole number of visits such as 12.']);
  });

  it('warns once per value about advocacy traffic it cannot attribute, and about files it does not read', () => {
    const rows = [
      'teams,employee-advocacy,launch,,20261102,3,0',
      'teams,employee-advocacy,launch,,20261103,2,0',
      'linkedin,employee-advocacy,spring-sale,,20261103,2,0',
      'teams,newsletter,spring-sale,,20261103,200,0',
    ];
    const { errors, warnings } = paragraphs({ 'metrics/ga4.csv': `${GA4_HEADER}\n${rows.join('\n')}\n`, 'metrics/notes.txt': 'hello' });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.startsWith('metrics/')).sort()).toEqual([
      'metrics/ga4.csv:2 — has utm_source "teams", which is not a network the hub shares to; its visits count under "other sources" (networks: linkedin, x, bluesky, mastodon, threads, facebook, reddit, whatsapp, telegram, email)',
      'metrics/ga4.csv:4 — has utm_campaign "spring-sale", which is no campaign, snippet or article of this hub; its visits count under "other campaigns".',
      'metrics/notes.txt — is not read: exports are .csv files directly in metrics/ (see docs/metrics.md)',
    ]);
  });
});
