/**
 * The next builds of one site, as a CI job with a kept cache runs them
 * (Astro's incremental build, src/views/page-key.ts): an entry page is
 * copied from the last build only when nothing it shows can have changed,
 * and the search index is reused only when every page it indexes is the
 * same (src/hub/search.ts, `restoreIndex`); otherwise the pages that changed
 * are indexed and merged into it (src/hub/search-merge.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpack } from '../../src/hub/search-chunks.ts';
import { filesIn, read } from '../support/build.ts';
import { searchView } from '../support/pagefind-files.ts';
import { built } from '../support/builds.ts';

const first = await built('valid-site@2026-11-22T06:00:00Z');
const sameDay = await built('valid-site@2026-11-22T12:00:00Z');
const later = await built('valid-site@2026-12-06');
const edited = await built('valid-site-edited@2026-12-06');

/** One page per entry: share/<id>/index.html and the like. */
const ENTRY_PAGE = /^(share|articles|guidelines|training|campaigns|people|start)\/[^/]+\/index\.html$/;
const entryPages = (dir: string) => filesIn(dir).filter((f) => ENTRY_PAGE.test(f));
/** Pages Astro copied from the last build instead of rendering them, as its log names them. */
const copiedPages = (output: string) => [...output.matchAll(/├─ \/(\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!);
const indexFiles = (dir: string) => filesIn(path.join(dir, 'pagefind')).filter((f) => /\.\w+$/.test(f));
/** The index of a built site as a search reads it (pages by address), its only language's. */
const indexView = (dir: string) => {
  const view = searchView(indexFiles(dir).map((f) => ({ path: f, content: readFileSync(path.join(dir, 'pagefind', f)) })));
  expect(Object.keys(view)).toHaveLength(1);
  return Object.values(view)[0]!;
};
const MERGED = /\[hub:search\] indexed (\d+) changed pages? of (\d+) and merged (?:it|them) with the last build's index into pagefind\//;
const fragmentsSaying = (dir: string, word: string) =>
  filesIn(path.join(dir, 'pagefind/fragment')).filter((f) =>
    unpack(readFileSync(path.join(dir, 'pagefind/fragment', f)))
      .toString('utf8')
      .includes(word),
  );

describe('the next build of the same site', () => {
  it('succeeds, each of them', () => {
    for (const build of [first, sameDay, later, edited]) expect(build.code, build.output).toBe(0);
  });

  it('copies every entry page from the last build when the content and what the day decides are the same', () => {
    const pages = entryPages(first.outDir);
    expect(pages.length).toBeGreaterThan(5);
    expect(copiedPages(sameDay.output).sort()).toEqual(pages.sort());
    expect(entryPages(sameDay.outDir).sort()).toEqual(pages.sort());
    for (const page of pages) expect(read(sameDay.outDir, page), page).toBe(read(first.outDir, page));
    // Handed to the search index, the headers and the service worker with the facts read when they rendered, not read back.
    expect(sameDay.output).toMatch(
      new RegExp(`\\[hub:copied-pages\\] \\d+ page\\(s\\) not handed over .*: ${pages.length} with the facts remembered, \\d+ read from dist/`),
    );
  });

  it("copies the last build's search index when its pages are the same, and the headers, sitemap and service worker come out the same", () => {
    expect(sameDay.output).toMatch(/\[hub:search\] the last build's index of the same \d+ pages copied into pagefind\//);
    const files = indexFiles(first.outDir);
    expect(indexFiles(sameDay.outDir).sort()).toEqual(files.sort());
    for (const file of files)
      expect(readFileSync(path.join(sameDay.outDir, 'pagefind', file)).equals(readFileSync(path.join(first.outDir, 'pagefind', file))), file).toBe(true);
    for (const file of ['_headers', 'sitemap-0.xml', 'sw.js']) expect(read(sameDay.outDir, file), file).toBe(read(first.outDir, file));
  });

  it('renders every page again on a day that publishes scheduled entries, and indexes those that changed into the last index', () => {
    expect(copiedPages(later.output)).toEqual([]);
    const [, changed, pages] = MERGED.exec(later.output) ?? [];
    expect(Number(changed)).toBeGreaterThan(0);
    expect(Number(changed)).toBeLessThan(Number(pages));
    expect(indexView(later.outDir).pages).toHaveProperty(['/share/scheduled/']);
    expect(indexView(first.outDir).pages).not.toHaveProperty(['/share/scheduled/']);
    expect(existsSync(path.join(first.outDir, 'share/scheduled/index.html'))).toBe(false);
    expect(existsSync(path.join(later.outDir, 'share/scheduled/index.html'))).toBe(true);
  });

  it('renders every page again when an entry changed, with its new words in the page and the index, where nothing else changed', () => {
    expect(copiedPages(edited.output)).toEqual([]);
    expect(MERGED.exec(edited.output)?.[1]).toBe('1');
    expect(read(edited.outDir, 'share/live/index.html')).toContain('zebracorn');
    expect(fragmentsSaying(edited.outDir, 'zebracorn')).toHaveLength(1);
    expect(fragmentsSaying(later.outDir, 'zebracorn')).toHaveLength(0);
    const before = indexView(later.outDir);
    const after = indexView(edited.outDir);
    expect(after.index.zebracorn).toEqual([expect.stringMatching(/^\/share\/live\/ /)]);
    expect(Object.keys(after.pages).sort()).toEqual(Object.keys(before.pages).sort());
    const elsewhere = (view: typeof before) =>
      Object.fromEntries(
        Object.entries(view.index)
          .map(([word, on]) => [word, on.filter((p) => !p.includes('/share/live/ '))] as const)
          .filter(([, on]) => on.length),
      );
    expect(elsewhere(after)).toEqual(elsewhere(before));
    expect(after.filters).toEqual(before.filters);
  });
});
