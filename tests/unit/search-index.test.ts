/** The integration that builds the index, against a fake Pagefind: every failure stops the build with one readable line. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTRY_PAGES_GLOB, EXCLUDED_SELECTORS, type PagefindApi, SearchIndexError, buildSearchIndex, searchIndex } from '../../src/hub/search.ts';

interface Fake {
  api: PagefindApi;
  calls: { create: unknown[]; add: unknown[]; write: unknown[]; closed: number };
}

type Behaviour = { createThrows?: string; createErrors?: string[]; addErrors?: string[]; writeErrors?: string[]; files?: { path: string; content: Uint8Array }[] };

/** What Pagefind hands over for an index: its entry file, its script and a fragment (120 bytes). */
const INDEX_FILES = [
  { path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') },
  { path: 'pagefind.js', content: new TextEncoder().encode('x'.repeat(98)) },
  { path: 'fragment/a.pf_fragment', content: new TextEncoder().encode('y'.repeat(20)) },
  // Pagefind's other UIs, which the search page does not load: not written.
  { path: 'pagefind-ui.js', content: new TextEncoder().encode('z'.repeat(1000)) },
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
  it('indexes only entry pages, leaves related cards and labels out, writes dist/pagefind and reports its size', async () => {
    const fake = fakePagefind();
    const dir = dist();
    const report = await buildSearchIndex({ dir, api: fake.api });
    expect(fake.calls.create).toEqual([{ excludeSelectors: EXCLUDED_SELECTORS }]);
    expect(fake.calls.add).toEqual([{ path: dir, glob: '{share,articles,guidelines,training,campaigns,people,start}/*/index.html' }]);
    expect(ENTRY_PAGES_GLOB).toBe('{share,articles,guidelines,training,campaigns,people,start}/*/index.html');
    expect(fake.calls.write).toEqual(['getFiles']);
    expect(report).toEqual({ pages: 3, files: 3, bytes: 120 });
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe('{}');
    expect(readFileSync(path.join(dir, 'pagefind', 'fragment', 'a.pf_fragment'), 'utf8')).toBe('y'.repeat(20));
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
    [{ files: INDEX_FILES.slice(1) }, /^Pagefind could not write .+pagefind: no pagefind-entry\.json among its 5 files$/],
    [{ files: [...INDEX_FILES, { path: '../index.html', content: new Uint8Array() }] }, /^Pagefind could not write .+pagefind: \.\.\/index\.html is outside it$/],
  ])('fails with a readable message and stops Pagefind when %o', async (behaviour, message) => {
    const fake = fakePagefind(behaviour);
    const failure = buildSearchIndex({ dir: dist(), api: fake.api });
    await expect(failure).rejects.toThrow(SearchIndexError);
    await expect(failure).rejects.toThrow(message);
    expect(fake.calls.closed).toBe(1);
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
    expect(logger.info.mock.calls[0]![0]).toMatch(/^indexed 3 pages into pagefind\/ \(3 files, 0 KiB\) in \d+ ms$/);
  });
});
