/**
 * "What's new for me": the advocate's visits as the browser remembers them
 * (`hub:visits`, src/client/visit-store.ts), and the marks a card gets from
 * them — "New", "Updated", "Expires in N days". Pure, so the rules are tested
 * without a browser.
 *
 * The visit rule. A visit is a run of page views with less than VISIT_GAP
 * between one and the next. The record keeps `seen` (the last page view) and
 * `since` (the last page view of the previous visit). Marks compare an
 * entry's dates with `since`, which stays put while the visit lasts: a "New"
 * mark does not vanish on the next page or a reload, only when the advocate
 * comes back after VISIT_GAP or more away, when `since` moves on to the end
 * of the visit that showed it. The first visit ever has no `since`: no marks,
 * no "new" flood.
 */
import { expiryInstant } from './publish.ts';
import { matchesTeam } from './onboarding.ts';

/** Its localStorage key. */
export const VISITS_KEY = 'hub:visits';
export const VISITS_VERSION = 1;
/** Away this long (or longer) between two page views, and the next one starts a new visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;
/** A snippet expiring within this many days gets "Expires in N days". */
export const EXPIRES_SOON_DAYS = 7;

const DAY = 24 * 60 * 60 * 1000;

export interface Visits {
  v: typeof VISITS_VERSION;
  /** The last page view (ISO instant). */
  seen: string;
  /** The last page view of the previous visit (ISO instant): what is newer is "New". Absent during the first visit. */
  since?: string;
}

function instant(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

/** The stored record, or undefined when there is none or it cannot be read (then the next view is a first visit). */
export function parseVisits(raw: string | null): Visits | undefined {
  try {
    const value = JSON.parse(raw ?? 'null') as { v?: unknown; seen?: unknown; since?: unknown } | null;
    const seen = instant(value?.seen);
    if (value?.v !== VISITS_VERSION || !seen) return undefined;
    const since = instant(value.since);
    return since ? { v: VISITS_VERSION, seen, since } : { v: VISITS_VERSION, seen };
  } catch {
    return undefined;
  }
}

/**
 * The record after a page view at `now`. A view within VISIT_GAP of the last
 * one continues the visit (`since` unchanged); a later one starts a new visit
 * whose `since` is the last view of the one before. A clock that went back
 * continues the visit and keeps the later `seen`.
 */
export function visitAt(previous: Visits | undefined, now: Date): Visits {
  const at = now.toISOString();
  if (!previous) return { v: VISITS_VERSION, seen: at };
  const last = Date.parse(previous.seen);
  const away = now.getTime() - last;
  if (away >= VISIT_GAP_MS) return { v: VISITS_VERSION, seen: at, since: previous.seen };
  const seen = away < 0 ? previous.seen : at;
  return previous.since ? { v: VISITS_VERSION, seen, since: previous.since } : { v: VISITS_VERSION, seen };
}

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
