/**
 * The search index kept between builds (src/hub/search.ts): a build whose
 * entry pages are all the same as the last one's (Astro copied them) gets
 * the last index back without asking Pagefind; a build where some pages
 * changed has Pagefind index those and merges them into the last index
 * (search-merge.ts); a build whose kept index cannot take them indexes
 * every page, copied ones read from dist/. Each keeps what it wrote.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as realPagefind from 'pagefind';
import { unpack } from '../../src/hub/search-chunks.ts';
import { type PagefindApi, indexFingerprint, keepIndex, restoreIndex, startSearchIndex } from '../../src/hub/search.ts';

/** A Pagefind that answers at once and writes an index naming the pages it was given. */
function recordingPagefind() {
  const added: string[] = [];
  let asked = 0;
  const index = {
    addHTMLFile: async (file: { sourcePath: string; content: string }) => {
      added.push(file.sourcePath);
      return { errors: [], file: {} };
    },
    getFiles: async () => {
      asked++;
      return {
        errors: [],
        files: [
          { path: 'pagefind-entry.json', content: new TextEncoder().encode(JSON.stringify({ pages: [...added].sort() })) },
          { path: 'index/en_1.pf_index', content: new Uint8Array([1, 2, 3]) },
        ],
      };
    },
  };
  const api = { createIndex: async () => ({ errors: [], index }), close: async () => undefined } as unknown as PagefindApi;
  return { api, added, asked: () => asked };
}

const page = (words: string) => `<html lang="en"><body><main data-pagefind-body><p>${words}</p></main></body></html>`;

