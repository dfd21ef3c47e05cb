/**
 * What the browser remembers about an advocate, and how links preset it:
 * `?ref=<code>` (attribution, sent as utm_content), `?team=<team>` (default
 * snippet filter) and `?mentor=<person>` (onboarding). Pure, so it is tested
 * without a browser; src/client/advocate-store.ts keeps it in localStorage.
 */
import { isId, normalizeCode, normalizeHost } from '../model/ids.ts';
import { paramName } from './share/utm.ts';

export interface AdvocatePrefs {
  /** Attribution code, sent as utm_content. */
  code?: string;
  /** The advocate's team: snippet lists default to it. */
  team?: string;
  /**
   * The advocate chose the team (or "every team") themselves, in a list's
   * team control: a link's `?team=` then no longer replaces it, it is only
   * offered (teamFromLink). Absent when the team came from a link.
   */
  teamChosen?: boolean;
  /** The mentor chosen on an onboarding link. */
  mentor?: string;
  /** The advocate's own Mastodon instance host. */
  mastodon?: string;
  /** The advocacy role the learner trains for (listener, curator, commenter, creator): the completion badge counts its modules. */
  role?: string;
}

/**
 * The presets an incoming link carries, checked against what exists
 * (`teams`, `mentors`); unknown values are ignored rather than stored. A
 * team is matched whatever its case (`?team=Sales` is the team `sales`), as
 * the search page matches its filters.
 */
export function presetsFromUrl(search: string, known: { teams?: readonly string[]; mentors?: readonly string[] } = {}): AdvocatePrefs {
  const params = new URLSearchParams(search);
  const prefs: AdvocatePrefs = {};
  const code = normalizeCode(params.get('ref'));
  if (code) prefs.code = code;
  const asked = params.get('team')?.trim();
  // Teams are ids (lower case), so comparing in lower case is enough; every page carries this, so no import.
  const team = asked && known.teams ? (known.teams.find((t) => t.toLowerCase() === asked.toLowerCase()) ?? asked) : asked;
  if (team && isId(team) && (!known.teams || known.teams.includes(team))) prefs.team = team;
  const mentor = params.get('mentor')?.trim();
  if (mentor && isId(mentor) && (!known.mentors || known.mentors.includes(mentor))) prefs.mentor = mentor;
  return prefs;
}

/** Stored prefs, tolerating anything a previous version or a person left in storage. */
export function parseStoredPrefs(raw: string | null): AdvocatePrefs {
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    const prefs: AdvocatePrefs = {};
    const code = normalizeCode(typeof value.code === 'string' ? value.code : undefined);
    if (code) prefs.code = code;
    if (typeof value.team === 'string' && isId(value.team)) prefs.team = value.team;
    if (value.teamChosen === true) prefs.teamChosen = true;
    if (typeof value.mentor === 'string' && isId(value.mentor)) prefs.mentor = value.mentor;
    if (typeof value.role === 'string' && isId(value.role)) prefs.role = value.role;
    const mastodon = normalizeHost(typeof value.mastodon === 'string' ? value.mastodon : undefined);
    if (mastodon) prefs.mastodon = mastodon;
    return prefs;
  } catch {
    return {};
  }
}

/**
 * What becomes of the code a link carries (`?ref=`): taken when the advocate
 * has none (`store`); only offered when they have another (`offer`), because a
 * colleague's link must never silently credit the colleague with their shares.
 */
export function codeFromLink(stored: string | undefined, carried: string | undefined): { store?: string; offer?: string } {
  if (!carried || carried === stored) return {};
  return stored ? { offer: carried } : { store: carried };
}

/**
 * What becomes of the team a link carries (`?team=`): stored when the
 * advocate has not chosen a team themselves (none yet, or one an earlier link
 * set); only offered when they chose another (or "every team"), so the
 * advocate's own choice is never silently replaced.
 */
export function teamFromLink(stored: Pick<AdvocatePrefs, 'team' | 'teamChosen'>, carried: string | undefined): { store?: string; offer?: string } {
  if (!carried || carried === stored.team) return {};
  return stored.teamChosen ? { offer: carried } : { store: carried };
}

/** `search` ("?a=1&b=2") without the parameters `names`; the others keep their bytes and their order. */
export function withoutParams(search: string, names: readonly string[]): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !names.includes(paramName(pair)));
  return kept.length ? `?${kept.join('&')}` : '';
}
