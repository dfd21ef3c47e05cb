import { describe, expect, it } from 'vitest';
import { codeFromLink, parseStoredPrefs, withoutParams } from '../../src/lib/advocate.ts';
import { presetsFromUrl } from '../../src/lib/link-presets.ts';
import { normalizeCode, normalizeHost } from '../../src/model/ids.ts';

describe('advocate codes', () => {
  it('accepts short codes of letters, digits, - and _, and nothing that could break a URL', () => {
    expect(normalizeCode(' ana-42 ')).toBe('ana-42');
    expect(normalizeCode('A_b')).toBe('A_b');
    for (const bad of ['', '-x', 'a b', 'a&utm_source=x', '<script>', 'x'.repeat(41), null, undefined]) {
      expect(normalizeCode(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('Mastodon instances', () => {
  it('reads a host from a host, a handle or a URL', () => {
    expect(normalizeHost('Hachyderm.io')).toBe('hachyderm.io');
    expect(normalizeHost('@ana@fosstodon.org')).toBe('fosstodon.org');
    expect(normalizeHost('https://mastodon.social/@ana')).toBe('mastodon.social');
    expect(normalizeHost('javascript:alert(1)')).toBeUndefined();
    expect(normalizeHost('not a host')).toBeUndefined();
  });
});

describe('presetsFromUrl', () => {
  it('takes ref, team and mentor, ignoring unknown teams and mentors', () => {
    expect(presetsFromUrl('?ref=ana7&team=sales&mentor=lucas-brandt', { teams: ['sales'], mentors: ['lucas-brandt'] })).toEqual({
      code: 'ana7',
      team: 'sales',
      mentor: 'lucas-brandt',
    });
    expect(presetsFromUrl('?team=finance&mentor=nobody', { teams: ['sales'], mentors: ['lucas-brandt'] })).toEqual({});
    expect(presetsFromUrl('?ref=%3Cb%3E')).toEqual({});
  });
});

describe('parseStoredPrefs', () => {
  it('keeps valid values and drops anything else', () => {
    expect(parseStoredPrefs('{"code":"x1","team":"sales","mastodon":"Hachyderm.io","extra":1}')).toEqual({ code: 'x1', team: 'sales', mastodon: 'hachyderm.io' });
    expect(parseStoredPrefs('{"code":"bad code","team":"Sales!"}')).toEqual({});
    expect(parseStoredPrefs('{"role":"curator","mentor":"priya-raman"}')).toEqual({ role: 'curator', mentor: 'priya-raman' });
    expect(parseStoredPrefs('{"role":"<b>"}')).toEqual({});
    expect(parseStoredPrefs('not json')).toEqual({});
    expect(parseStoredPrefs(null)).toEqual({});
  });
});

describe('a code from a link', () => {
  it('is taken when none is stored, only offered when another is, and ignored when it is the same', () => {
    expect(codeFromLink(undefined, 'ana-42')).toEqual({ store: 'ana-42' });
    expect(codeFromLink('abc', 'ana-42')).toEqual({ offer: 'ana-42' });
    expect(codeFromLink('abc', 'abc')).toEqual({});
    expect(codeFromLink('abc', undefined)).toEqual({});
    expect(codeFromLink(undefined, undefined)).toEqual({});
  });

  it('leaves the address with the other parameters as they were, in order', () => {
    expect(withoutParams('?v=2&network=mastodon&ref=ana-42', ['ref'])).toBe('?v=2&network=mastodon');
    expect(withoutParams('?ref=ana-42', ['ref'])).toBe('');
    expect(withoutParams('?utm_source=mail&ref=ana-42&x=a+b&q=%20', ['ref'])).toBe('?utm_source=mail&x=a+b&q=%20');
    expect(withoutParams('?r%65f=a&ref&refs=1', ['ref'])).toBe('?refs=1');
    expect(withoutParams('', ['ref'])).toBe('');
    expect(withoutParams('?mentor=a&team=b&ref=c&keep=1', ['mentor', 'team', 'ref'])).toBe('?keep=1');
  });
});
