/**
 * Loaded on every page by the layout (src/layouts/Base.astro): an advocate
 * code a link carries (`?ref=<code>`) is stored when the advocate has none,
 * never over another, and leaves the address bar (takeLinkRef); a page view
 * within a visit keeps the visit going (src/lib/visit-extend.ts).
 */
import { takeLinkRef } from './advocate-store.ts';
import { VISITS_KEY, extendedVisit } from '../lib/visit-extend.ts';

takeLinkRef();
try {
  const extended = extendedVisit(localStorage.getItem(VISITS_KEY), Date.now());
  if (extended) localStorage.setItem(VISITS_KEY, extended);
} catch {
  /* storage disabled */
}
