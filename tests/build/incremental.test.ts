/**
 * The next builds of one site, as a CI job with a kept cache runs them
 * (Astro's incremental build, src/views/page-key.ts): an entry page is
 * copied from the last build only when nothing it read of the content when
 * it rendered has changed, so every page comes out as a build without a
 * cache writes it (the same content on the same day, built apart); the
 * search index is reused only when every page it indexes is the
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
const laterFresh = await built('valid@2026-12-06');
const editedFresh = await built('valid-site-edited-fresh@2026-12-06');

/** One page per entry: share/<id>/index.html and the like. */
const ENTRY_PAGE = /^(share|articles|guidelines|training|campaigns|people|start)\/[^/]+\/index\.html$/;
const entryPages = (dir: string) => filesIn(dir).filter((f) => ENTRY_PAGE.test(f));
/** Pages Astro copied from the last build instead of rendering them, as its log names them. */
const copiedPages = (output: string) => [...output.matchAll(/├─ \/(\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!);
/**
 * Entry pages rendered in a build (`<collection>/<id>`), as the hub's log names them: Astro's own lines
 * cannot be trusted for it, since with pages rendered side by side a page's time comes lines later.
 */
const renderedEntries = (output: string) => {
  const line = /\[hub:page-keys\] (\d+) of \d+ entry pages rendered(?:: ([^;\n]+))?/.exec(output);
  expect(line, 'the hub:page-keys line').not.toBeNull();
  const names = line![2]?.split(', ') ?? [];
  expect(names).toHaveLength(Number(line![1]));
  return names;
};
/** Every entry page of `built` is the one the build without a cache wrote, byte for byte. */
const expectSamePages = (built: string, fresh: string) => {
  const pages = entryPages(fresh);
  expect(entryPages(built).sort()).toEqual(pages.sort());
  for (const page of pages) expect(read(built, page), page).toBe(read(fresh, page));
};
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
    expect(sameDay.output).toContain(`[hub:page-keys] 0 of ${pages.length} entry pages rendered: each was copied from the last build`);
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

  it('renders, on a day that publishes scheduled entries, the pages that read what the day changed (here every one), and every page is as a build without a cache writes it', () => {
    for (const build of [laterFresh, editedFresh]) expect(build.code, build.output).toBe(0);
    expectSamePages(later.outDir, laterFresh.outDir);
    expect(existsSync(path.join(first.outDir, 'share/scheduled/index.html'))).toBe(false);
    expect(renderedEntries(later.output)).toContain('snippets/scheduled');
    const [, changed, pages] = MERGED.exec(later.output) ?? [];
    expect(Number(changed)).toBeGreaterThan(0);
    expect(Number(changed)).toBeLessThan(Number(pages));
    expect(indexView(later.outDir)).toEqual(indexView(laterFresh.outDir));
    expect(indexView(later.outDir).pages).toHaveProperty(['/share/scheduled/']);
    expect(indexView(first.outDir).pages).not.toHaveProperty(['/share/scheduled/']);
  });

  it('renders, after an edit, the edited page and those that show it, and every page is as a build without a cache writes it', () => {
    expectSamePages(edited.outDir, editedFresh.outDir);
    const rendered = renderedEntries(edited.output);
    // The snippet, and its campaign's page, which lists it by its title.
    expect(rendered).toEqual(expect.arrayContaining(['snippets/live', 'campaigns/launch']));
    expect(read(edited.outDir, 'campaigns/launch/index.html')).toContain('retitled by an editor');
    expect(rendered.length).toBeLessThan(entryPages(edited.outDir).length / 2);
    // A person's page lists their articles and tracks, not snippets; a scheduled snippet's page shows only itself.
    expect(copiedPages(edited.output)).toEqual(expect.arrayContaining(['people/ana/index.html', 'share/scheduled/index.html']));
    expect(read(edited.outDir, 'share/live/index.html')).toContain('zebracorn');
    // Pagefind got the indexed pages whose HTML changed (those that show the title too), no other.
    const indexed = Object.keys(indexView(edited.outDir).pages).map((url) => `${url.slice(1)}index.html`);
    const changed = indexed.filter((page) => read(edited.outDir, page) !== read(later.outDir, page));
    expect(changed).toContain('share/live/index.html');
    expect(MERGED.exec(edited.output)?.[1]).toBe(String(changed.length));
    expect(fragmentsSaying(edited.outDir, 'zebracorn')).toHaveLength(1);
    expect(fragmentsSaying(later.outDir, 'zebracorn')).toHaveLength(0);
    expect(indexView(edited.outDir)).toEqual(indexView(editedFresh.outDir));
  });
});
