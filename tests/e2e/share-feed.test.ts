/** The built share feed (index and pages) and its JSON Schema, and the size of the share panel's JavaScript, in dist/. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, SAMPLE_SITE, shareFeedOf } from '../support/site.ts';
import { validator } from '../support/json-schema.ts';
import { BUDGET_BYTES, BUNDLER_RUNTIME, initialGzip, pageScripts, samplePages } from '../../bench/share-size.ts';

const read = (file: string) => JSON.parse(readFileSync(path.join(DIST, file), 'utf8'));

describe('/snippets.json and its pages', () => {
  const feed = shareFeedOf();
  const schema = read('snippets.schema.json');

  it('are valid against /snippets.schema.json, which each names', () => {
    const validate = validator(schema);
    for (const [file, document] of [['snippets.json', feed.index] as const, ...feed.files.map((file, at) => [file, feed.pages[at]!] as const)]) {
      expect(validate(document), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      expect(document.$schema).toBe(schema.$id);
    }
    expect(schema.$id).toBe(`${SAMPLE_SITE}/snippets.schema.json`);
    expect(feed.files).toEqual(feed.index.pages.map((page) => `snippets/${page.number}.json`));
  });

  it('hold every published snippet exactly once, and only those', () => {
    const pages = readdirSync(path.join(DIST, 'share')).filter((id) => existsSync(path.join(DIST, 'share', id, 'index.html')));
    const ids = feed.snippets.map((s) => s.id);
    expect(ids.sort()).toEqual(pages.sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(feed.index.total).toBe(ids.length);
    expect(pages.length).toBeGreaterThan(20);
  });

  it('have every post within its limit, with a share URL and no advocate code', () => {
    for (const snippet of feed.snippets) {
      for (const variant of snippet.variants) {
        expect(variant.networks.length).toBeGreaterThan(0);
        for (const post of variant.networks) {
          expect(post.fits, `${snippet.id} variant ${variant.number} on ${post.network}`).toBe(true);
          expect(post.length).toBeLessThanOrEqual(post.limit);
          expect(post.url).toMatch(/^(https:\/\/|mailto:)/);
          expect(post.link).toContain(`utm_source=${post.network}&utm_medium=employee-advocacy&utm_campaign=${snippet.campaign ?? snippet.id}`);
          expect(post.link).not.toContain('utm_content');
        }
      }
    }
  });

  it('are served as JSON files well under 5 MB each', () => {
    for (const file of ['snippets.json', ...feed.files]) expect(statSync(path.join(DIST, file)).size, file).toBeLessThan(5_000_000);
  });
});

describe('the share panel island', () => {
  it(`loads at most ${BUDGET_BYTES / 1024} KB of gzipped JavaScript on snippet and article pages`, () => {
    const pages = samplePages(DIST);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      const scripts = pageScripts(DIST, page);
      expect(scripts.filter((s) => !s.lazyFrom).length).toBeGreaterThan(0);
      // Everything the page loads on every visit (module scripts and what they import statically).
      expect(initialGzip(scripts), page).toBeLessThanOrEqual(BUDGET_BYTES);
      // Apart from it, only twitter-text's patterns, which the panel fetches when a text needs them
      // (tests/e2e/share-panel.test.ts shows a plain text never fetches them).
      // (With them may come the bundler's 158-byte module-namespace helper, which both pattern chunks import
      // since the admin page's checks import the same modules statically: it loads only when they do.)
      const lazy = scripts.filter((s) => s.lazyFrom).map((s) => path.posix.basename(s.file).split('.')[0]);
      expect(lazy.filter((name) => name !== BUNDLER_RUNTIME).sort(), page).toEqual(['x-emoji', 'x-urls']);
    }
  });

  it('counts what a chunk imports, and what it import()s apart', () => {
    const scripts = pageScripts(DIST, samplePages(DIST)[0]!);
    const panel = scripts.find((s) => s.file.includes('SharePanel'))!;
    expect(panel.lazyFrom).toBeUndefined();
    // The pattern loader (lazyPatterns) sits in the chunk the panel shares with /compose/.
    const loader = scripts.find((s) => s.file.includes('live-length'))!;
    expect(loader.lazyFrom).toBeUndefined();
    for (const chunk of scripts.filter((s) => s.lazyFrom)) expect(chunk.lazyFrom).toEqual([loader.file]);
    // What every visit loads: the files no import() asks for.
    expect(
      initialGzip([
        { file: 'a.js', raw: 10, gzip: 5 },
        { file: 'b.js', raw: 20, gzip: 7, lazyFrom: ['a.js'] },
        { file: 'c.js', raw: 4, gzip: 3 },
      ]),
    ).toBe(8);
    expect(initialGzip(scripts)).toBeLessThan(scripts.reduce((sum, s) => sum + s.gzip, 0));
  });
});
