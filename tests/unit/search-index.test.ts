/** The integration that builds the index, against a fake Pagefind: every failure stops the build with one readable line. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTRY_PAGES_GLOB, EXCLUDED_SELECTORS, type PagefindApi, SearchIndexError, buildSearchIndex, newestOrder, searchIndex } from '../../src/hub/search.ts';
import { NEWEST_FILE } from '../../src/lib/search/filters.ts';
import { newestFirst } from '../../src/lib/search/newest.ts';

interface Fake {
  api: PagefindApi;
  calls: { create: unknown[]; add: unknown[]; write: unknown[]; closed: number };
}

type Behaviour = { createThrows?: string; createErrors?: string[]; addErrors?: string[]; writeErrors?: string[]; files?: { path: string; content: Uint8Array }[] };

/** A page's fragment as Pagefind writes it: gzip of its signature and the page's JSON. */
function fragment(meta: Record<string, unknown>): Uint8Array {
  const json = JSON.stringify({ url: '/share/a/', content: 'Words.', word_count: 1, filters: {}, meta, anchors: [] });
  return new Uint8Array(gzipSync(Buffer.from(`pagefind_dcd${json}`)));
}
const A_FRAGMENT = fragment({ title: 'A', date: '2026-11-02' });

/** What Pagefind hands over for an index: its entry file, its script (100 bytes) and a fragment. */
const INDEX_FILES = [
  { path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') },
  { path: 'pagefind.js', content: new TextEncoder().encode('x'.repeat(98)) },
  { path: 'fragment/en_a.pf_fragment', content: A_FRAGMENT },
  // Pagefind's other UIs, which the search page does not load: not written.
  { path: 'pagefind-ui.js', content: new TextEncoder().encode('z'.repeat(1000)) },
  { path: 'pagefind-component-ui.js', content: new TextEncoder().encode('z'.repeat(1000)) },
  { path: 'pagefind-modular-ui.css', content: new TextEncoder().encode('z'.repeat(1000)) },
  { path: 'pagefind-highlight.js', content: new TextEncoder().encode('z'.repeat(1000)) },
];

function fakePagefind(behaviour: Behaviour = {}): Fake {
  const calls = { create: [] as unknown[], add: [] as unknown[], write: [] as unknown[], closed: 0 };
  const index = {
    addDirectory: async (options: unknown) => {
      calls.add.push(options);
      return { errors: behaviour.addErrors ?? [], page_count: 3 };
    },
    getFiles: async () => {
      calls.write.push('getFiles');
      return { errors: behaviour.writeErrors ?? [], files: behaviour.writeErrors ? [] : (behaviour.files ?? INDEX_FILES) };
    },
  };
  const api = {
    createIndex: async (config: unknown) => {
      calls.create.push(config);
      if (behaviour.createThrows) throw new Error(behaviour.createThrows);
      return behaviour.createErrors ? { errors: behaviour.createErrors } : { errors: [], index };
    },
    close: async () => {
      calls.closed++;
      return null;
    },
  } as unknown as PagefindApi;
  return { api, calls };
}

const dist = () => mkdtempSync(path.join(tmpdir(), 'hub-search-'));

describe('buildSearchIndex', () => {
  it('indexes only entry pages, leaves related cards and labels out, writes dist/pagefind with newest.json and reports its size', async () => {
    const fake = fakePagefind();
    const dir = dist();
    const report = await buildSearchIndex({ dir, api: fake.api });
    expect(fake.calls.create).toEqual([{ excludeSelectors: EXCLUDED_SELECTORS }]);
    expect(fake.calls.add).toEqual([{ path: dir, glob: '{share,articles,guidelines,training,campaigns,people,start}/*/index.html' }]);
    expect(ENTRY_PAGES_GLOB).toBe('{share,articles,guidelines,training,campaigns,people,start}/*/index.html');
    expect(fake.calls.write).toEqual(['getFiles']);
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe('{}');
    expect(new Uint8Array(readFileSync(path.join(dir, 'pagefind', 'fragment', 'en_a.pf_fragment')))).toEqual(A_FRAGMENT);
    expect(readFileSync(path.join(dir, 'pagefind', NEWEST_FILE), 'utf8')).toBe('[["en_a"]]');
    // Pagefind's three files and newest.json.
    // No word index to split (search-chunks.test.ts).
    expect(report).toEqual({ pages: 3, files: 4, bytes: 100 + A_FRAGMENT.length + '[["en_a"]]'.length, commonWords: 0 });
    expect(fake.calls.closed).toBe(1);
  });

  it.each([
    [
      { createThrows: 'spawn pagefind ENOENT\n    at stack line' },
      /^Pagefind could not start: spawn pagefind ENOENT \(run "npm ci" again; Pagefind needs the @pagefind\/\* package of this platform\)$/,
    ],
    [{ createErrors: ['bad config'] }, /^Pagefind could not create an index: bad config$/],
    [
      { addErrors: ['share/x/index.html: unreadable', 'share/y/index.html: unreadable'] },
      /^Pagefind could not index .+: share\/x\/index\.html: unreadable; share\/y\/index\.html: unreadable$/,
    ],
    [{ writeErrors: ['disk full'] }, /^Pagefind could not write .+pagefind: disk full$/],
    [{ files: INDEX_FILES.slice(1) }, /^Pagefind could not write .+pagefind: no pagefind-entry\.json among its 6 files$/],
    [
      { files: [...INDEX_FILES, { path: 'fragment/en_b.pf_fragment', content: new TextEncoder().encode('y'.repeat(20)) }] },
      /^newest\.json \("newest first"\) could not be written: .+pagefind\/fragment\/en_b\.pf_fragment cannot be read: it is not gzip \(incorrect header check\)$/,
    ],
    [{ files: [...INDEX_FILES, { path: '../index.html', content: new Uint8Array() }] }, /^Pagefind could not write .+pagefind: \.\.\/index\.html is outside it$/],
  ])('fails with a readable message and stops Pagefind when %o', async (behaviour, message) => {
    const fake = fakePagefind(behaviour);
    const failure = buildSearchIndex({ dir: dist(), api: fake.api });
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(message);
    expect(fake.calls.closed).toBe(1);
  });
});

describe('newestFirst', () => {
  it('lists the days newest first, a day’s ids together in a stable order, and leaves undated pages out', () => {
    const pages: [string, string | undefined][] = [
      ['en_c', '2026-09-02'],
      ['en_person', undefined],
      ['en_b', '2026-11-02'],
      ['en_a', '2026-09-02'],
      ['en_track', undefined],
      ['en_d', '2025-12-31'],
      ['en_B', '2026-09-02'],
    ];
    const expected = [['en_b'], ['en_B', 'en_a', 'en_c'], ['en_d']];
    expect(newestFirst(pages)).toEqual(expected);
    expect(newestFirst(pages.toReversed())).toEqual(expected);
    expect(newestFirst([['en_x', undefined]])).toEqual([]);
    expect(newestFirst([])).toEqual([]);
  });
});

describe('newestOrder', () => {
  const outputPath = path.join('dist', 'pagefind');
  const file = (name: string, content: Uint8Array) => ({ path: `fragment/${name}.pf_fragment`, content });

  it('reads each page’s id from its fragment’s name and its day from the fragment’s metadata, and nothing from other files', () => {
    const files = [
      { path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') },
      { path: 'pagefind.en_123.pf_meta', content: new TextEncoder().encode('not a fragment') },
      file('en_old', fragment({ title: 'Old', date: '2026-01-05', date_label: 'Jan 5, 2026' })),
      file('en_new', fragment({ title: 'New', date: '2026-11-02' })),
      file('en_person', fragment({ title: 'Ana' })),
      file('en_new2', fragment({ title: 'New too', date: '2026-11-02' })),
    ];
    expect(newestOrder(files, outputPath)).toEqual([['en_new', 'en_new2'], ['en_old']]);
  });

  it.each([
    ['not gzip', new TextEncoder().encode('{"meta":{}}'), 'cannot be read: it is not gzip (incorrect header check)'],
    ['without the signature', new Uint8Array(gzipSync('{"meta":{}}')), 'cannot be read: it does not start with "pagefind_dcd"'],
    ['broken JSON', new Uint8Array(gzipSync('pagefind_dcd{"meta":')), 'cannot be read: its JSON is broken ('],
    ['no metadata', new Uint8Array(gzipSync('pagefind_dcd{"url":"/a/"}')), 'cannot be read: it has no metadata'],
    ['a date that is no day', fragment({ date: 'Nov 2, 2026' }), 'has a date that is not a day (YYYY-MM-DD): "Nov 2, 2026"'],
  ])('fails with one line naming the fragment when it is %s', (_, content, reason) => {
    const files = [file('en_good', fragment({ date: '2026-11-02' })), file('en_bad', content)];
    const read = () => newestOrder(files, outputPath);
    expect(read).toThrow(SearchIndexError);
    expect(read).toThrow(`newest.json ("newest first") could not be written: ${path.join(outputPath, 'fragment/en_bad.pf_fragment')} ${reason}`);
    try {
      read();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('names a few unreadable fragments, and counts the rest', () => {
    const files = ['a', 'b', 'c', 'd', 'e'].map((id) => file(`en_${id}`, new TextEncoder().encode('y')));
    expect(() => newestOrder(files, outputPath)).toThrow(/en_a\.pf_fragment .+; .+en_b\.pf_fragment .+; .+en_c\.pf_fragment .+; and 2 more$/);
  });
});

describe('the hub:search integration', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs the failure as one line and exits with code 1 (no stack trace)', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const hook = searchIndex({ api: fakePagefind({ writeErrors: ['disk full'] }).api }).hooks['astro:build:done']!;
    await hook({ dir: pathToFileURL(`${dist()}/`), pages: [], assets: new Map(), logger } as never);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]![0]).toMatch(/^search index: Pagefind could not write .+: disk full$/);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('logs what it indexed', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const hook = searchIndex({ api: fakePagefind().api }).hooks['astro:build:done']!;
    await hook({ dir: pathToFileURL(`${dist()}/`), pages: [], assets: new Map(), logger } as never);
    expect(logger.info.mock.calls[0]![0]).toMatch(/^indexed 3 pages into pagefind\/ \(4 files, 0 KiB\) in \d+ ms$/);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('warns, and writes the index as Pagefind wrote it, when its word chunks are not what search-chunks.ts expects', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const entry = { path: 'pagefind-entry.json', content: new TextEncoder().encode('{"languages":{"en":{"hash":"en_1"}}}') };
    const files = [entry, ...INDEX_FILES.slice(1)];
    const dir = dist();
    await searchIndex({ api: fakePagefind({ files }).api }).hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages: [], assets: new Map(), logger } as never);
    expect(logger.warn.mock.calls).toEqual([
      [`search index: Pagefind's word chunks were left as it wrote them (no pagefind.en_1.pf_meta); search works, a query may download more`],
    ]);
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe('{"languages":{"en":{"hash":"en_1"}}}');
  });
});
