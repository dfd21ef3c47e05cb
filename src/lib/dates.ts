/** Dates as readers see them. Content dates are UTC days, so formatting is in UTC too. */

export function formatDate(date: Date, lang: string, style: 'long' | 'medium' | 'short' = 'medium'): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/** `2026-11-01`, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatRange(start: Date, end: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(start, end);
}
