/**
 * What an incoming link presets (`?team=`, `?mentor=`), and how a link's team
 * meets the team the advocate chose; kept by src/client/link-presets.ts. A
 * module of its own, not in advocate.ts, so the snippet page, which loads
 * advocate.ts and reads no link's team or mentor, does not load it.
 */
import type { AdvocatePrefs } from './advocate.ts';
import { isId, normalizeCode } from '../model/ids.ts';

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
