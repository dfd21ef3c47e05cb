/**
 * The advocate's visits (`hub:visits`, rules in src/lib/visits.ts): this page
 * view is recorded once, by whichever island asks first, and every island of
 * the page then compares with the same `since`. Remembered on
 * <html data-visit-since>, so islands bundled apart agree.
 */
import { VISITS_KEY, parseVisits, visitAt } from '../lib/visits.ts';
import { readItem } from './hub-storage.ts';

/** The last page view of the previous visit (ISO), or undefined during the first visit ever. */
export function visitSince(): string | undefined {
  const root = document.documentElement;
  if (root.dataset.visitSince === undefined) {
    const visits = visitAt(parseVisits(readItem(VISITS_KEY)), new Date());
    try {
      localStorage.setItem(VISITS_KEY, JSON.stringify(visits));
    } catch {
      /* storage disabled: every view is a first visit, so nothing is marked */
    }
    root.dataset.visitSince = visits.since ?? '';
  }
  return root.dataset.visitSince || undefined;
}
