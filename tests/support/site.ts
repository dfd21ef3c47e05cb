/** The built sample hub (dist/), served locally, and the URLs its sitemap lists. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { PROJECT } from './build.ts';
import { serveStatic, type StaticSite } from './server.ts';
import { settingsOf } from './fixtures.ts';
import { type FeedIndex, type FeedPage, type FeedSnippet, expandShareUrl, walkFeed } from '../../src/lib/share/feed.ts';
import { type ContentCheck, checkContent } from '../../src/content/check.ts';
import { hubLanguages } from '../../src/model/schemas/settings.ts';

export const DIST = path.join(PROJECT, process.env.HUB_E2E_DIST ?? 'dist');

export async function serveDist(): Promise<StaticSite> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST} has no built hub: run "npm run build:test" (or npm test) first`);
  }
  return serveStatic(DIST);
}

/**
 * The built sample hub served locally and a Chromium, for the tests of one
 * file (or of the describe block it is called in): started before them,
 * closed after them. Read `hub.site` and `hub.browser` inside tests.
 */
export function useBuiltHub(): { readonly site: StaticSite; readonly browser: Browser } {
  const hub = {} as { site: StaticSite; browser: Browser };
  beforeAll(async () => {
    hub.site = await serveDist();
    hub.browser = await launchChromium();
  });
  afterAll(async () => {
    await hub.browser?.close();
    await hub.site?.close();
  });
  return hub;
}

/** Paths (with base) of every page in the sitemap (of the sample hub, or of the built site in `dir`). */
export function sitemapPaths(dir = DIST): string[] {
  const index = readFileSync(path.join(dir, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.split('/').pop()!);
  return sitemaps.flatMap((file) => [...readFileSync(path.join(dir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
}

/** The folders of the sample hub's other languages (settings.languages but the default): `de/`, `ar/`. */
export const SAMPLE_LANGUAGE_FOLDERS = hubLanguages(settingsOf(path.join(PROJECT, 'content')))
  .slice(1)
  .map((language) => `${language.toLowerCase()}/`);

/** Whether a file of dist/ (or a path without its leading slash) is a page of the default language. */
export function inDefaultLanguage(file: string): boolean {
  const relative = file.replace(/^\//, '');
  return !SAMPLE_LANGUAGE_FOLDERS.some((folder) => relative.startsWith(folder));
}

/** The language folder a path of the site is under (`/de/share/x/` → `de/`), or '' for the default language. */
export function languageFolderOf(pathname: string): string {
  const relative = pathname.replace(/^\//, '');
  return SAMPLE_LANGUAGE_FOLDERS.find((folder) => relative.startsWith(folder)) ?? '';
}

/** The sample hub's site URL (settings.site), so tests follow the settings instead of repeating them. */
export const SAMPLE_SITE = settingsOf(path.join(PROJECT, 'content')).site.replace(/\/+$/, '');
export const SAMPLE_HOST = new URL(SAMPLE_SITE).host;

/**
 * The share feed of a built hub, as a consumer reads it: the index
 * (/snippets.json), then page after page by `next`, each post's `url` filled
 * in from its network's template where the post has none.
 */
export function shareFeedOf(dir = DIST): { index: FeedIndex; pages: FeedPage[]; files: string[]; snippets: FeedSnippet[] } {
  const index = JSON.parse(readFileSync(path.join(dir, 'snippets.json'), 'utf8')) as FeedIndex;
  const site = index.hub.site;
  const fileOf = (url: string) => {
    if (!url.startsWith(site)) throw new Error(`share feed: ${url} is not on the hub ${site}`);
    return url.slice(site.length);
  };
  const walked = walkFeed(index, (url) => JSON.parse(readFileSync(path.join(dir, fileOf(url)), 'utf8')) as FeedPage);
  const pages = walked.map((w) => w.page);
  const files = walked.map((w) => fileOf(w.url));
  const snippets = pages.flatMap((page) =>
    page.snippets.map((snippet) => ({
      ...snippet,
      variants: snippet.variants.map((variant) => ({
        ...variant,
        networks: variant.networks.map((post) => ({ ...post, url: post.url ?? expandShareUrl(page.shareUrls[post.network]!, post) })),
      })),
    })),
  );
  return { index, pages, files, snippets };
}

/**
 * The sample content as the default language's pages (dist/, not dist/<language>/) show it: each entry's
 * default-language version. The translations (<id>.<language>.md) are the other languages' pages.
 */
export function sampleContent(now: Date): ContentCheck {
  const check = checkContent({ root: path.join(PROJECT, 'content'), now, cwd: PROJECT });
  return { ...check, entries: check.entries.filter((entry) => entry.lang === undefined) };
}
