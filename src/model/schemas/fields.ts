/**
 * Field builders shared by the collection schemas. Each builder carries its own
 * error message phrased as "what was found, what is allowed", so a failed
 * parse reads the same in the hub's report and in Astro's own validation.
 */
import { z } from 'astro/zod';
import { ID_PATTERN, ID_RULE } from '../ids.ts';
import { closest, quote } from '../words.ts';
import { URL_FORBIDDEN_CLASS, type WebScheme, addressProblem, forbiddenCharacterProblem, isAddress } from '../urls.ts';

type RawIssue = { input?: unknown };

/** "is missing" for an absent field, otherwise "is <value>". */
export function found(input: unknown): string {
  return input === undefined ? 'is missing' : `is ${quote(input)}`;
}

/** A message function for zod's `error` option: what was found, then what is allowed. */
export function expect(allowed: string) {
  return (iss: RawIssue) => `${found(iss.input)}; expected ${allowed}`;
}

/**
 * A date as written: `YYYY-MM-DD`, or a date and time (`2026-11-01T09:30`,
 * seconds, fraction and zone optional; no zone means UTC). Front matter is
 * parsed without YAML timestamps (src/content/yaml.ts), so every date reaches
 * this check as the text the editor wrote; `Date` would roll 2026-11-31 over
 * into December 1 without a word.
 */
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Why a date written in the form of DATE_TEXT does not exist, or undefined when it does. */
function impossibleDate(text: string): string | undefined {
  const match = DATE_TEXT.exec(text);
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12) return `which is not a date: there is no month ${match[2]} (months go from 01 to 12)`;
  const days = daysIn(year, month);
  const monthName = month === 2 ? `February ${match[1]}` : MONTHS[month - 1];
  if (day < 1) return 'a day that does not exist (days start at 01)';
  if (day > days) return `a day that does not exist (${monthName} has ${days} days)`;
  if (hour > 23 || minute > 59 || second > 59) return 'a time of day that does not exist (from 00:00:00 to 23:59:59)';
  return undefined;
}

