/**
 * Loaded on every page by the layout (src/layouts/Base.astro): an advocate
 * code a link carries (`?ref=<code>`) is stored when the advocate has none,
 * never over another, and leaves the address bar (takeLinkRef); a page view
 * within a visit keeps the visit going (visit-extend.ts).
 */
import { takeLinkRef } from './advocate-store.ts';
import { keepVisitGoing } from './visit-extend.ts';

takeLinkRef();
keepVisitGoing(Date.now());
