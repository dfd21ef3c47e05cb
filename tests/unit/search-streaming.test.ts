/**
 * The search index built while the pages render (src/integrations/search.ts,
 * rendered-pages.ts): only entry pages reach Pagefind, under the base path
 * too; rendering waits when Pagefind falls MAX_PAGES_IN_FLIGHT pages behind;
 * the index is written at the end and failures read as one line.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { EXCLUDED_SELECTORS, MAX_PAGES_IN_FLIGHT, type PagefindApi, SearchIndexError, entryPageFile, searchableHtml, startSearchIndex } from '../../src/hub/search.ts';

/** A Pagefind whose addHTMLFile answers only when the test says so. */
function slowPagefind(options: { errorFor?: string } = {}) {
  const added: { sourcePath: string; content: string }[] = [];
  const pending: (() => void)[] = [];
  const written: string[] = [];
  let closed = 0;
  const index = {
    addHTMLFile: (file: { sourcePath: string; content: string }) =>
      new Promise((resolve) => {
        added.push(file);
        pending.push(() => resolve({ errors: file.sourcePath === options.errorFor ? ['no <html lang>'] : [], file: {} }));
      }),
    getFiles: async () => {
      written.push('getFiles');
      return { errors: [], files: [{ path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') }] };
    },
  };
  const api = { createIndex: async () => ({ errors: [], index }), close: async () => void closed++ } as unknown as PagefindApi;
  return { api, added, written, answer: (n = Infinity) => pending.splice(0, n).forEach((go) => go()), closed: () => closed };
}

describe('entryPageFile', () => {
  it('names the file of an entry page and nothing else', () => {
    expect(entryPageFile('/share/winter-checklist/', '/')).toBe('share/winter-checklist/index.html');
    expect(entryPageFile('/hub/start/engineers/', '/hub')).toBe('start/engineers/index.html');
    expect(entryPageFile('/hub/start/engineers/', '/hub/')).toBe('start/engineers/index.html');
    for (const other of ['/', '/share/', '/search/', '/share/a/b/', '/calendar/x/', '/404.html', '/start/engineers/', '/hub/og/snippets/a.png']) {
      expect(entryPageFile(other, other.startsWith('/start/') ? '/hub/' : '/')).toBeUndefined();
    }
  });
});

describe('searchableHtml', () => {
  const page =
    '<!doctype html><html lang="de-CH"><head><title>T</title><script type="module" src="/x.js"></script></head><body><header><a href="/">Hub</a></header>' +
    '<main id="main" data-pagefind-body><h1>Wärmepumpe</h1><p>Text <a href="https://example.com/?a=1&amp;b=2" rel="noopener">link</a></p>' +
    '<script type="application/json" data-share-config>{"a":1}</script><data data-pagefind-meta="title[value]" value="Wärmepumpe"></data></main><footer>f</footer></body></html>';

  it('keeps the language and <main> with its text and Pagefind attributes, without scripts, link targets, ARIA and other data attributes', () => {
    const cut = searchableHtml(
      '<html lang="en"><body><main data-pagefind-body><section class="share" aria-labelledby="t" data-strings="{&quot;a&quot;:1}" data-share>' +
        '<h2 id="t" data-search-ignore data-astro-cid-x>Share</h2><p data-pagefind-filter="topic">Heat</p><button aria-expanded="false" hidden>b</button></section></main></body></html>',
    );
    expect(cut).toBe(
      '<!doctype html><html lang="en"><head></head><body><main data-pagefind-body><section class="share">' +
        '<h2 id="t" data-search-ignore>Share</h2><p data-pagefind-filter="topic">Heat</p><button hidden>b</button></section> </main></body></html>',
    );
    expect(searchableHtml(page)).toBe(
      '<!doctype html><html lang="de-CH"><head></head><body><main id="main" data-pagefind-body><h1>Wärmepumpe</h1><p>Text <a rel="noopener">link</a></p>' +
        '<data data-pagefind-meta="title[value]" value="Wärmepumpe"></data></main></body></html>',
    );
  });

  it('keeps the words of two blocks apart in the real index (two wordings were indexed as "callAsk")', async () => {
    const wordings =
      '<html lang="en"><body><main data-pagefind-body><figure class="variant"><figcaption>Wording 1</figcaption><blockquote>then call</blockquote>' +
      '<ul class="share-links" data-search-ignore><li><a href="https://x.test/">LinkedIn</a></li></ul></figure>' +
      '<figure class="variant"><figcaption>Wording 2</figcaption><blockquote>Ask the team.</blockquote></figure><ul><li>one</li><li>two</li></ul>' +
      '<span>in</span><span>line</span></main></body></html>';
    const search = await startSearchIndex({ base: '/' });
    await search.feed.add('/share/a/', wordings);
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-search-words-'));
    await search.finish(dir);
    const fragments = path.join(dir, 'pagefind/fragment');
    const [fragment] = readdirSync(fragments);
    const data = JSON.parse(
      gunzipSync(readFileSync(path.join(fragments, fragment!)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ) as { content: string };
    // Inline elements with nothing between them are one word, as a browser shows them.
    expect(data.content).toBe('then call Ask the team. one. two. inline');
  });

  it('leaves Pagefind what it indexes of the whole page: filters, metadata, headings and words', async () => {
    const whole =
      '<!doctype html><html lang="en"><head><title>T</title></head><body><nav><a href="/">Hub</a></nav><main id="main" data-pagefind-body>' +
      '<h1>Heat pumps in winter</h1><data data-pagefind-meta="title[value]" value="Heat pumps in winter"></data><p class="eyebrow">Ready to share</p>' +
      '<section class="share" aria-labelledby="s" data-strings="{&quot;x&quot;:&quot;copy&quot;}" data-share><h2 id="s" data-search-ignore>Wordings</h2>' +
      '<figure class="variant" data-variant="1"><figcaption>Wording 1</figcaption><blockquote dir="auto" data-text="x">Defrost cycles explained</blockquote>' +
      '<ul class="share-links" data-search-ignore><li><a href="https://x.test/?a=1&amp;b=2" data-network="x" aria-label="Share on X">X</a></li></ul></figure></section>' +
      '<h2 id="why">Why it matters</h2><p data-pagefind-filter="topic" data-topic="heat">Heat</p><p>Bills fall <span aria-hidden="true">★</span></p>' +
      '<script type="module">run()</script><ul class="card"><li>Related entry</li></ul></main><footer>f</footer></body></html>';
    const fragmentOf = async (files: readonly { path: string; content: Uint8Array }[]) =>
      JSON.parse(
        gunzipSync(files.find((file) => file.path.startsWith('fragment/'))!.content)
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as Record<string, unknown>;
    const indexed = async (content: string) => {
      const { index } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
      await index!.addHTMLFile({ sourcePath: 'share/a/index.html', content });
      const { files } = await index!.getFiles();
      await pagefind.close();
      return fragmentOf(files);
    };
    const fromWhole = await indexed(whole);
    const fromCut = await indexed(searchableHtml(whole));
    // The same filters, metadata, headings to jump to and words; the regions Pagefind is told to skip are still skipped.
    expect(fromCut.filters).toEqual({ topic: ['Heat'] });
    expect(fromCut.meta).toEqual(fromWhole.meta);
    expect(fromCut.anchors).toEqual(fromWhole.anchors);
    expect(fromCut.anchors).toContainEqual(expect.objectContaining({ id: 'why', text: 'Why it matters' }));
    expect(fromCut.content).toBe('Defrost cycles explained Why it matters. Heat. Bills fall ★');
    // Only where the whole page's blocks meet does Pagefind put a full stop.
    expect(String(fromWhole.content).replace('explained.', 'explained')).toBe(fromCut.content);
  });

  it('passes a page without <main> whole', () => {
    expect(searchableHtml('<html lang="en"><body><p>x</p></body></html>')).toBe('<html lang="en"><body><p>x</p></body></html>');
  });
});

/** An entry page that asks to be indexed. */
const entry = (words: string) => `<html lang="en"><body><main data-pagefind-body>${words}</main></body></html>`;

describe('startSearchIndex', () => {
  it('indexes the entry pages handed over that ask to be, and writes the index at the end', async () => {
    const pagefind = slowPagefind();
    const search = await startSearchIndex({ api: pagefind.api, base: '/' });
    await search.feed.add('/share/a/', entry('a'));
    await search.feed.add('/share/', entry('list'));
    await search.feed.add('/articles/b/', entry('b'));
    // Another language's text, shown untranslated: its page has no data-pagefind-body.
    await search.feed.add('/articles/c/', '<html lang="de"><body><main>c</main></body></html>');
    expect(pagefind.added.map((f) => f.sourcePath)).toEqual(['share/a/index.html', 'articles/b/index.html']);
    expect(pagefind.added[0]!.content).toBe(searchableHtml(entry('a')));
    expect(search.pages).toBe(2);
    pagefind.answer();
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-stream-'));
    const report = await search.finish(dir);
    expect(report.pages).toBe(2);
    expect(pagefind.written).toEqual(['getFiles']);
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe('{}');
    expect(pagefind.closed()).toBe(1);
  });

  it(`holds rendering back while ${MAX_PAGES_IN_FLIGHT} pages wait for Pagefind`, async () => {
    const pagefind = slowPagefind();
    const search = await startSearchIndex({ api: pagefind.api, base: '/' });
    for (let i = 1; i < MAX_PAGES_IN_FLIGHT; i++) await search.feed.add(`/share/p${i}/`, entry('x'));
    let released = false;
    const last = search.feed.add('/share/last/', entry('x')).then(() => (released = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(released).toBe(false);
    pagefind.answer(1);
    await last;
    expect(released).toBe(true);
    pagefind.answer();
  });

  it('fails with one readable line when a page cannot be indexed', async () => {
    const pagefind = slowPagefind({ errorFor: 'share/bad/index.html' });
    const search = await startSearchIndex({ api: pagefind.api, base: '/' });
    await search.feed.add('/share/bad/', entry('x'));
    pagefind.answer();
    const failure = search.finish(mkdtempSync(path.join(tmpdir(), 'hub-stream-')));
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(/^Pagefind could not index .+: share\/bad\/index\.html: no <html lang>$/);
    expect(pagefind.closed()).toBe(1);
  });
});
