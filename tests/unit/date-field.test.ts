/**
 * The date field (src/model/schemas/fields.ts) on the text an editor wrote:
 * front matter reaches it without YAML timestamps (src/content/yaml.ts), so
 * a day that does not exist is refused here instead of rolling over.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/yaml.ts';
import { isoDate } from '../../src/model/schemas/fields.ts';

const schema = z.object({ publish: isoDate() });
const parse = (value: unknown) => schema.safeParse({ publish: value });
const messages = (value: unknown) => {
  const result = parse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the date field', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-30', '2026-11-30T00:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    [' 2026-12-31 ', '2026-12-31T00:00:00.000Z'],
    ['2026-11-01T09:30', '2026-11-01T09:30:00.000Z'],
    ['2026-11-01T09:30:15Z', '2026-11-01T09:30:15.000Z'],
    ['2026-11-01 09:30:00+02:00', '2026-11-01T07:30:00.000Z'],
    ['2026-11-01T23:59:59.5-0130', '2026-11-02T01:29:59.500Z'],
  ])('reads %j as %s', (text, instant) => {
    const result = parse(text);
    expect(result.success && result.data.publish.toISOString()).toBe(instant);
  });

  it.each([
    ['2026-11-31', 'is 2026-11-31, a day that does not exist (November has 30 days); write a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2027-02-30', 'is 2027-02-30, a day that does not exist (February 2027 has 28 days); write a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2027-02-29', 'is 2027-02-29, a day that does not exist (February 2027 has 28 days); write a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2100-02-29', 'is 2100-02-29, a day that does not exist (February 2100 has 28 days); write a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2026-04-00', 'is 2026-04-00, a day that does not exist (days start at 01); write a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2026-13-45', 'is 2026-13-45, which is not a date: there is no month 13 (months go from 01 to 12); write a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2026-00-10', 'is 2026-00-10, which is not a date: there is no month 00 (months go from 01 to 12); write a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2026-06-31T10:00', 'is 2026-06-31T10:00, a day that does not exist (June has 30 days); write a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-11-01T09:30'],
    [
      '2026-11-01T24:00',
      'is 2026-11-01T24:00, a time of day that does not exist (from 00:00:00 to 23:59:59); write a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-11-01T09:30',
    ],
    [
      '2026-11-01T10:60',
      'is 2026-11-01T10:60, a time of day that does not exist (from 00:00:00 to 23:59:59); write a date and time as YYYY-MM-DDTHH:MM, e.g. 2026-11-01T09:30',
    ],
  ])('refuses %j, a date that does not exist, with one message saying why', (text, message) => {
    expect(messages(text)).toEqual([message]);
  });

  it.each([
    ['next week', 'is "next week"; expected a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['2026-1-5', 'is "2026-1-5"; expected a date as YYYY-MM-DD, e.g. 2026-11-01'],
    ['01/11/2026', 'is "01/11/2026"; expected a date as YYYY-MM-DD, e.g. 2026-11-01'],
    [20261101, 'is 20261101; expected a date as YYYY-MM-DD, e.g. 2026-11-01'],
    [undefined, 'is missing; expected a date as YYYY-MM-DD, e.g. 2026-11-01'],
  ])('refuses %j, which is not written as a date, naming the form', (value, message) => {
    expect(messages(value)).toEqual([message]);
  });

  it('takes a Date from code as it is', () => {
    const date = new Date('2026-11-01T12:00:00Z');
    const result = parse(date);
    expect(result.success && result.data.publish).toEqual(date);
  });

  it('gets front matter dates as the text written, and Dates after the schema', () => {
    const parsed = parseYaml('publish: 2026-11-31\nexpires: 2026-12-01\nquoted: "2026-11-01"\nat: 2026-11-01T09:30:00Z\n');
    expect(parsed.error).toBeUndefined();
    const raw = (parsed.error ? {} : parsed.data) as Record<string, unknown>;
    expect(raw).toEqual({ publish: '2026-11-31', expires: '2026-12-01', quoted: '2026-11-01', at: '2026-11-01T09:30:00Z' });
    expect(messages(raw.publish)).toEqual([expect.stringMatching(/^is 2026-11-31, a day that does not exist/)]);
    const expires = parse(raw.expires);
    expect(expires.success && expires.data.publish).toEqual(new Date('2026-12-01T00:00:00Z'));
  });
});
