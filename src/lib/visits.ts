/**
 * "What's new for me": the advocate's visits as the browser remembers them
 * (`hub:visits`): pages with cards record a page view through
 * src/client/visit-store.ts; every page keeps a visit going through
 * src/client/visit-extend.ts; the marks a card gets are in fresh-marks.ts. Pure, so the
 * rule is tested without a browser.
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

/** Its localStorage key. */
export const VISITS_KEY = 'hub:visits';
/** Away this long (or longer) between two page views, and the next one starts a new visit. Also in src/client/visit-extend.ts. */
export const VISIT_GAP_MS = 30 * 60 * 1000;
export const VISITS_VERSION = 1;

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
