/**
 * One team's weekly digest from the hub's entries (src/lib/digest/types.ts). Pure: the view passes
 * the published entries, settings and the words; the same function builds every page, JSON and message.
 * It still asks the publish filter itself, so a draft, scheduled or expired entry never reaches a digest,
 * whoever calls it.
 */
import type { CollectionName } from '../../model/collections.ts';
import { EVERYONE } from '../../model/schemas/settings.ts';
import { lastDay } from '../calendar.ts';
import { isoDay } from '../dates.ts';
import { excerpt } from '../labels.ts';
import { isPublished, type Publishable } from '../publish.ts';
import { tagLink } from '../share/utm.ts';
import type { Digest, DigestItem, DigestSection, DigestSectionId } from './types.ts';
import { DAY, type Weekday, digestWeek, within } from './week.ts';

/** Campaigns starting this many days from the digest day on are announced… */
export const CAMPAIGN_DAYS = 14;
/** …and snippets whose last day falls within this many days are "last chance". */
export const EXPIRING_DAYS = 7;

type ItemFields = Pick<DigestItem, 'title' | 'text' | 'date' | 'until'>;
const utcDate = (day: string) => new Date(`${day}T00:00:00Z`);

interface Entry<D> {
  id: string;
  data: D & Publishable;
}

export interface DigestInput {
  now: Date;
  team: string;
  teamLabel: string;
  settings: {
    name: string;
    organization: string;
    site: string;
    lang: string;
    brand: { primary: string; accent: string };
    utm: { medium: string };
    digest: { day: Weekday; sections: readonly DigestSectionId[] };
  };
  snippets: readonly Entry<{ title: string; teams: readonly string[]; publish?: Date; expires?: Date; variants: readonly { text: string }[] }>[];
  articles: readonly Entry<{ title: string; description: string; published: Date }>[];
  training: readonly Entry<{ title: string; summary: string; publish?: Date }>[];
  campaigns: readonly Entry<{ title: string; summary: string; starts: Date; ends: Date; teams: readonly string[] }>[];
  people: readonly Entry<{ name: string; title: string; team: string; spotlight?: string }>[];
  /** Absolute URLs on the hub: an entry's page, its share card, this digest's page. */
  urls: { page(collection: CollectionName, id: string): string; card(collection: CollectionName, id: string): string; digest(team: string): string };
  words: {
    section: Record<DigestSectionId, string>;
    subject(vars: { hub: string; team: string; date: string }): string;
    intro(vars: { hub: string; team: string; since: string; until: string }): string;
    note(person: { title: string; team: string }): string;
    day(date: Date): string;
    kind: Record<DigestItem['kind'], string>;
    action: Record<DigestItem['kind'], string>;
    /** A day or a range of days, short ("Nov 16, 2026"). */
    when(date: Date, until?: Date): string;
    footer(vars: { hub: string; team: string }): string;
    openOnHub: string;
    /** A quotation in the language's marks (“…” in English, „…“ in German, «…» in Arabic). */
    quote(text: string): string;
  };
}

/** Whether content for `teams` is meant for `team` (the digest for everyone takes every team's). */
export function fitsTeam(teams: readonly string[], team: string): boolean {
  return team === EVERYONE || teams.includes(team) || teams.includes(EVERYONE);
}

/** A link from a digest: utm_source=digest, the week as campaign, and the team preselected (?team=). */
export function digestLink(url: string, { team, week, medium }: { team: string; week: string; medium: string }): string {
  const withTeam = team === EVERYONE ? url : `${url}${url.includes('?') ? '&' : '?'}team=${encodeURIComponent(team)}`;
  return tagLink(withTeam, { source: 'digest', medium, campaign: `digest-${week.toLowerCase()}` });
}

