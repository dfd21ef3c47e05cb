/** Dates as readers see them. Content dates are UTC days, so formatting is in UTC too. */

// A formatter costs far more to create than to use, and every page shows dates: one per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, style: 'long' | 'medium' | 'short'): Intl.DateTimeFormat {
  const key = `${lang}\u0000${style}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' })));
  return format;
}

export function formatDate(date: Date, lang: string, style: 'long' | 'medium' | 'short' = 'medium'): string {
  return formatter(lang, style).format(date);
}

/** `2026-11-01`, for `<time datetime>`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatRange(start: Date, end: Date, lang: string): string {
  return formatter(lang, 'medium').formatRange(start, end);
}