/** A built site with entry pages (file → HTML), and the file of the build's cache the index is kept in. */
function site(pages: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-keep-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

const filesOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.'))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );

describe('the search index kept between builds', () => {
  const pages = { 'share/a/index.html': page('alpha heat'), 'share/b/index.html': page('beta pump') };
  const kept = path.join(mkdtempSync(path.join(tmpdir(), 'hub-cache-')), 'search-index');

  it('indexes copied pages from dist/ when nothing is kept, and keeps the index it wrote', async () => {
    const dir = site(pages);
    const pagefind = recordingPagefind();
    const index = await startSearchIndex({ api: pagefind.api, base: '/', kept });
    await index.feed.add('/share/a/', pages['share/a/index.html']);
    await index.feed.add('/share/b/', pages['share/b/index.html'], true);
    expect(pagefind.added).toEqual(['share/a/index.html']);
    const report = await index.finish(dir);
    expect(pagefind.added).toEqual(['share/a/index.html', 'share/b/index.html']);
    expect(pagefind.asked()).toBe(1);
    expect(report.reused).toBeUndefined();
    expect(JSON.parse(readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8'))).toEqual({ pages: ['share/a/index.html', 'share/b/index.html'] });
    expect(filesOf(path.join(kept, 'files'))).toEqual(filesOf(path.join(dir, 'pagefind')));
  });

  it('writes the kept index, byte for byte, when every page is the same, without asking Pagefind', async () => {
    const first = site(pages);
    const firstRun = recordingPagefind();
    const one = await startSearchIndex({ api: firstRun.api, base: '/', kept });
    for (const [file, html] of Object.entries(pages)) await one.feed.add(`/${file.replace('index.html', '')}`, html);
    await one.finish(first);

    const second = site(pages);
    const pagefind = recordingPagefind();
    const index = await startSearchIndex({ api: pagefind.api, base: '/', kept });
    for (const [file, html] of Object.entries(pages)) await index.feed.add(`/${file.replace('index.html', '')}`, html, true);
    const report = await index.finish(second);
    expect(report).toMatchObject({ pages: 2, reused: true });
    expect(pagefind.added).toEqual([]);
    expect(pagefind.asked()).toBe(0);
    expect(filesOf(path.join(second, 'pagefind'))).toEqual(filesOf(path.join(first, 'pagefind')));
  });

  it('indexes again when told not to reuse (a forced build), and keeps the new index', async () => {
    const dir = site(pages);
    const pagefind = recordingPagefind();
    const index = await startSearchIndex({ api: pagefind.api, base: '/', kept, reuse: false });
    for (const [file, html] of Object.entries(pages)) await index.feed.add(`/${file.replace('index.html', '')}`, html, true);
    const report = await index.finish(dir);
    expect(report.reused).toBeUndefined();
    expect(pagefind.asked()).toBe(1);
    expect(pagefind.added.sort()).toEqual(Object.keys(pages).sort());
  });

  it('indexes every page again when one page changed, or one more page is there, and the kept index does not list its pages', async () => {
    for (const changed of [
      { ...pages, 'share/b/index.html': page('beta pump, rewritten') },
      { ...pages, 'share/c/index.html': page('gamma') },
    ]) {
      const dir = site(changed);
      const pagefind = recordingPagefind();
      const index = await startSearchIndex({ api: pagefind.api, base: '/', kept });
      for (const [file, html] of Object.entries(changed)) await index.feed.add(`/${file.replace('index.html', '')}`, html, true);
      const report = await index.finish(dir);
      expect(report.reused).toBeUndefined();
      expect(pagefind.asked()).toBe(1);
      expect(pagefind.added.sort()).toEqual(Object.keys(changed).sort());
    }
  });
});

/** The real Pagefind, noting each page it is given. */
function watchedPagefind() {
  const added: string[] = [];
  const api: PagefindApi = {
    close: realPagefind.close,
    createIndex: async (options) => {
      const created = await realPagefind.createIndex(options);
      const index = created.index!;
      const addHTMLFile = index.addHTMLFile.bind(index);
      index.addHTMLFile = (file) => {
        added.push(file.sourcePath!);
        return addHTMLFile(file);
      };
      return created;
    },
  };
  return { api, added };
}

/** Each fragment's address and the words of its content, in a built dist/. */
const indexedText = (dir: string) =>
  Object.fromEntries(
    readdirSync(path.join(dir, 'pagefind/fragment')).map((f) => {
      const data = JSON.parse(unpack(readFileSync(path.join(dir, 'pagefind/fragment', f))).toString('utf8')) as { url: string; content: string };
      return [data.url, data.content];
    }),
  );

describe('a kept index that takes the changed pages (real Pagefind)', () => {
  const dated = (words: string, date: string) =>
    `<html lang="en"><body><main data-pagefind-body><p>${words}</p><data data-pagefind-meta="date[value]" value="${date}"></data></main></body></html>`;
  const pages = {
    'share/a/index.html': dated('alpha heat', '2026-11-01'),
    'share/b/index.html': dated('beta pump', '2026-11-02'),
    'share/c/index.html': dated('gamma boiler', '2026-11-03'),
  };
  const build = async (kept: string, site: Record<string, string>, copied: (file: string) => boolean) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-merge-'));
    for (const [file, html] of Object.entries(site)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), html);
    }
    const pagefind = watchedPagefind();
    const index = await startSearchIndex({ api: pagefind.api, base: '/', kept });
    for (const [file, html] of Object.entries(site)) await index.feed.add(`/${file.replace('index.html', '')}`, html, copied(file));
    const report = await index.finish(dir);
    return { dir, report, added: pagefind.added };
  };

  it('gives Pagefind only the page that changed, rendered or copied, and the index says what every page says', async () => {
    const kept = path.join(mkdtempSync(path.join(tmpdir(), 'hub-cache-')), 'search-index');
    const first = await build(kept, pages, () => false);
    expect(first.added.sort()).toEqual(Object.keys(pages).sort());

    // Every page rendered again (one key for all), one of them with other words, one gone, one new and copied.
    const { 'share/c/index.html': _gone, ...rest } = pages;
    const next = { ...rest, 'share/b/index.html': dated('beta zebracorn', '2026-11-20'), 'share/d/index.html': dated('delta', '2026-11-04') };
    const second = await build(kept, next, (file) => file === 'share/d/index.html');
    expect(second.added.sort()).toEqual(['share/b/index.html', 'share/d/index.html']);
    expect(second.report).toMatchObject({ pages: 3, merged: { kept: 1, indexed: 2 } });
    expect(second.report.mergeRefused).toBeUndefined();
    expect(indexedText(second.dir)).toEqual({ '/share/a/': 'alpha heat.', '/share/b/': 'beta zebracorn.', '/share/d/': 'delta.' });
    const newest = JSON.parse(readFileSync(path.join(second.dir, 'pagefind/newest.json'), 'utf8')) as string[][];
    expect(newest).toHaveLength(3);

    // The merged index is kept: the same pages again take nothing from Pagefind, and come out byte for byte.
    const third = await build(kept, next, () => true);
    expect(third.added).toEqual([]);
    expect(third.report.reused).toBe(true);
    expect(filesOf(path.join(third.dir, 'pagefind'))).toEqual(filesOf(path.join(second.dir, 'pagefind')));

    // The next merge replaces the kept files it changes, never writes into them: the index the third build linked stays as it was.
    const linked = filesOf(path.join(third.dir, 'pagefind'));
    const fourth = await build(kept, { ...next, 'share/a/index.html': dated('alpha unicornfish', '2026-11-30') }, (file) => file !== 'share/a/index.html');
    expect(fourth.report.merged).toEqual({ kept: 2, indexed: 1 });
    expect(filesOf(path.join(third.dir, 'pagefind'))).toEqual(linked);
    expect(filesOf(path.join(fourth.dir, 'pagefind'))['newest.json']).not.toEqual(linked['newest.json']);
  });

  it('never gives Pagefind a page that does not ask to be indexed, which it would take in when no page it gets asks', async () => {
    const kept = path.join(mkdtempSync(path.join(tmpdir(), 'hub-cache-')), 'search-index');
    const untranslated = (words: string) => `<html lang="de"><body><main><p>${words}</p></main></body></html>`;
    const site = { ...pages, 'training/t/index.html': untranslated('englischer text') };
    const first = await build(kept, site, () => false);
    expect(first.added).not.toContain('training/t/index.html');
    const second = await build(kept, { ...site, 'training/t/index.html': untranslated('neuer englischer text') }, () => false);
    expect(second.added).toEqual([]);
    expect(second.report.reused).toBe(true);
    expect(Object.keys(indexedText(second.dir)).sort()).toEqual(['/share/a/', '/share/b/', '/share/c/']);
  });

  it('indexes every page, saying why, when the kept index is damaged', async () => {
    const kept = path.join(mkdtempSync(path.join(tmpdir(), 'hub-cache-')), 'search-index');
    await build(kept, pages, () => false);
    const chunks = path.join(kept, 'files/index');
    for (const chunk of readdirSync(chunks)) {
      const file = path.join(chunks, chunk);
      const { mtime } = statSync(file);
      writeFileSync(file, readFileSync(file).subarray(0, 10));
      utimesSync(file, mtime, mtime);
    }
    const next = { ...pages, 'share/b/index.html': dated('beta zebracorn', '2026-11-20') };
    const second = await build(kept, next, () => true);
    expect(second.added.sort()).toEqual(Object.keys(pages).sort());
    expect(second.report.merged).toBeUndefined();
    expect(second.report.mergeRefused).toMatch(/changed or is missing/);
    expect(indexedText(second.dir)['/share/b/']).toBe('beta zebracorn.');
  });
});

