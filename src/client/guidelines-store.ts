/** The guidelines acknowledgement in localStorage (browser only); parsing is in src/lib/guidelines-ack.ts. */
import { type Acknowledgement, parseAcknowledgement } from '../lib/guidelines-ack.ts';
import { readItem, writeItem } from './hub-storage.ts';

export const GUIDELINES_KEY = 'hub:guidelines';

export const readAcknowledgement = (): Acknowledgement | undefined => parseAcknowledgement(readItem(GUIDELINES_KEY));
export const writeAcknowledgement = (ack: Acknowledgement | undefined): void => writeItem(GUIDELINES_KEY, ack);
