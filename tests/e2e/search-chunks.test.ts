/**
 * Common words in chunks of their own (src/hub/search-chunks.ts), searched
 * in Chromium with Pagefind's own search: the index as Pagefind wrote it and
 * as the build writes it answer every query alike, and a query for the
 * common word downloads less.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleFile, splitCommonWords } from '../../src/hub/search-chunks.ts';
import { launchChromium } from '../support/browser.ts';
import { COMMON_WORD, commonWordBundle } from '../support/common-words.ts';
import { type StaticSite, serveStatic } from '../support/server.ts';

let dir: string;
let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
/** Bytes of the word chunks (`.pf_index`) the browser asked for, by bundle: the files' sizes as written. */
const chunkBytes: Record<string, number> = {};

function write(bundle: string, files: readonly BundleFile[]): void {
  for (const file of files) {
    const target = path.join(dir, bundle, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hub-chunks-'));
  const files = await commonWordBundle();
  const split = splitCommonWords(files);
  expect(split.split).toContain(COMMON_WORD);
  write('pagefind-as-written', files);
  write('pagefind', split.files);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="en"><title>Search</title>');
  site = await serveStatic(dir, 0, { headers: false });
  browser = await launchChromium();
  context = await browser.newContext();
  context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.endsWith('.pf_index')) return;
    const bundle = pathname.split('/')[1]!;
    chunkBytes[bundle] = (chunkBytes[bundle] ?? 0) + statSync(path.join(dir, pathname)).size;
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Found {
  total: number;
  /** Every result: its page's id and score, best first. */
  ranked: [string, number][];
  /** The first results' pages and excerpts. */
  shown: { url: string; excerpt: string }[];
}

/** The results of `query` from a bundle, in a page of its own (Pagefind keeps the chunks it loaded and searches them all). */
async function search(bundle: string, query: string): Promise<Found> {
  const page = await context.newPage();
  await page.goto(`${site.url}/index.html`);
  const found: Found = await page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`/${bundle}/pagefind.js`)});
    const found = await pagefind.search(${JSON.stringify(query)});
    const shown = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
    return {
      total: found.results.length,
      ranked: found.results.map((result) => [result.id, result.score]),
      shown: shown.map((d) => ({ url: d.url, excerpt: d.excerpt })),
    };
  })()`);
  await page.close();
  return found;
}

describe('an index with common words in chunks of their own', () => {
  it('downloads less for a query of the common word, and finds the same pages, in the same order, with the same excerpts', async () => {
    const before = await search('pagefind-as-written', COMMON_WORD);
    const asWritten = chunkBytes['pagefind-as-written']!;
    const after = await search('pagefind', COMMON_WORD);
    expect(after.total).toBe(2_400);
    expect(after).toEqual(before);
    expect(chunkBytes.pagefind).toBeGreaterThan(0);
    expect(chunkBytes.pagefind).toBeLessThan(asWritten);
  });

  it('answers every other query as Pagefind’s own chunks do', async () => {
    for (const query of ['head', 'heater', 'pump', `healthy ${COMMON_WORD}`, `${COMMON_WORD} again`, 'page number 1200', 'the']) {
      const before = await search('pagefind-as-written', query);
      expect(before.total, query).toBeGreaterThan(0);
      expect(await search('pagefind', query), query).toEqual(before);
    }
  });

  it('finds, for a prefix across the new boundary, the words on its side only, as at any boundary of Pagefind’s', async () => {
    const before = await search('pagefind-as-written', 'hea');
    const after = await search('pagefind', 'hea');
    // Pagefind's chunk held "head" to "heat", so "hea" matched "heat" on every page as well; the build's holds
    // "head" to "hearth": "hea" finds pages by those words only, ranked without their "heat"s.
    expect(after.total).toBeGreaterThan(0);
    const ids = new Set(before.ranked.map(([id]) => id));
    expect(after.ranked.every(([id]) => ids.has(id))).toBe(true);
    expect(after.ranked).not.toEqual(before.ranked);
  });
});