/** The instant a date text stands for (a bare date is midnight UTC), or undefined when it is none. */
function dateOf(text: string): Date | undefined {
  if (!DATE_TEXT.test(text) || impossibleDate(text)) return undefined;
  const [date, time = '00:00'] = text.split(/[T ]/);
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(time) ? time : `${time}Z`;
  const instant = new Date(`${date}T${zoned}`);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/**
 * A calendar date `YYYY-MM-DD` (midnight UTC) or an ISO date and time, as
 * text; a day that does not exist is refused, never rolled over. A `Date`
 * (from code, not from a file) is taken as it is.
 */
export function isoDate() {
  return z.preprocess(
    (value, ctx) => {
      if (typeof value !== 'string') return value;
      const text = value.trim();
      const impossible = impossibleDate(text);
      // A message in the form the editor used: a day, or a day and a time.
      const form = text.length > 10 ? 'a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-11-01T09:30' : 'a date as YYYY-MM-DD, e.g. 2026-11-01';
      if (impossible) ctx.addIssue({ code: 'custom', input: value, message: `is ${text}, ${impossible}; write ${form}` });
      return dateOf(text) ?? value;
    },
    z.date({ error: expect('a date as YYYY-MM-DD, e.g. 2026-11-01') }),
  );
}

/** A position in a list (guidelines, training): a whole number, 0 or more; lower comes first. */
export function position() {
  return z
    .number({ error: expect('a whole number such as 1') })
    .int({ error: expect('a whole number such as 1') })
    .min(0, { error: expect('0 or more') });
}

/** Plain text, trimmed, non-empty, at most `max` characters. */
export function text(max?: number) {
  const base = z
    .string({ error: expect('text') })
    .trim()
    .min(1, { error: expect('text that is not empty') });
  return max ? base.max(max, { error: (iss) => `${tooLong(iss.input)}; at most ${max} characters are allowed` }) : base;
}

function tooLong(input: unknown): string {
  return typeof input === 'string' ? `is ${input.length} characters long` : found(input);
}

const HTTP_ALLOWED = 'an absolute http(s) URL such as https://example.com/page';
const HTTPS_ALLOWED = 'an https:// URL such as https://example.com/page (http:, javascript: and other schemes are refused)';

/**
 * An address of `schemes` under the one URL rule of src/model/urls.ts (no
 * whitespace, control or bidirectional characters, no user name or
 * password); `allowed` says what is expected, `format` names the rule for the
 * CMS form and JSON Schema.
 */
export function webAddress(schemes: readonly WebScheme[], allowed: string, format: string) {
  return z
    .string({ error: expect(allowed) })
    .trim()
    .superRefine((value, ctx) => {
      const problem = addressProblem(value, schemes);
      if (problem) ctx.addIssue({ code: 'custom', input: value, message: `${found(value)}${problem.why ? `, which ${problem.why}` : ''}; expected ${allowed}` });
    })
    .meta({ format });
}

/** An absolute http(s) URL. */
export function httpUrl() {
  return webAddress(['http', 'https'], HTTP_ALLOWED, 'url');
}

/**
 * An absolute https URL a reader is sent to from a button (a chat or booking
 * link): https only, so neither javascript: nor a plain-text http page can
 * hide behind a "Contact" action.
 */
export function httpsUrl() {
  return webAddress(['https'], HTTPS_ALLOWED, 'https-url');
}

export function isHttpsUrl(value: string): boolean {
  return isAddress(value, ['https']);
}

/** One e-mail address, without "mailto:" or a name, e.g. ana@example.com (it becomes a mailto: link). */
export const EMAIL_PATTERN = new RegExp(`^[^${URL_FORBIDDEN_CLASS}@<>"()[\\],;:?&#%/]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$`, 'i');

export function emailAddress() {
  const allowed = 'an e-mail address such as ana@example.com, without "mailto:"';
  return z
    .string({ error: expect('an e-mail address such as ana@example.com') })
    .trim()
    .max(254, { error: expect('an e-mail address of at most 254 characters') })
    .superRefine((value, ctx) => {
      if (EMAIL_PATTERN.test(value)) return;
      const why = forbiddenCharacterProblem(value);
      ctx.addIssue({ code: 'custom', input: value, message: `${found(value)}${why ? `, which ${why}` : ''}; expected ${allowed}` });
    })
    .meta({ format: 'email' });
}

export function isHttpUrl(value: string): boolean {
  return isAddress(value, ['http', 'https']);
}

/**
 * One value of a list defined elsewhere (a topic from settings, a role).
 * `what` names the list for the message: "a topic from settings.yaml".
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) => {
      const hint = typeof iss.input === 'string' ? closest(iss.input, values) : undefined;
      return `${found(iss.input)}, which is not ${what}; allowed: ${values.join(', ')}${hint ? ` (did you mean ${quote(hint)}?)` : ''}`;
    },
  });
}

/**
 * The id of an entry of another collection. `ids` is filled before parsing
 * (from file names), so a dangling reference fails the parse itself; without
 * them only the id's form is checked (see SchemaContext.ids).
 */
export function entryRef(collection: string, ids: ReadonlySet<string> | undefined) {
  if (!ids)
    return z
      .string({ error: expect(`the id of an entry of ${collection}`) })
      .trim()
      .regex(ID_PATTERN, { error: expect(`the id of an entry of ${collection} (${ID_RULE})`) })
      .meta({ ref: collection });
  const message = (iss: RawIssue) => {
    const known = ids.size ? `existing ids: ${sample([...ids])}` : `content/${collection} has no entries yet`;
    if (iss.input === undefined) return `is missing; expected the id of an entry of ${collection} (${known})`;
    const hint = typeof iss.input === 'string' ? closest(iss.input, [...ids]) : undefined;
    return `${found(iss.input)}, which is not an entry of ${collection}${hint ? ` (did you mean ${quote(hint)}?)` : `; ${known}`}`;
  };
  return z
    .string({ error: message })
    .trim()
    .refine((id) => ids.has(id), { error: message })
    .meta({ ref: collection });
}

function sample(values: string[], max = 8): string {
  const sorted = [...values].sort();
  return sorted.length > max ? `${sorted.slice(0, max).join(', ')} and ${sorted.length - max} more` : sorted.join(', ');
}

/** A list with at least `min` items; the message says how many were found. */
export function list<T extends z.ZodType>(item: T, min = 0) {
  const base = z.array(item, { error: expect('a list') });
  return min > 0
    ? base.min(min, {
        error: (iss) => `${Array.isArray(iss.input) ? `has ${iss.input.length} item${iss.input.length === 1 ? '' : 's'}` : found(iss.input)}; at least ${min} required`,
      })
    : base;
}

/** `draft`, `publish` and `expires`: the fields every publish decision reads. */
export function publishingFields() {
  return {
    /** Drafts are never built. Default: false. */
    draft: z.boolean({ error: expect('true or false') }).default(false),
    /** Not published before this date. Default: published at once. */
    publish: isoDate().optional(),
    /** Not published after this date (the whole day counts). Default: never expires. */
    expires: isoDate().optional(),
  };
}

/** Date order: `later` must come after `earlier` (or on the same day when `sameDayOk`). */
export function dateOrder(ctx: z.RefinementCtx, later: { field: string; date?: Date }, earlier: { field: string; date?: Date }, sameDayOk = false) {
  if (!later.date || !earlier.date) return;
  const wrong = sameDayOk ? later.date < earlier.date : later.date <= earlier.date;
  if (!wrong) return;
  ctx.addIssue({
    code: 'custom',
    path: [later.field],
    input: later.date,
    message: `is ${day(later.date)}, which is before ${sameDayOk ? '' : 'or on '}${earlier.field} (${day(earlier.date)}); ${later.field} must be ${sameDayOk ? 'on or after' : 'later than'} ${earlier.field}`,
  });
}

export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
