/**
 * The weekly digest's data (src/lib/digest/build.ts, week.ts): what is new in the seven days before the
 * digest day, campaigns starting within two weeks, snippets on their last week, one spotlight; only
 * published entries; links tagged utm_source=digest with the team preselected; an empty week is empty.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest, digestLink } from '../../src/lib/digest/build.ts';
import { digestEmail } from '../../src/lib/digest/email.ts';
import { digestWeek, isoWeek } from '../../src/lib/digest/week.ts';
import { d, digestInput as input } from '../support/digest.ts';

const ids = (digest: ReturnType<typeof buildDigest>, section: string) => digest.sections.find((s) => s.id === section)?.items.map((i) => i.id) ?? [];

describe('the digest week', () => {
  it('is dated on the latest digest day and covers the seven days before it', () => {
    expect(digestWeek(d('2026-11-23'), 'monday')).toEqual({ date: d('2026-11-23'), since: d('2026-11-16'), week: '2026-W48' });
    expect(digestWeek(new Date('2026-11-22T23:59:00Z'), 'monday')).toEqual({ date: d('2026-11-16'), since: d('2026-11-09'), week: '2026-W47' });
    expect(digestWeek(d('2026-11-22'), 'friday').date).toEqual(d('2026-11-20'));
  });
  it.each([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-12-31', '2026-W53'],
  ])('%s is in ISO week %s', (day, week) => expect(isoWeek(d(day))).toBe(week));
});

describe('a team digest', () => {
  const digest = buildDigest(input());

  it('holds what is new for the team or everyone, in the week before the digest day, published only', () => {
    expect(ids(digest, 'new')).toEqual(['new-all', 'new-sales', 'article-new', 'module-new']);
    expect(digest).toMatchObject({ team: 'sales', week: '2026-W48', date: '2026-11-23', since: '2026-11-16', empty: false });
  });
  it('announces campaigns of the team starting within two weeks, and snippets on their last week', () => {
    expect(ids(digest, 'campaigns')).toEqual(['soon']);
    expect(digest.sections.find((s) => s.id === 'campaigns')!.items[0]).toMatchObject({
      date: '2026-12-06',
      until: '2026-12-10',
      when: '2026-12-06 – 2026-12-10',
      label: 'Campaign',
    });
    expect(ids(digest, 'expiring')).toEqual(['expiring']);
  });
  it('spotlights a person of the team', () => expect(ids(digest, 'spotlight')).toEqual(['sam']));
  it('links each item to its page with utm_source=digest and the team preselected, and shows the hub’s card', () => {
    const item = digest.sections[0]!.items.find((i) => i.id === 'new-sales')!;
    expect(item.url).toBe('https://hub.example/share/new-sales/?team=sales&utm_source=digest&utm_medium=employee-advocacy&utm_campaign=digest-2026-w48');
    expect(item.card).toBe('https://hub.example/og/snippets/new-sales.png');
  });
  it('never holds a draft, scheduled or expired entry', () => {
    const all = JSON.stringify(buildDigest(input({ team: 'all', teamLabel: 'Everyone' })));
    for (const id of ['draft', 'scheduled', 'expired', 'draft-campaign', 'digest-day']) expect(all).not.toContain(`"${id}"`);
  });
});

describe('the digest for everyone', () => {
  it('takes every team’s content, without a team in its links', () => {
    const digest = buildDigest(input({ team: 'all', teamLabel: 'Everyone' }));
    expect(ids(digest, 'new')).toEqual(['new-all', 'new-eng', 'new-sales', 'article-new', 'module-new']);
    expect(ids(digest, 'campaigns')).toEqual(['other-team', 'soon']);
    expect(digest.sections[0]!.items[0]!.url).toBe('https://hub.example/share/new-all/?utm_source=digest&utm_medium=employee-advocacy&utm_campaign=digest-2026-w48');
  });
});

describe('settings and empty weeks', () => {
  it('shows only the sections settings ask for, in their order', () => {
    const digest = buildDigest(input({ settings: { ...input().settings, digest: { day: 'monday', sections: ['spotlight', 'new'] } } }));
    expect(digest.sections.map((s) => s.id)).toEqual(['spotlight', 'new']);
  });
  it('is empty when nothing is new, starting or expiring, even with a spotlight', () => {
    const digest = buildDigest(input({ now: d('2027-06-07') }));
    expect(digest.empty).toBe(true);
    expect(digest.sections.map((s) => s.id)).toEqual(['spotlight']);
  });
  it('keeps the link’s own query', () => {
    expect(digestLink('https://h/x/?a=1', { team: 'people', week: '2026-W01', medium: 'm' })).toBe(
      'https://h/x/?a=1&team=people&utm_source=digest&utm_medium=m&utm_campaign=digest-2026-w01',
    );
  });
});

describe('the digest e-mail in the hub’s language', () => {
  const email = (lang: string, quote = (text: string) => `“${text}”`) => {
    const base = input();
    return digestEmail(buildDigest({ ...base, settings: { ...base.settings, lang }, words: { ...base.words, quote } }));
  };

  it('says its language and direction, and starts text and buttons on the right in Arabic', async () => {
    const ar = await email('ar', (text) => `«${text}»`);
    expect(ar.html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(ar.html).toContain('text-align:right');
    // MJML aligns its columns' empty wrappers (font size 0) left whatever the direction: only they may.
    expect(ar.html.replace(/font-size:0px;text-align:left;direction:rtl/g, '')).not.toContain('text-align:left');
    const en = await email('en');
    expect(en.html).toMatch(/<html lang="en" dir="ltr"/);
    expect(en.html).not.toContain('text-align:right');
  });

  it('lets entries’ own words take their direction, and quotes in the language’s marks', async () => {
    const ar = await email('ar', (text) => `«${text}»`);
    expect(ar.html).toContain('<div dir="auto">A post about heat pumps in winter.</div>');
    const spotlight = ar.text.split('\n').find((line) => line.includes('«'));
    expect(spotlight).toMatch(/^ {2}«.+» — /);
    expect(ar.text).not.toContain('“');
  });
});
