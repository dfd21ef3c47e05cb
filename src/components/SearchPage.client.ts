/**
 * The search page. Pagefind's Component UI searches and renders; this island
 * keeps the search in the URL (?q=, filters, sort) so it can be linked,
 * matches the URL's filter values whatever their case, lists every match of
 * the filters when there are no words, offers "newest first" and "Did you
 * mean …", mends the filter dropdowns' accessible names, and drops
 * share-card thumbnails that fail to load.
 */
import { type SearchSort, canonicalFilters, cleanFilters, pagefindSort, readSearchState, writeSearchState } from '../lib/search/state.ts';
import { suggestQuery } from '../lib/search/suggest.ts';
import { fetchList } from '../client/fetch-list.ts';

type Filters = Record<string, string[]>;

/**
 * "Did you mean …" is weighed for a query with fewer results than this whose
 * words the hub spells otherwise ("heet pump" finds 6 pages that merely say
 * "pump"), and offered when the mended query finds more than twice as many.
 */
const POOR_RESULTS = 10;

type FilterCounts = Record<string, Record<string, number>>;

/** Pagefind's search API (pagefind.js), as the Component UI uses it. */
interface PagefindApi {
  search: (term: string | null, options?: Record<string, unknown>) => Promise<unknown>;
  filters: () => Promise<FilterCounts>;
}

/** The parts of a Component UI instance this island uses. */
interface PagefindUiInstance {
  searchTerm: string;
  searchFilters: Filters;
  /** Whether a search without words lists every match (the `faceted` attribute of <pagefind-config>). */
  faceted: boolean;
  /** Every filter's values and counts, once loaded. */
  availableFilters: FilterCounts | null;
  totalFilters: FilterCounts | null;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  on(event: 'search', callback: (term: string, filters: Filters) => void): void;
  on(event: 'results', callback: (result: { results?: unknown[] }) => void): void;
  /** The Pagefind search API the instance loaded (undocumented; caught as it is stored, see loadWithoutFilters). */
  __pagefind__?: PagefindApi;
  __dispatch__(event: 'filters', counts: { available: FilterCounts; total: FilterCounts }): void;
}

declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name: string): PagefindUiInstance } };
  }
}

/**
 * Two accessibility gaps of Pagefind 1.5's filter dropdowns, mended on every
 * re-render: its <button role="combobox"> is named only by its content, which
 * a combobox does not take its name from (axe: button-name), so it gets its
 * visible label; and the label and count of an option (and of the button)
 * touch without a space, so "Article4" did not match the accessible name
 * "Article, 4 results" (axe: label-content-name-mismatch).
 */
