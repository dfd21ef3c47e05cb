import { describe, expect, it } from 'vitest';
import { absolute, collectionPath, entryOfPath, entryPath, parseRef, path } from '../../src/lib/urls.ts';
import { siteAndBase } from '../../src/hub/site.ts';
import { excerpt, humanize, initials } from '../../src/lib/labels.ts';
import { closest, quote } from '../../src/model/words.ts';

describe('urls', () => {
  it('builds the URLs of the content model', () => {
    expect(entryPath('snippets', 'winter-checklist')).toBe('/share/winter-checklist/');
    expect(entryPath('tracks', 'sales')).toBe('/start/sales/');
    expect(collectionPath('articles')).toBe('/articles/');
    expect(path('/rss.xml')).toBe('/rss.xml');
    expect(absolute('/share/x/', 'https://voices.example.com')).toBe('https://voices.example.com/share/x/');
    expect(parseRef('guidelines/add-value')).toEqual({ collection: 'guidelines', id: 'add-value' });
  });

  it('splits a site URL with a path into origin and base', () => {
    expect(siteAndBase('https://voices.example.com')).toEqual({ site: 'https://voices.example.com', base: '/' });
    expect(siteAndBase('https://acme.github.io/hub/')).toEqual({ site: 'https://acme.github.io', base: '/hub/' });
  });
});

describe('entryOfPath', () => {
  it('names the entry of an entry page, with or without the base path and the last slash, and nothing else', () => {
    expect(entryOfPath('/hub/share/winter-checklist/', '/hub/')).toEqual({ collection: 'snippets', id: 'winter-checklist' });
    expect(entryOfPath('/share/winter-checklist', '/hub/')).toEqual({ collection: 'snippets', id: 'winter-checklist' });
    expect(entryOfPath('/start/engineers/', '/')).toEqual({ collection: 'tracks', id: 'engineers' });
    expect(entryOfPath('/people/j%C3%BCrgen/', '/')).toEqual({ collection: 'people', id: 'jürgen' });
    for (const other of ['/', '/share/', '/share/a/b/', '/calendar/x/', '/search/', '/og/snippets/a.png']) expect(entryOfPath(other, '/')).toBeUndefined();
  });
});

describe('labels and words', () => {
  it('humanizes ids, makes initials and cuts excerpts at a word', () => {
    expect(humanize('customer-care')).toBe('Customer care');
    expect(initials('Tomás Novák')).toBe('TN');
    expect(initials('Ана')).toBe('А');
    expect(excerpt('one two three four five', 16)).toBe('one two three…');
    expect(excerpt('short', 16)).toBe('short');
  });

  it('suggests a close id and shows values as editors wrote them', () => {
    expect(closest('sustainabilty', ['culture', 'sustainability'])).toBe('sustainability');
    expect(closest('finance', ['all', 'sales'])).toBeUndefined();
    expect(quote(new Date('2026-11-01T00:00:00Z'))).toBe('2026-11-01');
    expect(quote('x'.repeat(80))).toMatch(/^"x{60}…"$/);
  });
});
