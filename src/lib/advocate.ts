/**
 * What the browser remembers about an advocate, and how a link's code
 * (`?ref=<code>`, attribution, sent as utm_content) is taken; `?team=` and
 * `?mentor=` are read in link-presets.ts. Pure, so it is tested without a
 * browser; src/client/advocate-store.ts keeps it in localStorage.
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

/** `search` ("?a=1&b=2") without the parameters `names`; the others keep their bytes and their order. */
export function withoutParams(search: string, names: readonly string[]): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !names.includes(paramName(pair)));
  return kept.length ? `?${kept.join('&')}` : '';
}
