/**
 * The search page, on Pagefind's search API (pagefind.js from the build
 * output, loaded when the reader starts to search or arrives with a search
 * in the link). It keeps the search in the URL (?q=, filters, sort) so it
 * can be linked, reads a link's filter values whatever their case, lists
 * every match of the filters when there are no words, orders newest first
 * on request, offers "Did you mean …", and renders each result as the hub's
 * card when it scrolls into view, a page of results at a time.
 */
import { NEWEST_FILE, type SearchFilters } from '../lib/search/filters.ts';
import { type SearchSort, byNewest, canonicalFilters, readSearchState, safePath, writeSearchState } from '../lib/search/state.ts';
import { suggestQuery } from '../lib/search/suggest.ts';
import { fetchList } from '../client/fetch-list.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';

/**
 * "Did you mean …" is weighed for a query with fewer results than this whose
 * words the hub spells otherwise ("heet pump" finds 6 pages that merely say
 * "pump"), and offered when the mended query finds more than twice as many.
 */
const POOR_RESULTS = 10;
/** Results listed at once; "Show more results" adds as many again. */
const PAGE_SIZE = 20;
/** Typing pauses this long before a search runs. */
const TYPING_MS = 200;

type FilterCounts = Record<string, Record<string, number>>;

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  /** For each filter value, how many of the results it would keep (once the filter lists are loaded). */
  filters: FilterCounts;
}
/** The part of Pagefind's search API (pagefind.js) this island uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

/** The strings with a count, handed over in each plural category of the language (`pluralStrings` on the server). */
type Counted = 'search.summary.query' | 'search.summary.filtered' | 'search.filterCount';
type Key = IslandKey<'search'> | `${Counted}.${Intl.LDMLPluralRule}`;

/** Pagefind's filters for the chosen values: a page with any of a filter's values, and every filter. */
const anyOf = (filters: SearchFilters) => Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, { any: values }]));

const form = document.querySelector<HTMLFormElement>('[data-search]');
if (form) start(form);

