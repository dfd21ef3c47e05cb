/**
 * What a track's steps complete themselves from, read from the hub's stores
 * (browser only): quiz passes (progress-store), the acknowledgement
 * (guidelines-store), pages opened and the active track (kept here), shares
 * (written by the share panel through share-store; read here straight from
 * storage, so the snippet page's share-store stays its own chunk). The rules
 * are pure, in src/lib/track-progress.ts.
 */
import { isAcknowledged } from '../lib/guidelines-ack.ts';
import { type PathEvidence, parseActiveTrack, parseOpened, withOpened } from '../lib/track-progress.ts';
import { readAcknowledgement } from './guidelines-store.ts';
import { readItem, writeItem } from './hub-storage.ts';
import { readTraining } from './progress-store.ts';
import { SHARED_KEY, parseSharedItems } from '../lib/share/shared-items.ts';

export const OPENED_KEY = 'hub:opened';
export const ACTIVE_TRACK_KEY = 'hub:active-track';

export const readOpened = (): string[] => parseOpened(readItem(OPENED_KEY));
/** The page of `ref` ("collection/id") was opened; written only when it is new, so a reload does not wake other tabs. */
export function recordOpened(ref: string): void {
  const opened = readOpened();
  if (!opened.includes(ref)) writeItem(OPENED_KEY, withOpened(opened, ref));
}

export const readActiveTrack = (): string | undefined => parseActiveTrack(readItem(ACTIVE_TRACK_KEY));
export function writeActiveTrack(id: string): void {
  if (readActiveTrack() !== id) writeItem(ACTIVE_TRACK_KEY, id);
}

/** Everything a track's steps complete themselves from; `guidelinesVersion` is the published guidelines' (an older acknowledgement does not count). */
export function readEvidence(guidelinesVersion: string | undefined): PathEvidence {
  const training = readTraining();
  return {
    passed: Object.keys(training).filter((id) => training[id]!.passed),
    acknowledged: guidelinesVersion !== undefined && isAcknowledged(readAcknowledgement(), guidelinesVersion),
    opened: readOpened(),
    shared: Object.keys(parseSharedItems(readItem(SHARED_KEY)).items),
  };
}
