/**
 * The marks of "What's new for me" on cards and on the home page: "New" and
 * "Updated" since the last visit (`since`, src/lib/visits.ts), and "Expires
 * in N days" counted at view time. Pure, so they are tested without a browser.
 */
import { expiryInstant } from './publish.ts';
import { matchesTeam } from './onboarding.ts';

/** A snippet expiring within this many days gets "Expires in N days". */
export const EXPIRES_SOON_DAYS = 7;

const DAY = 24 * 60 * 60 * 1000;

/** An entry's dates as a card carries them (ISO instants; a bare date is midnight UTC). */
export interface EntryDates {
  published?: string;
  updated?: string;
}

/**
 * "new" when the entry was published after `since`, "updated" when only its
 * update is newer; nothing during a first visit (`since` undefined) or for an
 * entry without dates.
 */
export function freshness({ published, updated }: EntryDates, since: string | undefined): 'new' | 'updated' | undefined {
  if (!since) return undefined;
  const after = (date?: string) => date !== undefined && Date.parse(date) > Date.parse(since);
  if (after(published)) return 'new';
  if (after(updated)) return 'updated';
  return undefined;
}

export type ExpiryNote = { kind: 'expired' } | { kind: 'soon'; days: number };

/**
 * What to say about an entry that expires at `expires` (ISO), seen at `now`:
 * `expired` when it is past (the page was built before), `soon` with the
 * calendar days until its last day (0 today, 1 tomorrow) when that is within
 * EXPIRES_SOON_DAYS, otherwise nothing. A bare date keeps its whole day
 * (src/lib/publish.ts) and that day is the date as written; a date and time
 * ends at that instant, whose day is the reader's. `zoneOffset` is the
 * reader's `getTimezoneOffset()` in minutes (UTC minus local).
 */
export function expiryNote(expires: string, now: Date, zoneOffset = now.getTimezoneOffset()): ExpiryNote | undefined {
  const date = new Date(expires);
  if (Number.isNaN(date.getTime())) return undefined;
  const end = expiryInstant(date).getTime();
  if (now.getTime() >= end) return { kind: 'expired' };
  const local = (ms: number) => Math.floor((ms - zoneOffset * 60_000) / DAY);
  const isBareDate = date.getTime() % DAY === 0;
  const lastDay = isBareDate ? date.getTime() / DAY : local(end - 1);
  const days = Math.max(0, lastDay - local(now.getTime()));
  return days <= EXPIRES_SOON_DAYS ? { kind: 'soon', days } : undefined;
}

/** An entry the home page's "New for <team> since <date>" line may count. */
export interface NewsItem extends EntryDates {
  /** The teams a snippet is for ("all" for everyone); absent for entries every advocate reads. */
  teams?: readonly string[];
}

/** Whether `item` counts for `team` (no team: every item; a snippet for "all" counts for every team). */
export function isForTeam(item: NewsItem, team: string | undefined): boolean {
  return !item.teams || matchesTeam(item.teams, team);
}

/** Per item, its mark for the advocate of `team` since `since` (undefined: not counted). */
export function newsFor(items: readonly NewsItem[], team: string | undefined, since: string | undefined): ('new' | 'updated' | undefined)[] {
  return items.map((item) => (isForTeam(item, team) ? freshness(item, since) : undefined));
}
