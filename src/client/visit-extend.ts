/**
 * The part of the visit rule (src/lib/visits.ts) that every page runs, entry
 * pages included: a page view within VISIT_GAP of the last one moves `seen`
 * on, so a visit lasts while the advocate reads a snippet or an article; it
 * never starts a visit (pages with cards do, through visitAt). Apart and
 * small, because the snippet page loads it (its JavaScript has a budget).
 */

/**
 * The key and the gap of src/lib/visits.ts, written again here: importing them
 * would make the bundler split them into a chunk of their own, loaded by every
 * page (about 190 B more on the snippet page). tests/unit/visits.test.ts holds
 * the two copies equal.
 */
export const VISITS_KEY = 'hub:visits';
export const VISIT_GAP_MS = 30 * 60 * 1000;

/**
 * Moves the stored record's `seen` on to `now` when `now` continues its visit;
 * otherwise (30 minutes or more away, a clock gone back, nothing or nonsense
 * stored, storage disabled) leaves it for the next page with cards. `storage`
 * is the browser's localStorage unless a test hands in another.
 */
export function keepVisitGoing(now: number, storage?: Pick<Storage, 'getItem' | 'setItem'>): void {
  try {
    const store = storage ?? localStorage;
    // null or text that is not JSON throws here, and is left alone.
    const visits = JSON.parse(store.getItem(VISITS_KEY)!) as { v: unknown; seen: string };
    const away = now - Date.parse(visits.seen);
    if (visits.v === 1 && away >= 0 && away < VISIT_GAP_MS) {
      visits.seen = new Date(now).toISOString();
      store.setItem(VISITS_KEY, JSON.stringify(visits));
    }
  } catch {
    /* see above */
  }
}