function start(form: HTMLFormElement): void {
  const s = stringsOf<Key>(form);
  const plural = new Intl.PluralRules(document.documentElement.lang || undefined);
  /** A string with a count, in the count's plural form (the server hands over one for each of the language's). */
  const counted = (key: Counted, count: number, vars: Record<string, string> = {}) => s(`${key}.${plural.select(count)}`, { ...vars, count });
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const filterGroups = [...form.querySelectorAll<HTMLDetailsElement>('[data-search-filter]')];
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const summary = document.querySelector<HTMLElement>('[data-search-summary]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const suggestion = document.querySelector<HTMLElement>('[data-search-suggestion]');
  const clear = form.querySelector<HTMLButtonElement>('[data-search-clear]')!;
  const bundle = new URL(form.dataset.bundle ?? '/pagefind/', location.href);

  let pagefind: Promise<Pagefind> | undefined;
  /**
   * Pagefind, loaded once: its script, worker, WebAssembly and metadata (about 175 KB at 10,000 entries).
   * It searches in its worker: at 10,000 entries a query of common words takes 0.4–0.9 s, which on the
   * page's thread (its `noWorker` option, 12 KB less) would freeze typing for as long.
   */
  const loadPagefind = () =>
    (pagefind ??= (async () => {
      const api = (await import(/* @vite-ignore */ new URL('pagefind.js', bundle).href)) as Pagefind;
      await api.options({ baseUrl: form.dataset.base ?? '/' });
      await api.init();
      return api;
    })());

  // The values each filter offers, as the index spells them (listed in the HTML at build time).
  const offered: FilterCounts = {};
  for (const box of boxes) (offered[box.name] ??= {})[box.value] = 0;
  const aliases = readJson<Record<string, Record<string, string>>>(form.dataset.aliases, {});

  let state = readSearchState(location.search);
  // A link's filter values in the index's spelling: ?team=sales is the team "Sales", ?type=people the type "Person".
  state = { ...state, filters: canonicalFilters(state.filters, offered, aliases) };
  input.value = state.query;
  sortSelect.value = state.sort;
  for (const box of boxes) box.checked = state.filters[box.name as keyof SearchFilters]?.includes(box.value) ?? false;
  showChosen();

  // ---- Searching ----
  let runs = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;
  let results: PagefindResult[] = [];
  let countsWanted = false;

  async function run(): Promise<void> {
    const id = ++runs;
    history.replaceState(history.state, '', `${location.pathname}${writeSearchState(state)}${location.hash}`);
    const { query, filters, sort } = state;
    const filtered = Object.keys(filters).length > 0;
    if (!query && !filtered) {
      // Neither words nor filters: the page stays at its prompt rather than listing the whole hub.
      results = [];
      list.replaceChildren();
      more.hidden = true;
      summary.textContent = s('search.prompt');
      if (suggestion) suggestion.hidden = true;
      if (countsWanted) void showCounts(undefined);
      return;
    }
    list.setAttribute('aria-busy', 'true');
    let found: PagefindSearch | null;
    let ordered: PagefindResult[];
    // Counts come with a search only once Pagefind has every filter list.
    const counting = listsLoaded;
    try {
      const api = await loadPagefind();
      found = await api.search(query || null, { filters: anyOf(filters) });
      ordered = found && sort === 'date' ? byNewest(found.results, await newestOrder()) : (found?.results ?? []);
    } catch {
      if (id !== runs) return;
      pagefind = undefined;
      list.setAttribute('aria-busy', 'false');
      summary.textContent = s('search.failed');
      return;
    }
    if (id !== runs || !found) return;
    results = ordered;
    list.replaceChildren();
    showMore();
    list.setAttribute('aria-busy', 'false');
    summary.textContent = results.length
      ? counted(query ? 'search.summary.query' : 'search.summary.filtered', results.length, { query })
      : !query
        ? s('search.summary.noneFiltered')
        : filtered
          ? s('search.summary.noneWithFilters', { query })
          : s('search.summary.none', { query });
    if (countsWanted) void showCounts(counting ? found.filters : undefined);
    if (suggestion) void offerSuggestion(id, query, filters, results.length);
  }

  function searchSoon(): void {
    clearTimeout(typing);
    typing = setTimeout(() => void run(), TYPING_MS);
  }

  input.addEventListener('input', () => {
    state = { ...state, query: input.value.trim() };
    summary.textContent = s('search.searching');
    searchSoon();
  });
  // The reader is about to search: fetch Pagefind while they type.
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { ...state, query: input.value.trim() };
    void run();
  });
  form.addEventListener('change', (event) => {
    if (event.target === sortSelect) state = { ...state, sort: sortSelect.value as SearchSort };
    else if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox') {
      state = { ...state, filters: chosenFilters() };
      showChosen();
    } else return;
    clearTimeout(typing);
    void run();
  });

  clear.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    state = { ...state, filters: {} };
    showChosen();
    // The button is gone: the reader goes on from the search box.
    input.focus();
    clearTimeout(typing);
    void run();
  });

  function chosenFilters(): SearchFilters {
    const chosen: SearchFilters = {};
    for (const box of boxes) if (box.checked) (chosen[box.name as keyof SearchFilters] ??= []).push(box.value);
    return chosen;
  }

  /** The number of values chosen, on each filter's button. */
  function showChosen(): void {
    clear.hidden = !boxes.some((box) => box.checked);
    for (const group of filterGroups) {
      const badge = group.querySelector<HTMLElement>('[data-chosen]')!;
      const count = group.querySelectorAll('input:checked').length;
      badge.hidden = count === 0;
      badge.textContent = count ? String(count) : '';
      badge.setAttribute('aria-label', s('search.chosen', { count }));
    }
  }

  // ---- Results, a page at a time, each filled in when it scrolls into view ----
  const pending = new WeakMap<Element, PagefindResult>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const result = pending.get(entry.target);
        if (result) void fill(entry.target as HTMLLIElement, result);
      }
    },
    // Only what comes into view: each result costs its record (about 1 KB) and a thumbnail (about 4 KB).
    { rootMargin: '0px' },
  );

  function showMore(): void {
    const from = list.children.length;
    for (const result of results.slice(from, from + PAGE_SIZE)) {
      const item = placeholder();
      pending.set(item, result);
      list.append(item);
      observer.observe(item);
    }
    more.hidden = list.children.length >= results.length;
  }
  let focusFrom = -1;
  more.addEventListener('click', () => {
    // The reader goes on where the new results start: the first new result's link, once it is filled in.
    focusFrom = list.children.length;
    showMore();
  });

  async function fill(item: HTMLLIElement, result: PagefindResult): Promise<void> {
    let data: ResultData;
    try {
      data = await result.data();
    } catch {
      return;
    }
    if (!item.isConnected) return;
    fillResult(item, data, s('search.share'));
    if (item === list.children[focusFrom]) {
      focusFrom = -1;
      // The whole card in view, not just its link (on a phone the link sat at the screen's bottom edge).
      item.querySelector('a')?.focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- Filter counts: Pagefind's filter lists load when the reader reaches for a filter ----
  let totals: Promise<FilterCounts> | undefined;
  let listsLoaded = false;
  const wantCounts = () => {
    if (countsWanted) return;
    countsWanted = true;
    void showCounts(undefined);
  };
  for (const event of ['pointerdown', 'focusin', 'keydown'] as const) form.querySelector('.search-tools')?.addEventListener(event, wantCounts, { once: true });

  /**
   * Each value's count: how many results the page would list with it ticked too. A filter's values
   * are counted without that filter's own choices (they add up: Article or Snippet), the others'
   * with them; before any search, the whole hub's. `counts` are those of the search on the page when
   * it could count; otherwise this searches for them, leaving the results on the page as they are.
   */
  async function showCounts(counts: FilterCounts | undefined): Promise<void> {
    const id = runs;
    const { query, filters } = state;
    try {
      const api = await loadPagefind();
      const all = await (totals ??= api.filters());
      listsLoaded = true;
      const search = (chosen: SearchFilters) => (query || Object.keys(chosen).length ? api.search(query || null, { filters: anyOf(chosen) }) : Promise.resolve(null));
      const shown: FilterCounts = { ...(counts ?? (await search(filters))?.filters ?? all) };
      for (const name of Object.keys(filters)) {
        const others = { ...filters };
        delete others[name as keyof SearchFilters];
        const without = await search(others);
        shown[name] = without ? (without.filters[name] ?? {}) : (all[name] ?? {});
      }
      if (id !== runs) return;
      for (const box of boxes) {
        const count = shown[box.name]?.[box.value] ?? 0;
        const label = box.closest('label');
        const value = label?.querySelector('[data-value]');
        const figure = label?.querySelector('[data-count]');
        if (!value || !figure) continue;
        // The count's words inside the value's box, so the name reads "Article, 4 results" (the eye sees "Article 4").
        const words = value.querySelector('.visually-hidden') ?? value.appendChild(element('span', 'visually-hidden'));
        words.textContent = `, ${counted('search.filterCount', count)}`;
        figure.textContent = count.toLocaleString(document.documentElement.lang || undefined);
      }
    } catch {
      /* the counts stay away; the filters still work */
    }
  }

  // One filter open at a time; Escape or a click elsewhere closes it.
  for (const group of filterGroups) {
    group.addEventListener('toggle', () => {
      if (group.open) for (const other of filterGroups) if (other !== group) other.open = false;
    });
    // Focus leaving an open filter closes it, so it never hides where the focus went.
    group.addEventListener('focusout', (event) => {
      if (group.open && event.relatedTarget instanceof Node && !group.contains(event.relatedTarget)) group.open = false;
    });
    group.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !group.open) return;
      group.open = false;
      group.querySelector('summary')?.focus();
    });
  }
  document.addEventListener('click', (event) => {
    for (const group of filterGroups) if (group.open && !group.contains(event.target as Node)) group.open = false;
  });

  // ---- "Newest first" ----
  let newest: Promise<string[][]> | undefined;
  /** The build's order of pages by date (NEWEST_FILE), fetched the first time a reader orders by date. */
  function newestOrder(): Promise<string[][]> {
    newest ??= fetchList(new URL(NEWEST_FILE, bundle).href).then((days) => days.filter((day): day is string[] => Array.isArray(day)));
    return newest;
  }

  // ---- "Did you mean …" ----
  let words: Promise<string[]> | undefined;
  /** The hub's words (/search/words.json), fetched the first time a query finds few results, then kept. */
  const hubWords = (url: string | undefined) =>
    (words ??= url ? fetchList(url).then((list) => list.filter((word): word is string => typeof word === 'string')) : Promise.resolve([]));

  async function offerSuggestion(id: number, query: string, filters: SearchFilters, found: number): Promise<void> {
    const element = suggestion!;
    const mended = query && found < POOR_RESULTS ? suggestQuery(query, await hubWords(element.dataset.wordsUrl)) : undefined;
    if (id !== runs) return;
    if (!mended) {
      element.hidden = true;
      return;
    }
    const better = await (await loadPagefind()).search(mended, { filters: anyOf(filters) });
    if (id !== runs) return;
    element.querySelector('[data-suggested-query]')!.textContent = mended;
    element.hidden = (better?.results.length ?? 0) <= 2 * found;
  }
  suggestion?.querySelector('[data-suggested-query]')?.addEventListener('click', (event) => {
    suggestion.hidden = true;
    input.value = (event.currentTarget as HTMLElement).textContent ?? '';
    state = { ...state, query: input.value };
    // The offer is gone: the reader goes on from the search box, with the mended words.
    input.focus();
    void run();
  });

  if (state.query || Object.keys(state.filters).length) void run();
}

