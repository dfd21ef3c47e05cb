/**
 * References from a published (or scheduled) entry to one that is not
 * published (src/content/checks/references.ts), through the content check
 * the build runs: not yet public is an error, expired a warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_TREE, treeReport } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');

const reportOf = (files: Record<string, string>) => treeReport(files, NOW);

const snippet = (fields: string) =>
  `---\ntitle: A snippet\nlink: https://www.fixture.example.com/page\ntopics: [product]\nteams: [all]\n${fields}\nvariants:\n  - text: "One"\n  - text: "Two"\n---\n`;
const fixture = (file: string) => readFileSync(path.join(VALID_TREE, file), 'utf8');

describe('a published snippet naming a campaign that is not published', () => {
  it('is an error when the campaign is a draft, naming both files and what to do', () => {
    const { errors, warnings } = reportOf({ 'snippets/teaser.md': snippet('campaign: draft-campaign') });
    expect(errors).toEqual([
      'snippets/teaser.md:6 — field "campaign" points to campaigns/draft-campaign (campaigns/draft-campaign.md), which is a draft while this entry is published; ' +
        "the campaign's id would be published in this snippet's links (utm_campaign), /snippets.json and the share feed before the campaign itself. " +
        'Publish it (remove "draft: true" from campaigns/draft-campaign.md), or remove "campaign:" from this snippet, or schedule the snippet ("publish:") no earlier than the campaign.',
    ]);
    expect(warnings).toEqual([]);
  });

  it('is an error when the campaign goes live later, giving both days', () => {
    const { errors } = reportOf({ 'snippets/teaser.md': snippet('campaign: scheduled-campaign') });
    expect(errors).toEqual([
      expect.stringMatching(
        /^snippets\/teaser\.md:6 — field "campaign" points to campaigns\/scheduled-campaign \(campaigns\/scheduled-campaign\.md\), which goes live on 2026-12-01, after this entry \(published now\); .* Publish it sooner, or remove "campaign:" from this snippet, or schedule the snippet \("publish:"\) no earlier than the campaign\.$/,
      ),
    ]);
  });

  it('is only a warning when the campaign has ended: the snippet keeps it as history', () => {
    const { errors, warnings } = reportOf({ 'snippets/history.md': snippet('campaign: expired-campaign') });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'snippets/history.md:6 — field "campaign" points to campaigns/expired-campaign (campaigns/expired-campaign.md), which expired after 2026-11-01; ' +
        'the snippet still tags its links with the campaign (utm_campaign), as history, but its page no longer links to it; set "expires:" here too if the snippet should end with the campaign.',
    ]);
  });
});

describe('a scheduled snippet naming a campaign', () => {
  it('is fine when the campaign goes live no later than the snippet', () => {
    for (const day of ['2026-12-01', '2026-12-05']) {
      const { errors, warnings } = reportOf({ 'snippets/later.md': snippet(`campaign: scheduled-campaign\npublish: ${day}`) });
      expect([...errors, ...warnings], day).toEqual([]);
    }
  });

  it('is an error when the campaign goes live after the snippet', () => {
    const { errors } = reportOf({ 'snippets/early.md': snippet('campaign: scheduled-campaign\npublish: 2026-11-28') });
    expect(errors).toEqual([expect.stringContaining('which goes live on 2026-12-01, after this entry (2026-11-28)')]);
  });

  it('is a warning when the campaign is a draft: it may be published before the day', () => {
    const { errors, warnings } = reportOf({ 'snippets/early.md': snippet('campaign: draft-campaign\npublish: 2026-11-28') });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/which is a draft on 2026-11-28, when this entry goes live; .* otherwise the build stops on 2026-11-28\.$/)]);
  });
});

describe('other references to an entry that is not published', () => {
  const draft = (text: string) => text.replace(/\n---\n/, '\ndraft: true\n---\n');

  it('is an error for an article’s author, a track’s mentor and step, and a module’s prerequisite', () => {
    const { errors } = reportOf({
      'people/ana.md': draft(fixture('people/ana.md')),
      'training/basics.md': draft(fixture('training/basics.md')),
      'tracks/welcome.md': fixture('tracks/welcome.md').replace('  - ref: snippets/live\n', '  - ref: snippets/live\n  - ref: snippets/draft\n'),
    });
    expect(errors).toHaveLength(5);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^articles\/hello\.md:\d+ — field "author" points to people\/ana \(people\/ana\.md\), which is a draft while this entry is published; the article would be published without its author\./,
        ),
        expect.stringMatching(
          /^tracks\/welcome\.md:\d+ — field "mentor" points to people\/ana \(people\/ana\.md\), which is a draft .*; the track would be published without its mentor\. .*pick another mentor/,
        ),
        expect.stringMatching(/^tracks\/welcome\.md:\d+ — field "steps\[1\]\.ref" points to training\/basics \(training\/basics\.md\), which is a draft/),
        expect.stringMatching(
          /^tracks\/welcome\.md:\d+ — field "steps\[3\]\.ref" points to snippets\/draft \(snippets\/draft\.md\), which is a draft .*; the track would be published with this step missing\. .*remove the step/,
        ),
        expect.stringMatching(
          /^training\/listening\.md:\d+ — field "requires\[0\]" points to training\/basics \(training\/basics\.md\), which is a draft .*; learners would be asked to take a module they cannot see\./,
        ),
      ]),
    );
  });

  it('is not checked from a draft, which is never published', () => {
    const { errors, warnings } = reportOf({ 'snippets/draft-teaser.md': snippet('campaign: draft-campaign\ndraft: true') });
    expect([...errors, ...warnings]).toEqual([]);
  });
});
