/**
 * The parts of an entry page's key in the incremental build (src/lib/page-key.ts):
 * the dates of the content, the interval the build's instant falls in among
 * them, and the digest of the parts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datesIn, fileDigest, pageKeyOf, timeInterval } from '../../src/lib/page-key.ts';

const DAY = 24 * 60 * 60 * 1000;
const OFFSETS = [0, DAY, 90 * DAY];
const at = (iso: string) => new Date(iso);

describe('datesIn', () => {
  it('finds every date of an entry, however deep, and nothing else', () => {
    const data = {
      title: '2026-12-01',
      publish: at('2026-12-01'),
      steps: [{ due: at('2026-12-10T09:00:00Z') }, { note: 'x' }],
      nested: { deeper: { expires: at('2027-01-31') } },
      broken: new Date(Number.NaN),
    };
    expect(datesIn(data).sort()).toEqual([at('2026-12-01').getTime(), at('2026-12-10T09:00:00Z').getTime(), at('2027-01-31').getTime()].sort());
  });
});

describe('timeInterval', () => {
  const dates = [at('2026-12-01').getTime(), at('2026-12-10T09:00:00Z').getTime()];

  it('is the same for two instants between the same changes', () => {
    expect(timeInterval(dates, OFFSETS, at('2026-12-03T08:00:00Z'))).toBe(timeInterval(dates, OFFSETS, at('2026-12-09T23:00:00Z')));
  });

  it('changes when a publish date is reached', () => {
    expect(timeInterval(dates, OFFSETS, at('2026-11-30T23:59:59Z'))).not.toBe(timeInterval(dates, OFFSETS, at('2026-12-01T00:00:00Z')));
    expect(timeInterval(dates, OFFSETS, at('2026-12-10T08:59:00Z'))).not.toBe(timeInterval(dates, OFFSETS, at('2026-12-10T09:00:00Z')));
  });

  it('changes the day after a bare date, when an entry that expires on it is gone', () => {
    const expires = [at('2026-12-20').getTime()];
    expect(timeInterval(expires, OFFSETS, at('2026-12-20T12:00:00Z'))).not.toBe(timeInterval(expires, OFFSETS, at('2026-12-21T00:00:00Z')));
  });

  it('changes when an entry leaves the home page’s news window, 90 days on', () => {
    const published = [at('2026-09-01').getTime()];
    expect(timeInterval(published, OFFSETS, at('2026-11-29T23:00:00Z'))).not.toBe(timeInterval(published, OFFSETS, at('2026-11-30T00:00:00Z')));
    expect(timeInterval(published, OFFSETS, at('2026-11-30T00:00:00Z'))).toBe(timeInterval(published, OFFSETS, at('2027-05-01T00:00:00Z')));
  });

  it('has open ends before the first change and after the last', () => {
    expect(timeInterval(dates, [0], at('2020-01-01'))).toBe('…/2026-12-01T00:00:00.000Z');
    expect(timeInterval(dates, [0], at('2030-01-01'))).toBe('2026-12-10T09:00:00.000Z/…');
    expect(timeInterval([], OFFSETS, at('2030-01-01'))).toBe('…/…');
  });
});

describe('pageKeyOf', () => {
  it('is the same for the same parts and tells parts apart where they join', () => {
    expect(pageKeyOf(['store', 'settings', 'interval'])).toBe(pageKeyOf(['store', 'settings', 'interval']));
    expect(pageKeyOf(['ab', 'c'])).not.toBe(pageKeyOf(['a', 'bc']));
    expect(pageKeyOf(['store', 'settings', 'interval'])).not.toBe(pageKeyOf(['store', 'settings', 'interval 2']));
  });
});

describe('fileDigest', () => {
  it('changes with the bytes of the content store, and is undefined without one', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hub-store-')), 'data-store.json');
    expect(fileDigest(file)).toBeUndefined();
    writeFileSync(file, '{"a":1}');
    const one = fileDigest(file);
    expect(one).toMatch(/^[\w-]{43}$/);
    writeFileSync(file, '{"a":2}');
    expect(fileDigest(file)).not.toBe(one);
  });
});
