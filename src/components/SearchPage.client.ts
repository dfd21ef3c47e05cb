/**
 * The search page. Pagefind's Component UI searches and renders; this island
 * keeps the search in the URL (?q=, filters, sort) so it can be linked,
 * offers "newest first", mends the filter dropdowns' accessible names, and
 * drops share-card thumbnails that fail to load.
 */
import { type SearchSort, cleanFilters, pagefindSort, readSearchState, writeSearchState } from '../lib/search/state.ts';

type Filters = Record<string, string[]>;

/** The parts of a Component UI instance this island uses. */
interface PagefindUiInstance {
  searchTerm: string;
  searchFilters: Filters;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  on(event: 'search', callback: (term: string, filters: Filters) => void): void;
  /** The Pagefind search API the instance loaded (undocumented, see below). */
  __pagefind__?: { search: (term: string | null, options?: Record<string, unknown>) => Promise<unknown> };
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
    history.replaceState(history.state, '', `${location.pathname}${writeSearchState(state)}${location.hash}`);
  });

  // Pagefind 1.5's Component UI has no sort option (1.6 adds a fixed one), so
  // "newest first" passes Pagefind's own `sort` to the search API the
  // instance loaded. The e2e test pins this behaviour to the pinned version.
  await instance.triggerLoad();
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

  if (state.query || Object.keys(state.filters).length) instance.triggerSearchWithFilters(state.query, state.filters);
}

void start();