function mendFilterDropdowns(tools: Element): void {
  const mend = () => {
    for (const dropdown of tools.querySelectorAll('pagefind-filter-dropdown')) {
      const trigger = dropdown.querySelector('button[role="combobox"]');
      const label = dropdown.getAttribute('label');
      if (trigger && label && !trigger.hasAttribute('aria-label')) trigger.setAttribute('aria-label', label);
      for (const count of dropdown.querySelectorAll('.pf-dropdown-option-count, .pf-dropdown-selected-badge')) {
        if (count.previousSibling?.nodeType !== Node.TEXT_NODE) count.before(' ');
      }
    }
  };
  mend();
  new MutationObserver(mend).observe(tools, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
}

async function start(): Promise<void> {
  await customElements.whenDefined('pagefind-results');
  const tools = document.querySelector('.search-tools');
  if (tools) mendFilterDropdowns(tools);
  const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
  if (!instance) return;
  let state = readSearchState(location.search);

  const results = document.querySelector('pagefind-results');
  results?.addEventListener('error', (event) => event.target instanceof HTMLImageElement && event.target.remove(), true);

  instance.on('search', (term, filters) => {
    state = { ...state, query: term, filters: cleanFilters(filters) };
    // With a filter chosen and no words, list every match (Pagefind's faceted mode);
    // with neither, the page stays at its prompt rather than listing the whole hub.
    instance.faceted = Object.keys(state.filters).length > 0;
    history.replaceState(history.state, '', `${location.pathname}${writeSearchState(state)}${location.hash}`);
  });

  const loadFilters = await loadWithoutFilters(instance, tools);
  // A link with filters is a reader who filters: their values (and spelling) are needed now.
  if (Object.keys(state.filters).length) await loadFilters();

  // Pagefind 1.5's Component UI has no sort option (1.6 adds a fixed one), so
  // "newest first" passes Pagefind's own `sort` to the search API the
  // instance loaded. The e2e test pins this behaviour to the pinned version.
  const sortControl = document.querySelector<HTMLElement>('[data-search-sort]');
  const sortSelect = sortControl?.querySelector('select');
  const api = instance.__pagefind__;
  if (api && sortControl && sortSelect) {
    const search = api.search;
    api.search = (term, options = {}) => search(term, { ...options, sort: pagefindSort(state.sort) });
    sortSelect.value = state.sort;
    sortControl.hidden = false;
    sortSelect.addEventListener('change', () => {
      state = { ...state, sort: sortSelect.value as SearchSort };
      instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
    });
  }

  const suggestion = document.querySelector<HTMLElement>('[data-search-suggestion]');
  if (suggestion) offerSuggestions(instance, suggestion);

  // A link's filter values in the index's spelling: ?team=sales is the team "Sales", ?type=people the type "Person".
  state = { ...state, filters: canonicalFilters(state.filters, instance.availableFilters ?? {}, readJson(suggestion?.dataset.aliases, {})) };
  if (state.query || Object.keys(state.filters).length) instance.triggerSearchWithFilters(state.query, state.filters);
}

/**
 * Loads Pagefind for the Component UI without its filter lists, which it
 * would fetch on opening the page to count every filter value (178 KB at
 * 10,000 entries, more than a search for two words): they load when the
 * reader reaches for a filter (a tap, a click or the keyboard in the filter
 * group) or arrives with filters in the link. A search finds the same pages
 * either way; until then the dropdowns wait for their values.
 *
 * The Component UI has no option for this: it loads Pagefind's API and asks
 * it for every filter at once. So the island catches the API as the
 * Component UI stores it (`__pagefind__`, undocumented; the e2e test pins it
 * to the pinned version) and hands it back with a `filters()` that answers
 * nothing until the filters are wanted. (Loading the API itself would take a
 * dynamic import, and with it Vite's preload helper on every snippet page.)
 * Returns what loads the filters, once.
 */
async function loadWithoutFilters(instance: PagefindUiInstance, tools: Element | null): Promise<() => Promise<void>> {
  let allFilters: (() => Promise<FilterCounts>) | undefined;
  let api: PagefindApi | undefined;
  let loaded = false;
  Object.defineProperty(instance, '__pagefind__', {
    configurable: true,
    get: () => api,
    set(value: PagefindApi | undefined) {
      api = value;
      if (!value) return;
      allFilters = value.filters.bind(value);
      // The Component UI asks for the filters again when the query is cleared: none until they are loaded.
      value.filters = async () => (loaded ? allFilters!() : {});
    },
  });
  await instance.triggerLoad();
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= (allFilters ? allFilters() : Promise.resolve({})).then((counts) => {
      loaded = true;
      instance.availableFilters = counts;
      instance.totalFilters = counts;
      instance.__dispatch__('filters', { available: counts, total: counts });
      // Counts for the results on the page, now that Pagefind has every filter list.
      if (instance.searchTerm || Object.keys(instance.searchFilters ?? {}).length) instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters);
    }));
  for (const event of ['pointerdown', 'focusin', 'keydown'] as const) tools?.addEventListener(event, () => void load(), { once: true });
  return load;
}

function readJson<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * "Did you mean heat pump?" under a query with few results whose words the
 * hub spells otherwise, when the mended query finds many more (POOR_RESULTS);
 * one tap runs it.
 */
function offerSuggestions(instance: PagefindUiInstance, element: HTMLElement): void {
  const button = element.querySelector<HTMLButtonElement>('[data-suggested-query]')!;
  let asked = 0;
  instance.on('results', async (result) => {
    const id = ++asked;
    const term = instance.searchTerm;
    const found = result.results?.length ?? 0;
    const mended = found < POOR_RESULTS ? suggestQuery(term, await hubWords(element.dataset.wordsUrl)) : undefined;
    if (id !== asked) return;
    if (!mended) {
      element.hidden = true;
      return;
    }
    const better = await instance.__pagefind__?.search(mended, { filters: instance.searchFilters });
    const more = ((better as { results?: unknown[] } | null | undefined)?.results?.length ?? 0) > 2 * found;
    if (id !== asked) return;
    button.textContent = mended;
    element.hidden = !more;
  });
  button.addEventListener('click', () => {
    element.hidden = true;
    instance.triggerSearchWithFilters(button.textContent ?? '', instance.searchFilters);
  });
}

let words: Promise<string[]> | undefined;
/** The hub's words (/search/words.json), fetched the first time a query finds few results, then kept. */
function hubWords(url: string | undefined): Promise<string[]> {
  words ??= url ? fetchList(url).then((list) => list.filter((word): word is string => typeof word === 'string')) : Promise.resolve([]);
  return words;
}

void start();
