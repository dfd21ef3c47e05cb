/**
 * Onboarding: the link a manager sends (`/start/<track>/?mentor=&team=&ref=`),
 * the checklist of a track kept in the browser, and the team filter of
 * snippet lists. Pure, so it is tested without a browser.
 */
import { isId, normalizeCode } from '../model/ids.ts';
import { withoutParams } from './advocate.ts';

export interface OnboardingChoice {
  mentor?: string;
  team?: string;
  /** The new advocate's attribution code. */
  ref?: string;
}

/**
 * The onboarding link of a track: its URL with `mentor` (only when it is not
 * the track's own mentor), `team` and `ref` (only a valid code), in the
 * order of the content model.
 */
export function onboardingLink(trackUrl: string, choice: OnboardingChoice, defaults: { mentor?: string } = {}): string {
  const url = new URL(trackUrl, 'http://relative.invalid');
  for (const key of ['mentor', 'team', 'ref']) url.searchParams.delete(key);
  if (choice.mentor && choice.mentor !== defaults.mentor) url.searchParams.set('mentor', choice.mentor);
  if (choice.team) url.searchParams.set('team', choice.team);
  const ref = normalizeCode(choice.ref);
  if (ref) url.searchParams.set('ref', ref);
  return url.origin === 'http://relative.invalid' ? `${url.pathname}${url.search}${url.hash}` : url.href;
}

/** The query without the presets an onboarding link carries, once they are stored (a code is personal: it should not be passed on by copying the address). */
export function withoutPresets(search: string): string {
  return withoutParams(search, ['mentor', 'team', 'ref']);
}

/** The mentor to show on a track: the advocate's chosen one when it is a mentor, otherwise the track's. */
export function chosenMentor(stored: string | undefined, trackDefault: string | undefined, mentors: readonly string[]): string | undefined {
  return stored && mentors.includes(stored) ? stored : trackDefault;
}

// --- The checklist of a track ---------------------------------------------

export interface StepLike {
  ref?: string;
  task?: string;
}

/**
 * A stable key for each step, so ticks survive reordering and edits of other
 * steps: the ref, or the task's words; a repeated step gets `#2`, `#3`.
 */
export function stepKeys(steps: readonly StepLike[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const base = step.ref
      ? `ref:${step.ref}`
      : `task:${(step.task ?? '')
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 80)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Track id → keys of the steps ticked off. */
export type ChecklistState = Record<string, string[]>;

export function parseChecklist(raw: string | null): ChecklistState {
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const state: ChecklistState = {};
    for (const [track, keys] of Object.entries(value as Record<string, unknown>)) {
      if (!isId(track) || !Array.isArray(keys)) continue;
      state[track] = [...new Set(keys.filter((k): k is string => typeof k === 'string' && k.length > 0 && k.length <= 200))];
    }
    return state;
  } catch {
    return {};
  }
}

export function setStepDone(state: ChecklistState, track: string, key: string, done: boolean): ChecklistState {
  const keys = new Set(state[track] ?? []);
  if (done) keys.add(key);
  else keys.delete(key);
  return { ...state, [track]: [...keys] };
}

export interface ChecklistProgress {
  done: number;
  total: number;
  complete: boolean;
}

/** Progress over the steps a track has now; ticks of steps since removed do not count. */
export function checklistProgress(keys: readonly string[], ticked: readonly string[] = []): ChecklistProgress {
  const set = new Set(ticked);
  const done = keys.filter((key) => set.has(key)).length;
  return { done, total: keys.length, complete: keys.length > 0 && done === keys.length };
}

// --- The team filter of snippet lists ---------------------------------------

/** A snippet is for a team when it names that team or "all"; no team (or "all") shows everything. */
export function matchesTeam(snippetTeams: readonly string[], team: string | undefined): boolean {
  return !team || team === 'all' || snippetTeams.includes('all') || snippetTeams.includes(team);
}

/** Which items of a list show for `team`: the matching ones, at most `limit` of them. */
export function visibleItems(itemTeams: readonly (readonly string[])[], team: string | undefined, limit = Infinity): boolean[] {
  let shown = 0;
  return itemTeams.map((teams) => {
    const show = shown < limit && matchesTeam(teams, team);
    if (show) shown += 1;
    return show;
  });
}
