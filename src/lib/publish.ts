/**
 * The one publish filter. Every route, list, feed, card and the search index
 * ask `isPublished`, so draft, scheduled and expired entries never reach dist/.
 */

export interface Publishable {
  draft?: boolean;
  /** Not published before this instant (a date means from midnight UTC). */
  publish?: Date;
  /** Articles: the publication date doubles as the publish date. */
  published?: Date;
  /** Not published after this date; a date (midnight UTC) keeps the whole day. */
  expires?: Date;
}

const DAY = 24 * 60 * 60 * 1000;

/** The first instant at which an entry no longer shows. A bare date keeps its whole day. */
export function expiryInstant(expires: Date): Date {
  const isBareDate = expires.getTime() % DAY === 0;
  return isBareDate ? new Date(expires.getTime() + DAY) : expires;
}

export function isPublished(entry: Publishable, now: Date): boolean {
  return unpublishedReason(entry, now) === undefined;
}

/** Why an entry is not published (for reports), or undefined when it is. */
export function unpublishedReason(entry: Publishable, now: Date): 'draft' | 'scheduled' | 'expired' | undefined {
  if (entry.draft) return 'draft';
  const start = entry.publish ?? entry.published;
  if (start && start.getTime() > now.getTime()) return 'scheduled';
  if (entry.expires && now.getTime() >= expiryInstant(entry.expires).getTime()) return 'expired';
  return undefined;
}

export class InvalidNowError extends Error {}

/**
 * The instant the build publishes for: now, or `HUB_NOW` (YYYY-MM-DD, or an
 * ISO datetime) to preview a future day or to pin tests to a date.
 */
export function resolveNow(hubNow: string | undefined, clock: () => Date = () => new Date()): Date {
  if (hubNow === undefined || hubNow.trim() === '') return clock();
  const text = hubNow.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  const valid = !Number.isNaN(date.getTime()) && (!/^\d{4}-\d{2}-\d{2}$/.test(text) || date.toISOString().startsWith(text));
  if (!valid) throw new InvalidNowError(`HUB_NOW is "${hubNow}"; expected a date as YYYY-MM-DD (e.g. HUB_NOW=2027-01-15) or an ISO datetime`);
  return date;
}
