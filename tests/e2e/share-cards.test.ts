/**
 * The built sample hub's link previews, read the way a network reads them:
 * every page's Open Graph and Twitter tags parsed by open-graph-scraper (from
 * the HTML, nothing fetched), and every og:image a 1200×630 PNG in dist/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ogs from 'open-graph-scraper';
import { describe, expect, it } from 'vitest';
import { siteAndBase } from '../../src/hub/site.ts';
import { SAMPLE_SITE } from '../support/site.ts';
import { ROUTE_OF } from '../../src/model/collections.ts';
import { DIST, inDefaultLanguage } from '../support/site.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const { site, base } = siteAndBase(SAMPLE_SITE);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
}

/** Width and height from a PNG's IHDR chunk, or undefined when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The dist/ file an absolute URL of the site points to. */
function distFile(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname.startsWith(base), url).toBe(true);
  return path.join(DIST, decodeURIComponent(pathname.slice(base.length)));
}

describe('link previews of the built hub', () => {
  // The default language's pages (each other language's, under dist/<language>/, name that language's cards: languages.test.ts).
  const pages = files(DIST).filter((f) => f.endsWith('.html') && inDefaultLanguage(f));
  const collectionOf = new Map(Object.entries(ROUTE_OF).map(([collection, route]) => [route, collection]));

  it('give every page the Open Graph and Twitter tags networks read, with a 1200×630 PNG that exists', async () => {
    expect(pages.length).toBeGreaterThan(40);
    const images = new Set<string>();
    for (const page of pages) {
      const { error, result } = await ogs({ html: readFileSync(path.join(DIST, page), 'utf8') });
      expect(error, page).toBe(false);
      expect(result.ogTitle, page).toBeTruthy();
      expect(result.ogDescription, page).toBeTruthy();
      expect(['website', 'article', 'profile'], page).toContain(result.ogType);
      // The 404 page is served at any missing address, the offline page for any page not kept offline, so neither
      // names a URL of its own (no canonical, no og:url).
      if (page === '404.html' || page === 'offline/index.html') expect(result.ogUrl, page).toBeUndefined();
      else expect(result.ogUrl, page).toMatch(/^https?:\/\//);
      expect(result.twitterCard, page).toBe('summary_large_image');
      expect(result.ogImage, page).toHaveLength(1);
      const image = result.ogImage![0]!;
      expect(image.url.startsWith(`${site}${base}og/`), `${page}: ${image.url}`).toBe(true);
      expect([image.width, image.height, image.type], page).toEqual(['1200', '630', 'image/png']);
      expect(image.alt, page).toBeTruthy();
      expect(pngSize(distFile(image.url)), `${page}: ${image.url}`).toEqual({ width: 1200, height: 630 });
      images.add(distFile(image.url));

      // An entry's page shows its own card; every other page the hub's.
      const entry = /^([^/]+)\/([^/]+)\/index\.html$/.exec(page);
      const collection = entry && collectionOf.get(entry[1]!);
      const expected = collection ? `og/${collection}/${entry![2]}.png` : 'og/hub.png';
      expect(image.url, page).toBe(`${site}${base}${expected}`);
    }
    // dist/og holds exactly the cards pages use (and each entry card's thumbnail for search): no card of an unpublished entry.
    const all = files(path.join(DIST, 'og')).filter((f) => f.endsWith('.png'));
    const cards = all.filter((f) => !f.endsWith('.thumb.png')).map((f) => path.join(DIST, 'og', f));
    expect(cards.sort()).toEqual([...images].sort());
    const thumbs = all.filter((f) => f.endsWith('.thumb.png')).map((f) => path.join(DIST, 'og', f));
    expect(thumbs.sort()).toEqual(
      cards
        .filter((f) => !f.endsWith('/hub.png'))
        .map((f) => f.replace(/\.png$/, '.thumb.png'))
        .sort(),
    );
  });
});
