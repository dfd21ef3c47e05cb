import { describe, expect, it } from 'vitest';
import { parseStoredPrefs, presetsFromUrl } from '../../src/lib/advocate.ts';
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
