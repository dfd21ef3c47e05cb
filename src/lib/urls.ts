/** Every URL the hub links to is built here, so routes and links cannot drift apart. */
import { ROUTE_OF, type CollectionName } from '../model/collections.ts';

const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** A path inside the hub, with the deployment's base path: `path('search/')` → `/hub/search/`. */
export function path(relative = ''): string {
  return `${BASE}${relative.replace(/^\/+/, '')}`;
}

/**
 * The entry whose page is at `pathname` (`/hub/share/<id>/`, with or without
 * the base path and the last slash), or undefined for any other page.
 */
export function entryOfPath(pathname: string, base = BASE): { collection: CollectionName; id: string } | undefined {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const match = /^([^/]+)\/([^/]+)\/?$/.exec(rest);
  const collection = match && COLLECTION_AT.get(match[1]!);
  return collection ? { collection, id: decodeURIComponent(match[2]!) } : undefined;
}
const COLLECTION_AT = new Map(Object.entries(ROUTE_OF).map(([collection, route]) => [route, collection as CollectionName]));

/** The index page of a collection. */
export function collectionPath(collection: CollectionName): string {
  return path(`${ROUTE_OF[collection]}/`);
}

/** The page of one entry. */
export function entryPath(collection: CollectionName, id: string): string {
  return path(`${ROUTE_OF[collection]}/${id}/`);
}

/**
 * An address from content, for an href: as the URL Standard serialises it, which percent-encodes what a
 * URL may not hold as written (`"`, `<`, `>` and `'` in a query, a space in a fragment) without changing
 * where it leads. Content may write them (the page escapes them as text); an attribute gets a valid URL.
 */
export function webHref(address: string): string {
  return new URL(address).href;
}

/** An absolute URL on the hub's site (canonical links, feeds, cards). */
export function absolute(pathname: string, site: string | URL): string {
  return new URL(pathname, site).href;
}

/** `collection/id` as written in track steps. */
export function parseRef(ref: string): { collection: CollectionName; id: string } {
  const [collection, id] = ref.split('/') as [CollectionName, string];
  return { collection, id };
}

/** The impact page: visits and conversions from advocacy links. */
export function impactPath(): string {
  return path('impact/');
}

/** /you/: what this browser keeps about the advocate, and the link that takes it to another device. */
export function youPath(): string {
  return path('you/');
}

/** The QR code (SVG) of a track's onboarding link. */
export function trackQrPath(id: string): string {
  return path(`${ROUTE_OF.tracks}/${id}/qr.svg`);
}

/** The content calendar page and its iCalendar feed. */
export function calendarPath(): string {
  return path('calendar/');
}

export function calendarFeedPath(): string {
  return path('calendar.ics');
}

/** A weekly digest's page: `/digest/` for everyone ("all"), `/digest/<team>/` for a team. */
export function digestPath(team: string): string {
  return path(team === 'all' ? 'digest/' : `digest/${team}/`);
}

/** A digest's data, which the senders read from dist/: `/digest/<team>.json` ("all" for everyone). */
export function digestJsonPath(team: string): string {
  return path(`digest/${team}.json`);
}

/** The list of this week's digests, `/digest.json`. */
export const DIGEST_INDEX = 'digest.json';

/** A feed of snippets: `/feeds/<id>.xml` (RSS) or `.json` (JSON Feed); id `snippets`, `team-<id>` or `topic-<id>`. */
export function feedPath(id: string, format: 'xml' | 'json'): string {
  return path(`feeds/${id}.${format}`);
}

/** "Get updates": the digest, the feeds and the calendar in one place. */
export function updatesPath(): string {
  return path('updates/');
}

/** The share card of an entry: `/og/<collection>/<id>.png` (part of the content model). */
export function cardPath(collection: CollectionName, id: string): string {
  return path(`og/${collection}/${id}.png`);
}

/**
 * A small picture of an entry's card (288 px wide, the size search results show it at
 * on high-density screens): `/og/<collection>/<id>.thumb.png`, written by `astro build`.
 */
export function cardThumbPath(collection: CollectionName, id: string): string {
  return path(`og/${collection}/${id}.thumb.png`);
}

/** The hub's own share card, for the home page, index pages and anything without an entry card. */
export function hubCardPath(): string {
  return path('og/hub.png');
}

/** The share feed's index (content model), the JSON Schema published beside it, and its pages. */
export const SHARE_FEED = 'snippets.json';
export const SHARE_FEED_SCHEMA = 'snippets.schema.json';
export function shareFeedPagePath(page: number): string {
  return path(`snippets/${page}.json`);
}

/** The search page, optionally with a query: `searchPath('heat pump')` → `/search/?q=heat+pump`. */
export function searchPath(query?: string): string {
  return query ? `${path('search/')}?${new URLSearchParams({ q: query })}` : path('search/');
}

/** The folder of dist/ the search index and Pagefind's search API (pagefind.js) are written to. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** A file of the search bundle (the index, pagefind.js): `searchBundlePath('pagefind.js')`. */
export function searchBundlePath(file = ''): string {
  return path(`${SEARCH_BUNDLE_DIR}/${file}`);
}
