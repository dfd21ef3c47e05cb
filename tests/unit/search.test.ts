import { describe, expect, it } from 'vitest';
import { SORT_KEY } from '../../src/lib/search/filters.ts';
import { UnpublishedEntryError, entryDate, searchRecord, type SearchEntryInput } from '../../src/lib/search/record.ts';
import { byNewest, readSearchState, safePath, writeSearchState } from '../../src/lib/search/state.ts';
import { isSearchShortcut, takesTyping } from '../../src/lib/search/shortcut.ts';
import { cardPath, searchBundlePath, searchPath } from '../../src/lib/urls.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NOW = day('2026-11-22');

function input(overrides: Partial<SearchEntryInput>): SearchEntryInput {
  return {
    collection: 'snippets',
    id: 'winter-checklist',
    data: {},
    title: 'Winter checklist',
    typeLabel: 'Snippet',
    lang: 'en',
    defaultNetworks: ['linkedin', 'x', 'email'],
    teams: ['all', 'sales', 'engineering', 'people'],
    now: NOW,
    ...overrides,
  };
}

describe('searchRecord', () => {
  it('gives a snippet its type, topics, teams and networks as readable filter values', () => {
    const record = searchRecord(input({ data: { topics: ['product', 'customer-care'], teams: ['all', 'sales'] } }));
    expect(record.filters).toEqual({
      type: ['Snippet'],
      topic: ['Product', 'Customer care'],
      team: ['All', 'Sales', 'Engineering', 'People'],
      network: ['LinkedIn', 'X', 'E-mail'],
    });
  });

  it('names filter values in the hub’s language when given the names (the team "all", a network named by a word)', () => {
    const names = {
      team: (id: string) => (id === 'all' ? 'Alle' : id.toUpperCase()),
      topic: (id: string) => `#${id}`,
      network: (id: string) => (id === 'email' ? 'E-Mail' : id),
    };
    const record = searchRecord(input({ data: { topics: ['product'], teams: ['all'] }, names }));
    expect(record.filters).toEqual({ type: ['Snippet'], topic: ['#product'], team: ['Alle', 'SALES', 'ENGINEERING', 'PEOPLE'], network: ['linkedin', 'x', 'E-Mail'] });
  });

  it('files what is for all under every team, and what is for some teams under those only', () => {
    const team = (collection: SearchEntryInput['collection'], data: Record<string, unknown>) =>
      searchRecord(input({ collection, id: 'x', typeLabel: 'T', data })).filters.team;
    expect(team('snippets', { teams: ['all'] })).toEqual(['All', 'Sales', 'Engineering', 'People']);
    expect(team('snippets', { teams: ['sales', 'people'] })).toEqual(['Sales', 'People']);
    expect(team('campaigns', { teams: ['all'] })).toEqual(['All', 'Sales', 'Engineering', 'People']);
    expect(team('tracks', { team: 'all' })).toEqual(['All', 'Sales', 'Engineering', 'People']);
    expect(team('tracks', { team: 'engineering' })).toEqual(['Engineering']);
    // A person belongs to their own team, even one called "all".
    expect(team('people', { team: 'all' })).toEqual(['All']);
  });

  it('uses the snippet’s own networks when it names them', () => {
    // Settings offer them (the content check makes sure a snippet only names networks settings offer).
    const record = searchRecord(
      input({ defaultNetworks: ['linkedin', 'bluesky', 'mastodon', 'email'], data: { topics: ['product'], teams: ['all'], networks: ['bluesky', 'mastodon'] } }),
    );
    expect(record.filters.network).toEqual(['Bluesky', 'Mastodon']);
  });

  it('gives a snippet its title, type, share card, date and the page to share it from', () => {
    const record = searchRecord(input({ data: { publish: day('2026-11-02'), topics: ['product'], teams: ['all'] } }));
    expect(record.meta).toEqual({
      title: 'Winter checklist',
      type: 'Snippet',
      image: '/og/snippets/winter-checklist.thumb.png',
      date: '2026-11-02',
      date_label: 'Nov 2, 2026',
      share: '/share/winter-checklist/',
    });
    expect(record.meta[SORT_KEY]).toBe('2026-11-02');
    // No Pagefind sort: the order "newest first" is the build's newest.json (src/lib/search/newest.ts).
    expect(record).not.toHaveProperty('sort');
  });

  it('offers Share on snippets only', () => {
    const article = searchRecord(input({ collection: 'articles', id: 'why-write', typeLabel: 'Article', data: { published: day('2026-10-02'), topics: ['industry'] } }));
    expect(article.meta.share).toBeUndefined();
    expect(article.meta.image).toBe('/og/articles/why-write.thumb.png');
    expect(article.filters).toEqual({ type: ['Article'], topic: ['Industry'] });
    expect(article.meta.date).toBe('2026-10-02');
  });

  it('files people and tracks under their team, and guidelines under their type only', () => {
    expect(searchRecord(input({ collection: 'people', id: 'ana', typeLabel: 'Person', data: { team: 'engineering' } })).filters).toEqual({
      type: ['Person'],
      team: ['Engineering'],
    });
    expect(searchRecord(input({ collection: 'tracks', id: 'sales', typeLabel: 'Onboarding path', data: { team: 'sales' } })).filters.team).toEqual(['Sales']);
    expect(searchRecord(input({ collection: 'tracks', id: 'all', typeLabel: 'Onboarding path', data: {} })).filters.team).toBeUndefined();
    expect(searchRecord(input({ collection: 'guidelines', id: 'g', typeLabel: 'Guideline', data: { updated: day('2026-09-01') } })).filters).toEqual({
      type: ['Guideline'],
    });
  });

  it('gives undated entries no date, so newest.json leaves them out (the search page puts them last), and shows none', () => {
    const record = searchRecord(input({ collection: 'training', id: 'basics', typeLabel: 'Training', data: {} }));
    expect(record.meta.date).toBeUndefined();
    expect(record.meta.date_label).toBeUndefined();
  });

  it('refuses draft, scheduled and expired entries, naming the page and the fix', () => {
    const cases = [
      { data: { draft: true }, reason: 'draft' },
      { data: { publish: day('2026-12-01') }, reason: 'scheduled' },
      { data: { expires: day('2026-10-31') }, reason: 'expired' },
    ];
    for (const { data, reason } of cases) {
      expect(() => searchRecord(input({ id: 'x', data }))).toThrow(UnpublishedEntryError);
      expect(() => searchRecord(input({ id: 'x', data }))).toThrow(`/share/x/ is ${reason}`);
      expect(() => searchRecord(input({ id: 'x', data }))).toThrow(/published\(\) from src\/views\/hub\.ts/);
    }
    const article = input({ collection: 'articles', id: 'later', data: { published: day('2026-12-06') } });
    expect(() => searchRecord(article)).toThrow('/articles/later/ is scheduled');
  });

  it('knows each collection’s date', () => {
    expect(entryDate('campaigns', { starts: day('2027-04-19') })).toEqual(day('2027-04-19'));
    expect(entryDate('guidelines', { updated: day('2026-09-01') })).toEqual(day('2026-09-01'));
    expect(entryDate('people', { published: day('2026-09-01') })).toBeUndefined();
  });
});

