/**
 * Loaded on every page by the layout (src/layouts/Base.astro): an advocate
 * code a link carries (`?ref=<code>`) is stored when the advocate has none,
 * never over another, and leaves the address bar (takeLinkRef).
 */
import { takeLinkRef } from './advocate-store.ts';

takeLinkRef();
