import { describe, expect, it } from 'vitest';
import { formatRange, rangeText } from '../../src/lib/dates.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const RANGES: Array<[string, string]> = [
  ['2026-10-12', '2026-10-16'],
  ['2026-11-02', '2026-12-20'],
  ['2026-12-01', '2027-02-26'],
];

describe('rangeText', () => {
  it('cuts a range where the start date ends and the end date begins, for a <time> each', () => {
    expect(rangeText(day('2026-10-12'), day('2026-10-16'), 'en')).toEqual({ start: 'Oct 12', separator: '\u2009–\u2009', end: '16, 2026' });
    expect(rangeText(day('2026-12-01'), day('2027-02-26'), 'en')).toEqual({ start: 'Dec 1, 2026', separator: '\u2009–\u2009', end: 'Feb 26, 2027' });
    expect(rangeText(day('2026-10-12'), day('2026-10-16'), 'ja')).toEqual({ start: '2026/10/12', separator: '～', end: '2026/10/16' });
  });

  it("reads, joined, exactly as formatRange's text, in every language", () => {
    for (const lang of ['en', 'en-GB', 'de', 'fr', 'nb-NO', 'he', 'ar', 'fa', 'ja', 'zh', 'ko']) {
      for (const [start, end] of RANGES) {
        const parts = rangeText(day(start), day(end), lang);
        expect(parts, `${lang} ${start}/${end}`).toBeDefined();
        expect(parts!.start && parts!.end, `${lang} ${start}/${end}`).toBeTruthy();
        expect(`${parts!.start}${parts!.separator}${parts!.end}`).toBe(formatRange(day(start), day(end), lang));
      }
    }
  });

  it('has no range to cut within one day', () => {
    expect(rangeText(day('2026-12-01'), day('2026-12-01'), 'en')).toBeUndefined();
  });
});