describe('search state in the URL', () => {
  it('reads the query, known filters (repeated per value) and the sort', () => {
    expect(readSearchState('?q=%20heat+pump%20&topic=Product&topic=Careers&team=Sales&colour=red&sort=date')).toEqual({
      query: 'heat pump',
      filters: { topic: ['Product', 'Careers'], team: ['Sales'] },
      sort: 'date',
    });
    expect(readSearchState('')).toEqual({ query: '', filters: {}, sort: 'relevance' });
    expect(readSearchState('?sort=oldest').sort).toBe('relevance');
  });

  it('writes a linkable query string and reads it back', () => {
    const state = { query: 'heat pump', filters: { type: ['Snippet'], network: ['LinkedIn', 'E-mail'] }, sort: 'date' as const };
    const written = writeSearchState(state);
    expect(written).toBe('?q=heat+pump&type=Snippet&network=LinkedIn&network=E-mail&sort=date');
    expect(readSearchState(written)).toEqual(state);
    expect(writeSearchState({ query: ' ', filters: {}, sort: 'relevance' })).toBe('');
  });

  it('orders results newest first by the build’s days, undated last, best match first within a day', () => {
    const results = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    // d is newest; a and c share a day; e has no date.
    const days = [['d'], ['c', 'a'], ['b']];
    expect(byNewest(results, days).map((r) => r.id)).toEqual(['d', 'a', 'c', 'b', 'e']);
    expect(byNewest(results, []).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(results.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('lets a result link only to a path of the site', () => {
    expect(safePath('/share/winter-checklist/')).toBe('/share/winter-checklist/');
    for (const bad of ['//evil.example/x', 'https://evil.example/', 'javascript:alert(1)', ' /x', '/a b', '/\\evil', '', undefined])
      expect(safePath(bad), String(bad)).toBeUndefined();
  });
});

describe('the "/" shortcut', () => {
  const press = { key: '/', ctrlKey: false, metaKey: false, altKey: false };

  it('focuses search from the page, a link or a button', () => {
    expect(isSearchShortcut(press, null)).toBe(true);
    expect(isSearchShortcut(press, { tagName: 'A' })).toBe(true);
    expect(isSearchShortcut(press, { tagName: 'INPUT', type: 'checkbox' })).toBe(true);
  });

  it('never takes "/" from someone typing, nor with a modifier', () => {
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'INPUT' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(takesTyping(target), JSON.stringify(target)).toBe(true);
      expect(isSearchShortcut(press, target)).toBe(false);
    }
    expect(isSearchShortcut({ ...press, ctrlKey: true }, null)).toBe(false);
    expect(isSearchShortcut({ ...press, metaKey: true }, null)).toBe(false);
    expect(isSearchShortcut({ ...press, isComposing: true }, null)).toBe(false);
    expect(isSearchShortcut({ ...press, defaultPrevented: true }, null)).toBe(false);
    expect(isSearchShortcut({ ...press, key: '?' }, null)).toBe(false);
  });
});

describe('search URLs', () => {
  it('builds the card, search page and bundle paths', () => {
    expect(cardPath('snippets', 'winter-checklist')).toBe('/og/snippets/winter-checklist.png');
    expect(searchPath()).toBe('/search/');
    expect(searchPath('heat pump & co')).toBe('/search/?q=heat+pump+%26+co');
    expect(searchBundlePath('pagefind.js')).toBe('/pagefind/pagefind.js');
  });
});
