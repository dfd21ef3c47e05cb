/**
 * What the browser remembers about an advocate, and how links preset it:
 * `?ref=<code>` (attribution, sent as utm_content), `?team=<team>` (default
 * snippet filter) and `?mentor=<person>` (onboarding). Pure, so it is tested
 * without a browser; src/scripts/advocate-store.ts keeps it in localStorage.
 */

export interface AdvocatePrefs {
  /** Attribution code, sent as utm_content. */
  code?: string;
  /** The advocate's team: snippet lists default to it. */
  team?: string;
  /** The mentor chosen on an onboarding link. */
  mentor?: string;
  /** The advocate's own Mastodon instance host. */
  mastodon?: string;
  /** The advocacy role the learner trains for (listener, curator, commenter, creator): the completion badge counts its modules. */
  role?: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** An advocate code as typed or linked, or undefined when it cannot be one (it ends up in URLs). */
export function normalizeCode(value: string | null | undefined): string | undefined {
  const code = value?.trim();
  return code && CODE.test(code) ? code : undefined;
}

/** A Mastodon host from what an advocate types: "mastodon.social", "@me@hachyderm.io" or a URL. */
export function normalizeInstance(value: string | null | undefined): string | undefined {
  let text = value?.trim().toLowerCase() ?? '';
  if (!text) return undefined;
  if (/^https?:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return undefined;
    }
  }
  text = text.replace(/^@?[^@]*@/, '').replace(/\/.*$/, '');
  return HOST.test(text) ? text : undefined;
}

/**
 * The presets an incoming link carries, checked against what exists
 * (`teams`, `mentors`); unknown values are ignored rather than stored.
 */
export function presetsFromUrl(search: string, known: { teams?: readonly string[]; mentors?: readonly string[] } = {}): AdvocatePrefs {
  const params = new URLSearchParams(search);
  const prefs: AdvocatePrefs = {};
  const code = normalizeCode(params.get('ref'));
  if (code) prefs.code = code;
  const team = params.get('team')?.trim();
  if (team && ID.test(team) && (!known.teams || known.teams.includes(team))) prefs.team = team;
  const mentor = params.get('mentor')?.trim();
  if (mentor && ID.test(mentor) && (!known.mentors || known.mentors.includes(mentor))) prefs.mentor = mentor;
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
    if (typeof value.team === 'string' && ID.test(value.team)) prefs.team = value.team;
    if (typeof value.mentor === 'string' && ID.test(value.mentor)) prefs.mentor = value.mentor;
    if (typeof value.role === 'string' && ID.test(value.role)) prefs.role = value.role;
    const mastodon = normalizeInstance(typeof value.mastodon === 'string' ? value.mastodon : undefined);
    if (mastodon) prefs.mastodon = mastodon;
    return prefs;
  } catch {
    return {};
  }
}
