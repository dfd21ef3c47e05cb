/**
 * A track's steps complete themselves from what the advocate does elsewhere
 * in the hub: a module step when its quiz is passed (or a module without a
 * quiz is marked done), a guideline step when that guideline's page is opened
 * or the guidelines are acknowledged, a snippet step when it is shared. Tasks
 * and other steps stay manual. Manual ticks are kept as they are and count
 * too: nothing done automatically is ever written over them.
 * Pure, so the rules are tested without a browser.
 */
import { isId } from '../model/ids.ts';
import { ENTRY_REF_PATTERN } from '../model/collections.ts';
import { checklistProgress, type ChecklistProgress, type ChecklistState } from './onboarding.ts';

/** What the advocate did, as the hub's stores tell it. */
export interface PathEvidence {
  /** Modules passed (training progress). */
  passed: readonly string[];
  /** The current guidelines acknowledged. */
  acknowledged: boolean;
  /** Entries whose page was opened, as "collection/id". */
  opened: readonly string[];
  /** Snippets (and articles) shared, by id. */
  shared: readonly string[];
}

export const NO_EVIDENCE: PathEvidence = { passed: [], acknowledged: false, opened: [], shared: [] };

export type AutoReason = 'quiz' | 'acknowledged' | 'opened' | 'shared';

/** Why a step with `ref` counts as done without a tick, if it does; tasks (no ref) never do. */
export function autoDone(ref: string | undefined, evidence: PathEvidence): AutoReason | undefined {
  if (!ref) return undefined;
  const [collection, id = ''] = ref.split('/');
  switch (collection) {
    case 'training':
      return evidence.passed.includes(id) ? 'quiz' : undefined;
    case 'guidelines':
      return evidence.opened.includes(ref) ? 'opened' : evidence.acknowledged ? 'acknowledged' : undefined;
    case 'snippets':
      return evidence.shared.includes(id) ? 'shared' : undefined;
    default:
      return undefined;
  }
}

/** A step as islands know it: its stable key, its ref (none for a task), its words and page. */
export interface PathStep {
  key: string;
  ref?: string;
  label: string;
  href?: string;
}

export interface PathState extends ChecklistProgress {
  /** Keys of the steps done, ticked or automatically. */
  doneKeys: Set<string>;
  /** Steps done automatically, and why (a step ticked too is listed here as well). */
  auto: Map<string, AutoReason>;
  /** The first step not done yet. */
  next?: PathStep;
}

export function pathState(steps: readonly PathStep[], ticked: readonly string[] = [], evidence: PathEvidence = NO_EVIDENCE): PathState {
  const auto = new Map<string, AutoReason>();
  for (const step of steps) {
    const reason = autoDone(step.ref, evidence);
    if (reason) auto.set(step.key, reason);
  }
  const doneKeys = new Set([...ticked.filter((key) => steps.some((s) => s.key === key)), ...auto.keys()]);
  const progress = checklistProgress(
    steps.map((s) => s.key),
    [...doneKeys],
  );
  return { ...progress, doneKeys, auto, next: steps.find((s) => !doneKeys.has(s.key)) };
}

export interface TrackSummary {
  id: string;
  title: string;
  href: string;
  steps: PathStep[];
}

/**
 * The track to offer "Continue your path" for: the active one (the last one
 * opened) when it is not complete, otherwise the first track with a tick
 * that is not complete. A track nobody started is not offered.
 */
export function pathToContinue(
  tracks: readonly TrackSummary[],
  checklist: ChecklistState,
  evidence: PathEvidence,
  active: string | undefined,
): { track: TrackSummary; state: PathState } | undefined {
  const candidates = [...tracks.filter((t) => t.id === active), ...tracks.filter((t) => t.id !== active && (checklist[t.id]?.length ?? 0) > 0)];
  for (const track of candidates) {
    const state = pathState(track.steps, checklist[track.id], evidence);
    if (!state.complete) return { track, state };
  }
  return undefined;
}

/**
 * Whether pathToContinue can find a track at all: one is active or has a
 * tick. Until then the home and /start/ pages need no track to be fetched.
 */
export function mayContinue(checklist: ChecklistState, active: string | undefined): boolean {
  return active !== undefined || Object.values(checklist).some((ticks) => (ticks?.length ?? 0) > 0);
}

/** A step's page linked from its track: `?track=<id>` lets that page lead back. */
export function pathLink(href: string, track: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}track=${encodeURIComponent(track)}`;
}

/** The track a page was reached from, from its query. */
export function trackOfSearch(search: string): string | undefined {
  const id = new URLSearchParams(search).get('track');
  return isId(id) ? id : undefined;
}

/** Entries opened (`hub:opened`): a list of "collection/id", the newest last, at most MAX_OPENED. */
export const MAX_OPENED = 500;

export function parseOpened(raw: string | null): string[] {
  try {
    const value = JSON.parse(raw ?? '[]') as unknown;
    return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string' && v.length <= 200 && ENTRY_REF_PATTERN.test(v)))] : [];
  } catch {
    return [];
  }
}

export function withOpened(opened: readonly string[], ref: string): string[] {
  return [...opened.filter((r) => r !== ref), ref].slice(-MAX_OPENED);
}

/** The active track (`hub:active-track`): the last track opened or led back to. */
export function parseActiveTrack(raw: string | null): string | undefined {
  try {
    const value = JSON.parse(raw ?? 'null') as unknown;
    return isId(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
