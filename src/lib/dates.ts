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

/** A range as readers see it, cut where the start date ends and the end date begins. */
export interface RangeText {
  /** "Oct 12": the start's own parts and the shared parts before them. */
  start: string;
  /** " – ", or whatever the language puts between. */
  separator: string;
  /** "16, 2026": the end's own parts and the shared parts after them. */
  end: string;
}

/**
 * formatRange's text in three pieces, so that each date can sit in a `<time>` of its own:
 * HTML has no `datetime` value for a range of days ("2026-10-12/2026-10-16" is invalid).
 * The pieces joined are formatRange's text. Undefined for a range within one day, which
 * the language writes as one date; a language that would put the end first gets both dates
 * written out in order.
 */
export function rangeText(start: Date, end: Date, lang: string, style: 'long' | 'medium' | 'short' = 'medium'): RangeText | undefined {
  const parts = formatter(lang, style).formatRangeToParts(start, end);
  const lastStart = parts.findLastIndex((part) => part.source === 'startRange');
  const firstEnd = parts.findIndex((part) => part.source === 'endRange');
  if (firstEnd < 0) return undefined;
  if (firstEnd <= lastStart) return { start: formatDate(start, lang, style), separator: ' – ', end: formatDate(end, lang, style) };
  const text = (from: number, to?: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join('');
  return { start: text(0, lastStart + 1), separator: text(lastStart + 1, firstEnd), end: text(firstEnd) };
}
