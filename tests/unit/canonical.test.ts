import { describe, expect, it } from 'vitest';
import { canonicalValue, foldValue } from '../../src/lib/canonical.ts';
import { canonicalFilters } from '../../src/lib/search/state.ts';
import { presetsFromUrl } from '../../src/lib/link-presets.ts';

describe('canonicalValue', () => {
  const teams = ['Sales', 'Engineering', 'Customer success'];

  it('matches whatever the case, hyphens or spaces', () => {
    expect(canonicalValue('sales', teams)).toBe('Sales');
    expect(canonicalValue('SALES', teams)).toBe('Sales');
    expect(canonicalValue(' Sales ', teams)).toBe('Sales');
    expect(canonicalValue('customer-success', teams)).toBe('Customer success');
    expect(foldValue('Customer_ Success')).toBe('customer success');
  });

  it('prefers the exact spelling, then an alias, and gives undefined for anything else', () => {
    expect(canonicalValue('a', ['A', 'a'])).toBe('a');
    expect(canonicalValue('people', ['Person', 'Snippet'], { people: 'Person' })).toBe('Person');
    expect(canonicalValue('People', ['Person'], { people: 'Person' })).toBe('Person');
    expect(canonicalValue('people', ['Snippet'], { people: 'Person' })).toBeUndefined();
    expect(canonicalValue('finance', teams)).toBeUndefined();
    expect(canonicalValue('', teams)).toBeUndefined();
  });
});

describe('canonicalFilters (the search page’s filters from a link)', () => {
  const available = { type: { Person: 6, Snippet: 40 }, team: { Sales: 4, Engineering: 9 } };

  it('spells each value as the index does, keeping what matches nothing', () => {
    expect(canonicalFilters({ team: ['sales'], type: ['people'] }, available, { type: { people: 'Person' } })).toEqual({ team: ['Sales'], type: ['Person'] });
    expect(canonicalFilters({ team: ['sales', 'Sales', 'finance'] }, available)).toEqual({ team: ['Sales', 'finance'] });
    expect(canonicalFilters({ topic: ['product'] }, available)).toEqual({ topic: ['product'] });
  });
});

describe('presetsFromUrl', () => {
  it('takes a team whatever its case, in the settings’ spelling', () => {
    const known = { teams: ['all', 'sales', 'engineering'] };
    expect(presetsFromUrl('?team=Sales', known)).toEqual({ team: 'sales' });
    expect(presetsFromUrl('?team=ENGINEERING', known)).toEqual({ team: 'engineering' });
    expect(presetsFromUrl('?team=Finance', known)).toEqual({});
  });
});
