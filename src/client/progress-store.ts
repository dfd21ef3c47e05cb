/**
 * Learning progress in localStorage (browser only): quiz results and track
 * checklists (the guidelines acknowledgement is in guidelines-store.ts).
 * Parsing and updating are pure functions in src/lib; this file only reads
 * and writes, and tells the other islands on the page (event `hub:progress`).
 */
import { type ChecklistState, parseChecklist } from '../lib/onboarding.ts';
import { type TrainingProgress, parseTrainingProgress } from '../lib/training-progress.ts';
import { readItem, writeItem } from './hub-storage.ts';

export { onProgressChange } from './hub-storage.ts';

export const TRAINING_KEY = 'hub:training';
export const CHECKLIST_KEY = 'hub:onboarding';

export const readTraining = (): TrainingProgress => parseTrainingProgress(readItem(TRAINING_KEY));
export const writeTraining = (progress: TrainingProgress): void => writeItem(TRAINING_KEY, progress);

export const readChecklist = (): ChecklistState => parseChecklist(readItem(CHECKLIST_KEY));
export const writeChecklist = (state: ChecklistState): void => writeItem(CHECKLIST_KEY, state);