export function buildDigest(input: DigestInput): Digest {
  const { now, team, settings, urls, words } = input;
  const { date, since, week } = digestWeek(now, settings.digest.day);
  const live = <T extends Entry<unknown>>(entries: readonly T[]) => entries.filter((entry) => isPublished(entry.data, now));
  const link = (collection: CollectionName, id: string) => digestLink(urls.page(collection, id), { team, week, medium: settings.utm.medium });
  const item = (collection: CollectionName, kind: DigestItem['kind'], id: string, fields: ItemFields): DigestItem => ({
    kind,
    id,
    url: link(collection, id),
    card: urls.card(collection, id),
    label: words.kind[kind],
    action: words.action[kind],
    when: words.when(utcDate(fields.date), fields.until ? utcDate(fields.until) : undefined),
    ...fields,
  });
  const newest = (a: DigestItem, b: DigestItem) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title);

  const snippets = live(input.snippets).filter((s) => fitsTeam(s.data.teams, team));
  const fresh = [
    ...snippets
      .filter((s) => within(s.data.publish, since, 7))
      .map((s) => item('snippets', 'snippet', s.id, { title: s.data.title, text: excerpt(s.data.variants[0]?.text ?? '', 200), date: isoDay(s.data.publish!) }))
      .sort(newest),
    ...live(input.articles)
      .filter((a) => within(a.data.published, since, 7))
      .map((a) => item('articles', 'article', a.id, { title: a.data.title, text: a.data.description, date: isoDay(a.data.published) }))
      .sort(newest),
    ...live(input.training)
      .filter((m) => within(m.data.publish, since, 7))
      .map((m) => item('training', 'training', m.id, { title: m.data.title, text: m.data.summary, date: isoDay(m.data.publish!) }))
      .sort(newest),
  ];
  const starting = live(input.campaigns)
    .filter((c) => fitsTeam(c.data.teams, team) && within(c.data.starts, date, CAMPAIGN_DAYS))
    .map((c) => item('campaigns', 'campaign', c.id, { title: c.data.title, text: c.data.summary, date: isoDay(c.data.starts), until: isoDay(c.data.ends) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const expiring = snippets
    .filter((s) => s.data.expires && within(lastDay(s.data.expires), date, EXPIRING_DAYS))
    .map((s) => item('snippets', 'snippet', s.id, { title: s.data.title, text: excerpt(s.data.variants[0]?.text ?? '', 200), date: isoDay(lastDay(s.data.expires!)) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));

  const found: Record<DigestSectionId, DigestItem[]> = { new: fresh, campaigns: starting, expiring, spotlight: spotlight(input, week) };
  const sections: DigestSection[] = settings.digest.sections.map((id) => ({ id, title: words.section[id], items: found[id] })).filter((s) => s.items.length > 0);
  const vars = { hub: settings.name, team: input.teamLabel };
  return {
    version: 1,
    hub: {
      name: settings.name,
      organization: settings.organization,
      site: settings.site,
      lang: settings.lang,
      brand: { primary: settings.brand.primary, accent: settings.brand.accent },
    },
    team,
    teamLabel: input.teamLabel,
    week,
    date: isoDay(date),
    since: isoDay(since),
    subject: words.subject({ ...vars, date: words.day(date) }),
    intro: words.intro({ ...vars, since: words.day(since), until: words.day(new Date(date.getTime() - DAY)) }),
    page: urls.digest(team),
    footer: words.footer(vars),
    openOnHub: words.openOnHub,
    empty: !sections.some((s) => s.id !== 'spotlight'),
    sections,
  };
}

/**
 * One shining star a week: a person of the team when the team has any (anyone for the digest for
 * everyone), taken in turn by week number so each gets their week.
 */
function spotlight(input: DigestInput, week: string): DigestItem[] {
  const stars = input.people.filter((p) => p.data.spotlight && isPublished(p.data, input.now)).sort((a, b) => a.id.localeCompare(b.id));
  const own = stars.filter((p) => p.data.team === input.team);
  const pool = own.length ? own : stars;
  if (!pool.length) return [];
  const turn = Number(week.slice(-2)) + Number(week.slice(0, 4)) * 53;
  const person = pool[turn % pool.length]!;
  return [
    {
      kind: 'person',
      id: person.id,
      title: person.data.name,
      text: input.words.quote(person.data.spotlight!),
      note: input.words.note(person.data),
      label: input.words.kind.person,
      action: input.words.action.person,
      when: '',
      url: digestLink(input.urls.page('people', person.id), { team: input.team, week, medium: input.settings.utm.medium }),
      card: input.urls.card('people', person.id),
      date: isoDay(digestWeek(input.now, input.settings.digest.day).date),
    },
  ];
}
