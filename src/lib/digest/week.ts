/**
 * The week a digest covers. A digest is dated on its day (settings.digest.day) and covers the seven whole
 * UTC days before it; what is published on the digest day itself goes into the next one. So each week's
 * windows meet without a gap or an overlap, whatever the hour the digest is built and sent.
 */
import { utcDay } from '../calendar.ts';

export const DAY = 24 * 60 * 60 * 1000;

const WEEKDAY_INDEX = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 } as const;
export type Weekday = keyof typeof WEEKDAY_INDEX;

export interface DigestWeek {
  /** Midnight UTC of the digest day: the latest `day` on or before `now`. */
  date: Date;
  /** Midnight UTC, seven days before `date`: the first day covered. */
  since: Date;
  /** The ISO week of `date`, e.g. "2026-W47": the key of what was sent. */
  week: string;
}

export function digestWeek(now: Date, day: Weekday): DigestWeek {
  const today = utcDay(now);
  const back = (today.getUTCDay() - WEEKDAY_INDEX[day] + 7) % 7;
  const date = new Date(today.getTime() - back * DAY);
  return { date, since: new Date(date.getTime() - 7 * DAY), week: isoWeek(date) };
}

/** ISO 8601 week of a UTC day: "2026-W47" (the week's Thursday decides the year). */
export function isoWeek(date: Date): string {
  const day = utcDay(date);
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Whether a UTC day lies in [from, from + days). */
export function within(date: Date | undefined, from: Date, days: number): boolean {
  if (!date) return false;
  const at = utcDay(date).getTime();
  return at >= from.getTime() && at < from.getTime() + days * DAY;
}
