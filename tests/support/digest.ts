/** Digests for the tests of the digest and its senders: an input to buildDigest, and a dist/ folder holding digests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DigestInput, buildDigest } from '../../src/lib/digest/build.ts';
import type { Digest, DigestIndex } from '../../src/lib/digest/types.ts';

export const d = (day: string) => new Date(`${day}T00:00:00Z`);
const variants = [{ text: 'A post about heat pumps in winter.' }];

export function digestInput(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    now: d('2026-11-23'), // a Monday: the digest covers 2026-11-16 … 2026-11-22
    team: 'sales',
    teamLabel: 'Sales',
    settings: {
      name: 'Hub',
      organization: 'Org',
      site: 'https://hub.example/',
      lang: 'en',
      brand: { primary: '#0b5563', accent: '#f2a541' },
      utm: { medium: 'employee-advocacy' },
      digest: { day: 'monday', sections: ['new', 'campaigns', 'expiring', 'spotlight'] },
    },
    snippets: [
      { id: 'new-sales', data: { title: 'New for sales', teams: ['sales'], publish: d('2026-11-16'), variants } },
      { id: 'new-all', data: { title: 'New for all', teams: ['all'], publish: d('2026-11-22'), variants } },
      { id: 'new-eng', data: { title: 'New for engineers', teams: ['engineering'], publish: d('2026-11-18'), variants } },
      { id: 'last-week', data: { title: 'Older', teams: ['sales'], publish: d('2026-11-15'), variants } },
      { id: 'digest-day', data: { title: 'On the digest day', teams: ['sales'], publish: d('2026-11-23'), variants } },
      { id: 'draft', data: { title: 'Draft', teams: ['sales'], publish: d('2026-11-17'), draft: true, variants } },
      { id: 'scheduled', data: { title: 'Later today', teams: ['sales'], publish: new Date('2026-11-23T15:00:00Z'), variants } },
      { id: 'expiring', data: { title: 'Last chance', teams: ['sales'], expires: d('2026-11-29'), variants } },
      { id: 'expiring-later', data: { title: 'Not yet', teams: ['sales'], expires: d('2026-11-30'), variants } },
      { id: 'expired', data: { title: 'Gone', teams: ['sales'], publish: d('2026-11-17'), expires: d('2026-11-20'), variants } },
    ],
    articles: [
      { id: 'article-new', data: { title: 'An article', description: 'Why.', published: d('2026-11-20') } },
      { id: 'article-old', data: { title: 'Old article', description: 'Old.', published: d('2026-11-02') } },
    ],
    training: [{ id: 'module-new', data: { title: 'A module', summary: 'Learn.', publish: d('2026-11-19') } }],
    campaigns: [
      { id: 'soon', data: { title: 'Soon', summary: 'Starts soon.', starts: d('2026-12-06'), ends: d('2026-12-10'), teams: ['sales'] } },
      { id: 'too-far', data: { title: 'Far', summary: 'Later.', starts: d('2026-12-07'), ends: d('2026-12-10'), teams: ['all'] } },
      { id: 'other-team', data: { title: 'Other', summary: 'Not ours.', starts: d('2026-11-25'), ends: d('2026-11-30'), teams: ['engineering'] } },
      { id: 'draft-campaign', data: { title: 'Hidden', summary: 'Draft.', starts: d('2026-11-25'), ends: d('2026-11-30'), teams: ['all'], draft: true } },
    ],
    people: [
      { id: 'ana', data: { name: 'Ana', title: 'Engineer', team: 'engineering', spotlight: 'Ana shines.' } },
      { id: 'sam', data: { name: 'Sam', title: 'Seller', team: 'sales', spotlight: 'Sam shines.' } },
      { id: 'quiet', data: { name: 'Quiet', title: 'Seller', team: 'sales' } },
    ],
    urls: {
      page: (collection, id) => `https://hub.example/${collection === 'snippets' ? 'share' : collection}/${id}/`,
      card: (collection, id) => `https://hub.example/og/${collection}/${id}.png`,
      digest: (team) => `https://hub.example/digest/${team === 'all' ? '' : `${team}/`}`,
    },
    words: {
      section: { new: 'New', campaigns: 'Campaigns', expiring: 'Last chance', spotlight: 'Spotlight' },
      subject: ({ hub, team, date }) => `${hub} ${team} ${date}`,
      intro: ({ since, until }) => `${since}–${until}`,
      note: ({ title, team }) => `${title} · ${team}`,
      day: (date) => date.toISOString().slice(0, 10),
      kind: { snippet: 'Post', article: 'Article', training: 'Training', campaign: 'Campaign', person: 'Star' },
      action: { snippet: 'Share it', article: 'Read it', training: 'Start it', campaign: 'See it', person: 'Meet them' },
      when: (date, until) =>
        [date, until]
          .filter(Boolean)
          .map((x) => x!.toISOString().slice(0, 10))
          .join(' – '),
      footer: ({ team }) => `Footer ${team}`,
      openOnHub: 'Open',
      quote: (text) => `“${text}”`,
    },
    ...overrides,
  };
}

/** A team's digest for the week of 2026-11-23 (for "support", an empty one). */
export function digestFor(team: string, label = team): Digest {
  const base = digestInput({ team, teamLabel: label });
  return buildDigest(team === 'support' ? { ...base, now: d('2027-06-07') } : base);
}

/** A folder laid out as dist/ after a build: /digest.json and /digest/<team>.json. */
export function distWith(digests: Digest[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-digest-dist-'));
  mkdirSync(path.join(dir, 'digest'));
  const index: DigestIndex = {
    version: 1,
    week: digests[0]!.week,
    date: digests[0]!.date,
    digests: digests.map((digest) => ({ team: digest.team, empty: digest.empty, items: 0, json: `https://hub.example/digest/${digest.team}.json`, page: digest.page })),
  };
  writeFileSync(path.join(dir, 'digest.json'), JSON.stringify(index));
  for (const digest of digests) writeFileSync(path.join(dir, 'digest', `${digest.team}.json`), JSON.stringify(digest));
  return dir;
}
