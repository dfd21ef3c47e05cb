import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagLink } from '../../src/lib/share/utm.ts';

const utm = { source: 'linkedin', medium: 'employee-advocacy', campaign: 'winter-ready' };

describe('tagLink', () => {
  it('appends utm_source, utm_medium, utm_campaign and, with a code, utm_content', () => {
    expect(tagLink('https://example.com/page', utm)).toBe('https://example.com/page?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=winter-ready');
    expect(tagLink('https://example.com/page', { ...utm, content: 'ana-42' })).toBe(
      'https://example.com/page?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=ana-42',
    );
    expect(tagLink('https://example.com/page', { ...utm, content: '' })).not.toContain('utm_content');
  });

  it("keeps the link's own query, byte for byte, and its fragment after the parameters", () => {
    expect(tagLink('https://example.com/find?lang=en&q=heat+pump%20x#results', utm)).toBe(
      'https://example.com/find?lang=en&q=heat+pump%20x&utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=winter-ready#results',
    );
    expect(tagLink('https://example.com/support#winter-hours', utm)).toBe(
      'https://example.com/support?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=winter-ready#winter-hours',
    );
    expect(tagLink('https://example.com/?#', utm)).toBe('https://example.com/?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=winter-ready#');
  });

  it('replaces UTM parameters the link already has, and keeps the others', () => {
    expect(tagLink('https://example.com/?utm_source=newsletter&id=7&utm_term=pumps', { ...utm, content: 'bo' })).toBe(
      'https://example.com/?id=7&utm_term=pumps&utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=bo',
    );
  });

  it('encodes values', () => {
    expect(tagLink('https://example.com/', { ...utm, campaign: 'a b&c', content: 'x/y' })).toContain('utm_campaign=a%20b%26c&utm_content=x%2Fy');
  });

  const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => !k.startsWith('utm_'));
  const value = fc.string({ unit: 'grapheme', maxLength: 24, size: 'medium' });
  const links = fc.record({
    path: fc.webPath(),
    params: fc.array(fc.tuple(key, value), { maxLength: 8, size: 'medium' }),
    fragment: fc.option(fc.webFragments(), { nil: undefined }),
  });

  it('never loses a query parameter or the fragment, for any link and any code', () => {
    fc.assert(
      fc.property(links, fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/), { nil: undefined }), ({ path, params, fragment }, content) => {
        const search = new URLSearchParams(params).toString();
        const link = `https://example.com${path}${search ? `?${search}` : ''}${fragment === undefined ? '' : `#${fragment}`}`;
        const tagged = tagLink(link, { ...utm, content });
        const before = new URL(link);
        const after = new URL(tagged);
        expect(after.origin + after.pathname).toBe(before.origin + before.pathname);
        expect(after.hash).toBe(before.hash);
        if (fragment !== undefined) expect(tagged.endsWith(`#${fragment}`)).toBe(true);
        const kept = [...after.searchParams].filter(([k]) => !k.startsWith('utm_'));
        expect(kept).toEqual([...before.searchParams]);
        expect(after.searchParams.getAll('utm_source')).toEqual(['linkedin']);
        expect(after.searchParams.getAll('utm_medium')).toEqual(['employee-advocacy']);
        expect(after.searchParams.getAll('utm_campaign')).toEqual(['winter-ready']);
        expect(after.searchParams.getAll('utm_content')).toEqual(content ? [content] : []);
        // The link's own query text is kept as it was written.
        if (search) expect(tagged).toContain(`?${search}&utm_source=`);
      }),
      { numRuns: 500 },
    );
  });
});
