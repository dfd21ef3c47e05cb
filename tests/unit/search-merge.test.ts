/**
 * The last build's index with only the changed pages indexed again
 * (src/hub/search-merge.ts), against the index Pagefind itself writes of the
 * same pages: real Pagefind on both sides, compared as a search reads them
 * (which pages each word and variant is on, at which places and meta
 * places, each page's fragment and word count, each filter value's pages),
 * not byte for byte, since the pages' numbers differ.
 */
import { describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { EXCLUDED_SELECTORS, searchableHtml } from '../../src/hub/search.ts';
import { type BundleFile, UnexpectedIndex, splitCommonWords, unpack } from '../../src/hub/search-chunks.ts';
import { type FragmentFacts, type IndexedPages, type KeptBundle, indexedPages, mergeIndex, pageUrl } from '../../src/hub/search-merge.ts';
import { decodeCbor, searchView } from '../support/pagefind-files.ts';

/** A few hundred words of a page, the same for the same seed. */
function words(seed: number, count: number, vocabulary: readonly string[]): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[x % vocabulary.length]!);
  }
  return out.join(' ');
}
const VOCABULARY = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}${i % 7 ? '' : 'x'}`);

/** An entry page as the hub writes it: title and date as metadata, filters, the body. */
function page(
  title: string,
  body: string,
  { topic = 'Heat', team = 'Sales', date = '2026-11-02', lang = 'en', author }: { topic?: string; team?: string; date?: string; lang?: string; author?: string } = {},
) {
  return (
    `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body>` +
    `<h1>${title}</h1><data data-pagefind-meta="title[value]" value="${title}"></data><data data-pagefind-meta="date[value]" value="${date}"></data>` +
    (author ? `<data data-pagefind-meta="author[value]" value="${author}"></data>` : '') +
    `<span data-pagefind-filter="topic">${topic}</span><span data-pagefind-filter="team">${team}</span><h2>About ${title}</h2><p>${body}</p></main></body></html>`
  );
}

const digestOf = (html: string) => `d${html.length}:${html.slice(-40)}`;

/** Pagefind's index of `pages` (file → HTML), added in that order, as the build keeps it (common words split). */
async function indexOf(pages: Record<string, string>): Promise<{ files: BundleFile[]; fragments: Map<string, FragmentFacts>; digests: Map<string, string> }> {
  const { index } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
  try {
    for (const [file, html] of Object.entries(pages)) {
      const added = await index!.addHTMLFile({ sourcePath: file, content: searchableHtml(html) });
      expect(added.errors).toEqual([]);
    }
    const { files, errors } = await index!.getFiles();
    expect(errors).toEqual([]);
    const kept = splitCommonWords(files.filter((f) => !/pagefind-(ui|modular-ui|component-ui|highlight)/.test(f.path))).files;
    const fragments = new Map<string, FragmentFacts>();
    for (const file of kept) {
      const id = /^fragment\/(.+)\.pf_fragment$/.exec(file.path)?.[1];
      if (!id) continue;
      const data = JSON.parse(unpack(file.content).toString('utf8')) as { url: string; meta: { date?: string } };
      fragments.set(id, { url: data.url, date: data.meta.date });
    }
    return { files: kept, fragments, digests: new Map(Object.entries(pages).map(([file, html]) => [file, digestOf(html)])) };
  } finally {
    await pagefind.close();
  }
}

const keptOf = (files: readonly BundleFile[], pages: IndexedPages): KeptBundle => {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  return { paths: [...byPath.keys()], read: (p) => byPath.get(p)!, pages };
};

const FIRST = {
  'share/a/index.html': page('Alpha', words(1, 300, VOCABULARY)),
  'share/b/index.html': page('Beta café', `${words(2, 300, VOCABULARY)} café résumé`, { topic: 'Pumps' }),
  'share/c/index.html': page('Gamma', words(3, 300, VOCABULARY), { team: 'Support' }),
  'articles/d/index.html': page('Delta', `${words(4, 300, VOCABULARY)} cafe`, { date: '2026-10-01' }),
  'guidelines/f/index.html': page('Français', words(6, 100, VOCABULARY), { lang: 'fr' }),
};

describe('mergeIndex', () => {
  it('gives the index Pagefind writes of the same pages: one changed, one gone, one new with a meta field the others lack', async () => {
    const first = await indexOf(FIRST);
    const keptPages = indexedPages(first.files, first.fragments, first.digests);
    expect(Object.keys(keptPages).sort()).toEqual(['en', 'fr']);
    expect(keptPages.en!.map((p) => p.file).sort()).toEqual(
      Object.keys(FIRST)
        .filter((f) => !f.startsWith('guidelines'))
        .sort(),
    );
    expect(keptPages.en!.find((p) => p.file === 'articles/d/index.html')).toMatchObject({ date: '2026-10-01', digest: digestOf(FIRST['articles/d/index.html']) });

    const changed = {
      'share/b/index.html': page('Beta again', `${words(7, 250, VOCABULARY)} zebracorn café`, { topic: 'Boilers' }),
      'share/e/index.html': page('Epsilon', `${words(8, 200, VOCABULARY)} newword`, { author: 'Ada', team: 'Marketing' }),
    };
    const { 'share/c/index.html': _gone, ...stay } = FIRST;
    const now = { ...stay, ...changed };
    const fresh = await indexOf(changed);
    const current = new Map(Object.entries(now).map(([file, html]) => [file, digestOf(html)]));
    const merged = await mergeIndex(keptOf(first.files, keptPages), fresh, current);
    const files = [...merged.written, ...merged.reused.map((p) => ({ path: p, content: first.files.find((f) => f.path === p)!.content }))];

    const whole = await indexOf(now);
    const wholeView = searchView(whole.files);
    const mergedView = searchView(files);
    expect(mergedView.en!.pages).toEqual(wholeView.en!.pages);
    expect(mergedView.en!.index).toEqual(wholeView.en!.index);
    expect(mergedView.en!.filters).toEqual(wholeView.en!.filters);
    expect(mergedView.fr).toEqual(wholeView.fr);
    expect(mergedView.en!.index.zebracorn).toEqual([expect.stringMatching(/^\/share\/b\/ /)]);
    expect(mergedView.en!.index.ada).toEqual([expect.stringMatching(/^\/share\/e\/ \[\] \["author",0\]$/)]);
    expect(Object.values(mergedView.en!.index).flat().join('\n')).not.toContain('/share/c/');

    // Each page's file, digest and fragment, the pages that stayed first; the gone page's fragment is not part of it.
    expect(merged.pages.en!.map((p) => p.file)).toEqual([
      ...keptPages.en!.map((p) => p.file).filter((f) => f !== 'share/c/index.html' && f !== 'share/b/index.html'),
      'share/b/index.html',
      'share/e/index.html',
    ]);
    expect(merged.pages.en!.every((p) => p.digest === current.get(p.file))).toBe(true);
    const goneId = keptPages.en!.find((p) => p.file === 'share/c/index.html')!.id;
    expect(files.map((f) => f.path)).not.toContain(`fragment/${goneId}.pf_fragment`);
    expect(merged.reused).toContain('pagefind.js');
  });

  it('cuts the words into the chunks Pagefind cuts them into, a common word in a chunk of its own', async () => {
    const many = Object.fromEntries(
      // Titles of many words: Pagefind counts a word's meta places too when it fills a chunk.
      Array.from({ length: 48 }, (_, i) => [
        `share/p${i}/index.html`,
        page(`Page ${words(i + 50, 60, VOCABULARY)}`, `${words(i + 10, 500, VOCABULARY)} ${'heat '.repeat(420)}`),
      ]),
    );
    const first = await indexOf(many);
    const keptPages = indexedPages(first.files, first.fragments, first.digests);
    const changed = { 'share/p3/index.html': page(`Page ${words(98, 60, VOCABULARY)}`, `${words(99, 500, VOCABULARY)} ${'heat '.repeat(420)}`) };
    const now = { ...many, ...changed };
    const fresh = await indexOf(changed);
    const merged = await mergeIndex(keptOf(first.files, keptPages), fresh, new Map(Object.entries(now).map(([file, html]) => [file, digestOf(html)])));
    const files = [...merged.written, ...merged.reused.map((p) => ({ path: p, content: first.files.find((f) => f.path === p)!.content }))];
    const whole = searchView((await indexOf(now)).files).en!;
    const view = searchView(files).en!;
    expect(view.ranges.length).toBeGreaterThan(2);
    expect(view.ranges).toEqual(whole.ranges);
    expect(view.index).toEqual(whole.index);
    expect(merged.commonWords).toBe(1);
    expect(view.index.heat!.length).toBe(48);
    // The common word, on every page 420 times, closes a chunk on its own place count, and is alone in its chunk.
    const chunkWords = files.filter((f) => f.path.startsWith('index/')).map((f) => (decodeCbor(unpack(f.content)) as [[string][]])[0].map((word) => word[0]));
    expect(chunkWords.find((words) => words.includes('heat'))).toEqual(['heat']);
  });

  it('takes pages out without Pagefind when none changed', async () => {
    const first = await indexOf(FIRST);
    const keptPages = indexedPages(first.files, first.fragments, first.digests);
    const { 'share/b/index.html': _gone, ...now } = FIRST;
    const merged = await mergeIndex(
      keptOf(first.files, keptPages),
      { files: [], digests: new Map(), fragments: new Map() },
      new Map(Object.entries(now).map(([f, h]) => [f, digestOf(h)])),
    );
    const files = [...merged.written, ...merged.reused.map((p) => ({ path: p, content: first.files.find((f) => f.path === p)!.content }))];
    const whole = searchView((await indexOf(now)).files);
    const view = searchView(files);
    expect(view.en!.index).toEqual(whole.en!.index);
    expect(view.en!.filters).toEqual(whole.en!.filters);
    expect(view.en!.filters.topic).not.toHaveProperty('Pumps');
    expect(view.en!.index['café']).toBeUndefined();
  });

  it('refuses a kept index it cannot read, or whose pages are not the list kept with it', async () => {
    const first = await indexOf(FIRST);
    const keptPages = indexedPages(first.files, first.fragments, first.digests);
    const current = new Map(Object.entries(FIRST).map(([f, h]) => [f, digestOf(h)]));
    const none = { files: [], digests: new Map<string, string>(), fragments: new Map<string, FragmentFacts>() };
    const damaged = first.files.map((f) => (f.path.startsWith('index/') ? { ...f, content: f.content.subarray(0, 20) } : f));
    await expect(mergeIndex(keptOf(damaged, keptPages), none, current)).rejects.toThrow(UnexpectedIndex);
    const shuffled = { ...keptPages, en: [...keptPages.en!].reverse() };
    await expect(mergeIndex(keptOf(first.files, shuffled), none, current)).rejects.toThrow(/in the kept index, .+ in its list/);
    const short = { ...keptPages, en: keptPages.en!.slice(1) };
    await expect(mergeIndex(keptOf(first.files, short), none, current)).rejects.toThrow(/pages, its list/);
    expect(() => indexedPages(first.files, first.fragments, new Map([['share/a/index.html', 'x']]))).toThrow(/is not one of the build's pages/);
  });

  it("names a page's address as Pagefind does", () => {
    expect(pageUrl('share/a/index.html')).toBe('/share/a/');
    expect(pageUrl('index.html')).toBe('/');
  });
});
