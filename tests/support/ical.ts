/** Reading iCalendar back with node-ical, a real parser, the way a calendar app would. */
import ical, { type VEvent } from 'node-ical';

export function parseEvents(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

/** `YYYY-MM-DD` of a parsed date: node-ical gives all-day dates as local midnight. */
export function dayOf(date: Date & { dateOnly?: true }): string {
  if (!date.dateOnly) return date.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A text property, with or without parameters. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (value as { val: string }).val;
}
