/**
 * The content calendar: campaigns (first to last day) and dated snippets
 * (the day they become available, their last day), grouped by month for
 * /calendar/ and written as iCalendar for /calendar.ics. Pure: callers pass
 * entries that already went through the publish filter.
 */
import ical from 'ical-generator';
import { expiryInstant } from './publish.ts';

const DAY = 24 * 60 * 60 * 1000;

export type CalendarKind = 'campaign' | 'available' | 'last-day';

export interface CalendarItem {
  /** Stable across builds: the same entry keeps its UID, so subscribed calendars update instead of duplicating. */
  uid: string;
  kind: CalendarKind;
  collection: 'campaigns' | 'snippets';
  id: string;
  title: string;
  /** Campaign summary. */
  summary?: string;
  /** First day (midnight UTC). */
  first: Date;
  /** Last day, inclusive (midnight UTC). */
  last: Date;
}

export interface CalendarInput {
  campaigns: readonly { id: string; data: { title: string; summary: string; starts: Date; ends: Date } }[];
  snippets: readonly { id: string; data: { title: string; publish?: Date; expires?: Date } }[];
}

/** Midnight UTC of the day `date` falls on. Content dates are UTC days. */
export function utcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY) * DAY);
}

/** The last day an entry is shown: the expiry date itself, or the day of an exact expiry instant. */
export function lastDay(expires: Date): Date {
  return utcDay(new Date(expiryInstant(expires).getTime() - 1));
}

const KIND_RANK: Record<CalendarKind, number> = { campaign: 0, available: 1, 'last-day': 2 };

function compareItems(a: CalendarItem, b: CalendarItem): number {
  return a.first.getTime() - b.first.getTime() || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid);
}

export function calendarItems({ campaigns, snippets }: CalendarInput): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const { id, data } of campaigns) {
    const first = utcDay(data.starts);
    const last = utcDay(data.ends);
    items.push({
      uid: `campaign-${id}`,
      kind: 'campaign',
      collection: 'campaigns',
      id,
      title: data.title,
      summary: data.summary,
      first,
      last: last < first ? first : last,
    });
  }
  for (const { id, data } of snippets) {
    if (data.publish) {
      const day = utcDay(data.publish);
      items.push({ uid: `snippet-${id}-available`, kind: 'available', collection: 'snippets', id, title: data.title, first: day, last: day });
    }
    if (data.expires) {
      const day = lastDay(data.expires);
      items.push({ uid: `snippet-${id}-last-day`, kind: 'last-day', collection: 'snippets', id, title: data.title, first: day, last: day });
    }
  }
  return items.sort(compareItems);
}

export interface CalendarMonth {
  /** `2026-11`, usable as an anchor. */
  key: string;
  /** First day of the month (midnight UTC). */
  start: Date;
  /** Items on any day of the month: a campaign shows in every month it runs. */
  items: CalendarItem[];
}

/** `2026-11` for a date. */
export function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The months that have something on, in order, each with the items overlapping it. */
export function calendarMonths(items: readonly CalendarItem[]): CalendarMonth[] {
  const months = new Map<string, CalendarMonth>();
  for (const item of items) {
    let cursor = new Date(Date.UTC(item.first.getUTCFullYear(), item.first.getUTCMonth(), 1));
    while (cursor <= item.last) {
      const key = monthKey(cursor);
      if (!months.has(key)) months.set(key, { key, start: cursor, items: [] });
      months.get(key)!.items.push(item);
      cursor = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    }
  }
  return [...months.values()].sort((a, b) => a.start.getTime() - b.start.getTime()).map((m) => ({ ...m, items: [...m.items].sort(compareItems) }));
}

export interface IcsOptions {
  /** Calendar name shown by calendar apps. */
  name: string;
  description?: string;
  /** The hub's absolute site URL; its host makes UIDs globally unique. */
  site: string;
  /** The organisation and product for PRODID. */
  organization: string;
  /** DTSTAMP of every event: the build instant. */
  now: Date;
  /** The absolute URL of an item's page. */
  url(item: CalendarItem): string;
  /** The event title. */
  summary(item: CalendarItem): string;
  /** The event description. Default: the campaign summary, if any. */
  eventDescription?(item: CalendarItem): string | undefined;
}

/**
 * RFC 5545 text: one all-day VEVENT per item (DTEND is exclusive, so it is
 * the day after the last day), with a stable UID, an absolute URL, and a
 * refresh hint of one day since the hub is rebuilt daily.
 */
export function calendarIcs(items: readonly CalendarItem[], options: IcsOptions): string {
  const host = new URL(options.site).host;
  const calendar = ical({
    name: options.name,
    prodId: { company: options.organization, product: 'Advocacy hub', language: 'EN' },
    url: options.site,
    ttl: 24 * 60 * 60,
    ...(options.description ? { description: options.description } : {}),
  });
  for (const item of items) {
    const description = options.eventDescription ? options.eventDescription(item) : item.summary;
    calendar.createEvent({
      id: `${item.uid}@${host}`,
      start: item.first,
      end: new Date(item.last.getTime() + DAY),
      allDay: true,
      stamp: options.now,
      summary: options.summary(item),
      url: options.url(item),
      ...(description ? { description } : {}),
    });
  }
  // RFC 5545 ends every content line, the last included, with CRLF; ical-generator 11 leaves the last one bare.
  return `${calendar.toString()}\r\n`;
}