/** A result's place while its data loads. */
function placeholder(): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'hub-result hub-result-placeholder';
  item.setAttribute('aria-hidden', 'true');
  const body = element('div', 'hub-result-body');
  for (const name of ['hub-result-type', 'hub-result-title', 'hub-result-excerpt']) body.append(element('p', `${name} skeleton`, '\u00a0'));
  item.append(body);
  return item;
}

/** A result as the hub's card, in its placeholder's place: type and date, the title's link, the excerpt, and Share for a snippet. */
function fillResult(item: HTMLLIElement, data: ResultData, share: string): void {
  const { meta } = data;
  item.className = 'hub-result';
  item.removeAttribute('aria-hidden');
  item.replaceChildren();
  const image = safePath(meta.image);
  if (image) {
    const img = element('img', 'hub-result-image');
    Object.assign(img, { src: image, alt: '', width: 1200, height: 630, loading: 'lazy', decoding: 'async' });
    // A thumbnail that fails to load leaves no broken image.
    img.addEventListener('error', () => img.remove(), { once: true });
    item.append(img);
  }
  const body = element('div', 'hub-result-body');
  const type = element('p', 'hub-result-type', meta.type ?? '');
  if (meta.date_label) {
    const time = element('time', '', meta.date_label);
    if (meta.date) time.dateTime = meta.date;
    type.append(' · ', time);
  }
  const title = element('h2', 'hub-result-title');
  title.dir = 'auto';
  const link = element('a', 'hub-result-link', meta.title ?? data.url);
  link.href = safePath(meta.url) ?? safePath(data.url) ?? '#';
  title.append(link);
  body.append(type, title);
  if (data.excerpt) {
    const excerpt = element('p', 'hub-result-excerpt');
    excerpt.dir = 'auto';
    excerpt.append(...marked(data.excerpt));
    body.append(excerpt);
  }
  const sharePath = safePath(meta.share);
  if (sharePath) {
    const actions = element('p', 'hub-result-actions');
    const action = element('a', 'hub-result-share', share);
    action.href = sharePath;
    action.append(element('span', 'visually-hidden', ` ${meta.title ?? ''}`));
    actions.append(action);
    body.append(actions);
  }
  item.append(body);
}

/**
 * Pagefind's excerpt as text with its <mark>s, and nothing else: it is
 * parsed in an inert template (no script runs, no image loads) and only
 * its text and marks are kept.
 */
function marked(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK' ? element('mark', '', node.textContent ?? '') : document.createTextNode(node.textContent ?? ''),
  );
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function readJson<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}