describe('indexFingerprint', () => {
  it('does not depend on the order pages came in, and changes with any page', () => {
    const a = new Map([
      ['share/a/index.html', 'x'],
      ['share/b/index.html', 'y'],
    ]);
    const b = new Map([
      ['share/b/index.html', 'y'],
      ['share/a/index.html', 'x'],
    ]);
    expect(indexFingerprint(a, 'indexer')).toBe(indexFingerprint(b, 'indexer'));
    expect(indexFingerprint(new Map([...a, ['share/b/index.html', 'z']]), 'indexer')).not.toBe(indexFingerprint(a, 'indexer'));
    expect(indexFingerprint(a, 'another indexer')).not.toBe(indexFingerprint(a, 'indexer'));
  });
});

describe('restoreIndex', () => {
  const files = [
    { path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') },
    { path: 'fragment/en_1.pf_fragment', content: new Uint8Array([9, 9]) },
  ];
  const report = { pages: 1, files: 2, bytes: 4 };

  it('puts nothing there for another fingerprint, a cut, changed or missing file, a broken list, or a file outside the index', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'hub-cache-'));
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'hub-out-')), 'pagefind');
    const kept = path.join(cache, 'search-index');
    const fragment = path.join(kept, 'files/fragment/en_1.pf_fragment');
    await keepIndex(kept, 'fp', report, files);
    expect(await restoreIndex(kept, 'other', out)).toBeUndefined();
    // Cut short.
    writeFileSync(fragment, new Uint8Array([9]));
    expect(await restoreIndex(kept, 'fp', out)).toBeUndefined();
    // Written over at the same size (through a link from an older dist/, say).
    await keepIndex(kept, 'fp', report, files);
    const later = new Date(Date.now() + 5000);
    writeFileSync(fragment, new Uint8Array([7, 7]));
    utimesSync(fragment, later, later);
    expect(await restoreIndex(kept, 'fp', out)).toBeUndefined();
    // Missing.
    await keepIndex(kept, 'fp', report, files);
    rmSync(fragment);
    expect(await restoreIndex(kept, 'fp', out)).toBeUndefined();
    // A broken list, and none.
    await keepIndex(kept, 'fp', report, files);
    writeFileSync(path.join(kept, 'index.json'), 'not an index');
    expect(await restoreIndex(kept, 'fp', out)).toBeUndefined();
    expect(await restoreIndex(path.join(cache, 'missing'), 'fp', out)).toBeUndefined();
    // A file that would land outside dist/pagefind.
    await keepIndex(kept, 'fp', report, files);
    const header = JSON.parse(readFileSync(path.join(kept, 'index.json'), 'utf8')) as { files: [string, number, number][] };
    header.files.push(['../escaped.txt', 1, 0]);
    writeFileSync(path.join(kept, 'index.json'), JSON.stringify(header));
    expect(await restoreIndex(kept, 'fp', out)).toBeUndefined();
    expect(() => readdirSync(out)).toThrow();

    await keepIndex(kept, 'fp', report, files);
    expect(await restoreIndex(kept, 'fp', out)).toEqual({ files: 2, bytes: 4 });
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(['fragment', 'fragment/en_1.pf_fragment', 'pagefind-entry.json']);
    expect([...readFileSync(path.join(out, 'fragment/en_1.pf_fragment'))]).toEqual([9, 9]);
    // The next index kept replaces the files, never writes into them: what an earlier dist/ holds stays as it was.
    await keepIndex(kept, 'fp2', report, [files[0]!, { path: 'fragment/en_1.pf_fragment', content: new Uint8Array([1, 1, 1]) }]);
    expect([...readFileSync(path.join(out, 'fragment/en_1.pf_fragment'))]).toEqual([9, 9]);
  });
});
