/** The weekly digests (src/lib/digest/build.ts) of this build: for everyone and for each team settings.digest names. */
import { buildDigest } from '../lib/digest/build.ts';
import type { Digest, DigestIndex } from '../lib/digest/types.ts';
import { formatDate, formatRange } from '../lib/dates.ts';
import { absolute, cardPath, digestJsonPath, digestPath, entryPath } from '../lib/urls.ts';
import { EVERYONE, digestTeams } from '../model/schemas/settings.ts';
import { NOW, published, settings, t } from './hub.ts';
import { quoted, teamName } from './labels.ts';

/** The team as readers see it; "all" is everyone. */
export function teamLabel(team: string): string {
  return team === EVERYONE ? t('digest.everyone') : teamName(team);
}

/** The digests with a page and a JSON file: the one for everyone, then each team's. */
export function digestPageTeams(): string[] {
  return [EVERYONE, ...digestTeams(settings).filter((team) => team !== EVERYONE)];
}

const cache = new Map<string, Promise<Digest>>();

export function digestOf(team: string): Promise<Digest> {
  if (!cache.has(team)) cache.set(team, build(team));
  return cache.get(team)!;
}

async function build(team: string): Promise<Digest> {
  const site = settings.site;
  return buildDigest({
    now: NOW,
    team,
    teamLabel: teamLabel(team),
    settings,
    snippets: await published('snippets'),
    articles: await published('articles'),
    training: await published('training'),
    campaigns: await published('campaigns'),
    people: await published('people'),
    urls: {
      page: (collection, id) => absolute(entryPath(collection, id), site),
      card: (collection, id) => absolute(cardPath(collection, id), site),
      digest: (id) => absolute(digestPath(id), site),
    },
    words: {
      section: {
        new: t('digest.section.new'),
        campaigns: t('digest.section.campaigns'),
        expiring: t('digest.section.expiring'),
        spotlight: t('digest.section.spotlight'),
      },
      subject: (vars) => t('digest.subject', vars),
      intro: (vars) => t('digest.intro', vars),
      note: (person) => `${person.title} · ${teamName(person.team)}`,
      day: (date) => formatDate(date, settings.lang, 'long'),
      kind: {
        snippet: t('digest.kind.snippet'),
        article: t('digest.kind.article'),
        training: t('digest.kind.training'),
        campaign: t('digest.kind.campaign'),
        person: t('digest.kind.person'),
      },
      action: {
        snippet: t('digest.action.snippet'),
        article: t('digest.action.article'),
        training: t('digest.action.training'),
        campaign: t('digest.action.campaign'),
        person: t('digest.action.person'),
      },
      when: (date, until) => (until ? formatRange(date, until, settings.lang) : formatDate(date, settings.lang)),
      footer: (vars) => t('digest.footer', vars),
      openOnHub: t('digest.openOnHub'),
      quote: quoted,
    },
  });
}

/** /digest.json: the digests the senders deliver (settings.digest.teams), with their files. */
export async function digestIndex(): Promise<DigestIndex> {
  const digests = await Promise.all(digestTeams(settings).map(digestOf));
  const first = digests[0] ?? (await digestOf(EVERYONE));
  return {
    version: 1,
    week: first.week,
    date: first.date,
    digests: digests.map((digest) => ({
      team: digest.team,
      empty: digest.empty,
      items: digest.sections.reduce((sum, section) => sum + section.items.length, 0),
      json: absolute(digestJsonPath(digest.team), settings.site),
      page: digest.page,
    })),
  };
}
