import { describe, expect, it } from 'vitest';
import { InvalidNowError, expiryInstant, isPublished, resolveNow, unpublishedReason } from '../../src/lib/publish.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);

describe('isPublished', () => {
  it('publishes an entry with no dates and no draft flag', () => {
    expect(isPublished({}, day('2026-11-22'))).toBe(true);
  });

  it('never publishes a draft, whatever its dates', () => {
    expect(isPublished({ draft: true, publish: day('2020-01-01') }, day('2026-11-22'))).toBe(false);
    expect(unpublishedReason({ draft: true }, day('2026-11-22'))).toBe('draft');
  });

  it('publishes from the first instant of the publish day, not before', () => {
    const entry = { publish: day('2026-12-01') };
    expect(isPublished(entry, at('2026-11-30T23:59:59.999Z'))).toBe(false);
    expect(unpublishedReason(entry, at('2026-11-30T23:59:59.999Z'))).toBe('scheduled');
    expect(isPublished(entry, day('2026-12-01'))).toBe(true);
  });

  it('keeps an entry through the whole expiry day and drops it the next', () => {
    const entry = { expires: day('2026-10-31') };
    expect(isPublished(entry, at('2026-10-31T23:59:59.999Z'))).toBe(true);
    expect(isPublished(entry, day('2026-11-01'))).toBe(false);
    expect(unpublishedReason(entry, day('2026-11-01'))).toBe('expired');
  });

  it('expires at the exact instant of an expiry datetime', () => {
    const entry = { expires: at('2026-10-31T12:00:00Z') };
    expect(isPublished(entry, at('2026-10-31T11:59:59Z'))).toBe(true);
    expect(isPublished(entry, at('2026-10-31T12:00:00Z'))).toBe(false);
  });

  it("uses an article's publication date as its publish date", () => {
    expect(isPublished({ published: day('2026-12-05') }, day('2026-12-04'))).toBe(false);
    expect(isPublished({ published: day('2026-12-05') }, day('2026-12-05'))).toBe(true);
  });

  it('publishes a one-window entry only inside the window', () => {
    const entry = { publish: day('2026-10-05'), expires: day('2026-10-16') };
    expect(isPublished(entry, day('2026-10-04'))).toBe(false);
    expect(isPublished(entry, day('2026-10-05'))).toBe(true);
    expect(isPublished(entry, day('2026-10-16'))).toBe(true);
    expect(isPublished(entry, day('2026-10-17'))).toBe(false);
  });
});

describe('expiryInstant', () => {
  it('moves a bare date to the start of the next day and leaves a datetime alone', () => {
    expect(expiryInstant(day('2026-12-31')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(expiryInstant(at('2026-12-31T08:30:00Z')).toISOString()).toBe('2026-12-31T08:30:00.000Z');
  });
});

describe('resolveNow', () => {
  const clock = () => at('2026-11-22T10:00:00Z');

  it('is the clock when HUB_NOW is unset or empty', () => {
    expect(resolveNow(undefined, clock).toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(resolveNow('  ', clock).toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('reads HUB_NOW as a day (midnight UTC) or a datetime', () => {
    expect(resolveNow('2027-01-15', clock).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(resolveNow('2027-01-15T09:30:00Z', clock).toISOString()).toBe('2027-01-15T09:30:00.000Z');
  });

  it('rejects an impossible or unreadable HUB_NOW with a message saying the format', () => {
    expect(() => resolveNow('2027-02-30', clock)).toThrow(InvalidNowError);
    expect(() => resolveNow('next tuesday', clock)).toThrow(/HUB_NOW is "next tuesday"; expected a date as YYYY-MM-DD/);
  });
});
