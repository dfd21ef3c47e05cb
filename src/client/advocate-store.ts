/**
 * The advocate's preferences in localStorage (browser only). Every island
 * reads and writes them here, so a code set on an onboarding link is the code
 * the share panel sends.
 */
import { type AdvocatePrefs, parseStoredPrefs, presetsFromUrl } from '../lib/advocate.ts';

export const STORAGE_KEY = 'hub:advocate';

export function readPrefs(): AdvocatePrefs {
  try {
    return parseStoredPrefs(localStorage.getItem(STORAGE_KEY));
  } catch {
    return {}; // storage disabled: the hub still works, it just forgets
  }
}

export function writePrefs(patch: Partial<AdvocatePrefs>): AdvocatePrefs {
  const next: AdvocatePrefs = { ...readPrefs(), ...patch };
  for (const key of Object.keys(next) as (keyof AdvocatePrefs)[]) if (!next[key]) delete next[key];
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    /* storage disabled */
  }
  document.dispatchEvent(new CustomEvent('hub:prefs', { detail: next }));
  return next;
}

/** Stores what the current URL presets (?ref, ?team, ?mentor) and returns the result. */
export function applyUrlPresets(known: Parameters<typeof presetsFromUrl>[1] = {}): AdvocatePrefs {
  const presets = presetsFromUrl(location.search, known);
  return Object.keys(presets).length ? writePrefs(presets) : readPrefs();
}
