/**
 * Learning progress in localStorage (browser only): quiz results, track
 * checklists and the guidelines acknowledgement. Parsing and updating are
 * pure functions in src/lib; this file only reads and writes, and tells the
 * other islands on the page (event `hub:progress`).
 */
import { type Acknowledgement, parseAcknowledgement } from '../lib/guidelines-ack.ts';
import { type ChecklistState, parseChecklist } from '../lib/onboarding.ts';
import { type TrainingProgress, parseTrainingProgress } from '../lib/training-progress.ts';

export const TRAINING_KEY = 'hub:training';
export const CHECKLIST_KEY = 'hub:onboarding';
export const GUIDELINES_KEY = 'hub:guidelines';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the hub still works, it just forgets
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage disabled */
  }
  document.dispatchEvent(new CustomEvent('hub:progress', { detail: { key } }));
}

export const readTraining = (): TrainingProgress => parseTrainingProgress(read(TRAINING_KEY));
export const writeTraining = (progress: TrainingProgress): void => write(TRAINING_KEY, progress);

export const readChecklist = (): ChecklistState => parseChecklist(read(CHECKLIST_KEY));
export const writeChecklist = (state: ChecklistState): void => write(CHECKLIST_KEY, state);

export const readAcknowledgement = (): Acknowledgement | undefined => parseAcknowledgement(read(GUIDELINES_KEY));
export const writeAcknowledgement = (ack: Acknowledgement | undefined): void => write(GUIDELINES_KEY, ack);

/** Calls `update` now, when another island changes progress or prefs, and when another tab does. */
export function onProgressChange(update: () => void): void {
  document.addEventListener('hub:progress', update);
  document.addEventListener('hub:prefs', update);
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith('hub:')) update();
  });
  update();
}
