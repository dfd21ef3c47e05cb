import { describe, expect, it } from 'vitest';
import { filesIn, read } from '../support/build.ts';
import { built } from '../support/builds.ts';

const UNPUBLISHED_ON_22_NOV = [
  'share/expired',
  'share/draft',
  'share/scheduled',
  'articles/future-article',
  'campaigns/draft-campaign',
  'campaigns/expired-campaign',
  'campaigns/scheduled-campaign',
];

/**
 * The pages that need JavaScript (progress and preferences live in the
 * browser); every other page ships none.
 */
const PAGES_WITH_ISLANDS = [
  /^index\.html$/, // team filter and shared marks of "fresh to share", "New for <team> since <date>"
  /^articles\/index\.html$/, // New, Updated marks on the cards
  /^you\/index\.html$/, // what this browser keeps, the device link
  /^compose\/index\.html$/, // the composer, the guidelines reminder
  /^share\/index\.html$/, // team filter, shared marks
  /^campaigns\/[^/]+\/index\.html$/, // shared marks of its snippets
  /^share\/[^/]+\/index\.html$/, // guidelines reminder
  /^start\/[^/]+\/index\.html$/, // presets, checklist, onboarding link
  /^training\/index\.html$/, // progress and badge
  /^training\/[^/]+\/index\.html$/, // quiz
  /^guidelines\/index\.html$/, // acknowledgement
  /^start\/index\.html$/, // "Continue your path"
  /^guidelines\/[^/]+\/index\.html$/, // "Back to your path", the page read
];

const today = await built('valid@2026-11-22');
const later = await built('later@2026-12-06');

describe('a build on 2026-11-22', () => {
  const build = today;
  const files = build.code === 0 ? filesIn(build.outDir) : [];

  it('succeeds', () => expect(build.code, build.output).toBe(0));

  it('renders its pages from the content store read from disk, not from a copy of it in the bundle', () => {
    expect(build.output).toMatch(/\[hub:data-store\] content store: \d+\.\d MB read from data-store\.json as pages rendered, not kept in the bundle/);
  });

  it('builds published entries and leaves expired, draft and scheduled ones out of pages, sitemap and feed', () => {
    expect(files).toContain('share/live/index.html');
    expect(files).toContain('articles/hello/index.html');
    const sitemap = read(build.outDir, 'sitemap-0.xml');
    const rss = read(build.outDir, 'rss.xml');
    const everyHtml = files
      .filter((f) => f.endsWith('.html'))
      .map((f) => read(build.outDir, f))
      .join('\n');
    // The snippet feeds and the weekly digests (the data the e-mail, Slack and Teams messages are made of).
    const feedsAndDigests = files
      .filter((f) => f.startsWith('feeds/') || /^digest(\/[^/]+)?\.json$/.test(f))
      .map((f) => read(build.outDir, f))
      .join('\n');
    expect(feedsAndDigests).toContain('/share/live/');
    for (const page of UNPUBLISHED_ON_22_NOV) {
      expect(
        files.some((f) => f.startsWith(`${page}/`)),
        page,
      ).toBe(false);
      expect(sitemap).not.toContain(`/${page}/`);
      expect(rss).not.toContain(`/${page}/`);
      expect(everyHtml).not.toContain(`/${page}/`);
      expect(feedsAndDigests).not.toContain(`/${page}/`);
    }
    expect(everyHtml).not.toContain('Scheduled snippet');
    expect(everyHtml).not.toContain('Scheduled campaign');
    // "Continue your path" fetches the published tracks (December starts on 1 December); no page inlines them all.
    const tracks = JSON.parse(read(build.outDir, 'start/tracks.json')) as { id: string; href: string; steps: unknown[] }[];
    expect(tracks.map((track) => [track.id, track.href])).toEqual([['welcome', '/start/welcome/']]);
    expect(tracks[0]!.steps.length).toBeGreaterThan(0);
    for (const page of ['index.html', 'start/index.html']) {
      expect(read(build.outDir, page)).toContain('data-tracks-url="/start/tracks.json"');
      expect(read(build.outDir, page)).not.toContain('data-tracks=');
    }
    // The search page's "Did you mean …" words: published titles' words, none of the others'.
    const words = JSON.parse(read(build.outDir, 'search/words.json')) as string[];
    expect(words).toEqual(expect.arrayContaining(['live', 'launch', 'field']));
    for (const word of ['scheduled', 'expired', 'draft', 'future']) expect(words).not.toContain(word);
    expect(files).toContain('campaigns/launch/index.html');
    expect(rss).toContain('/articles/hello/');
  });

  it('gives every page a language, a title, a meta description and an absolute canonical URL (but the 404), and no script but the header’s (search shortcut, menu), the link-code reader and the islands', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(15);
    const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/g)].map((m) => m[0]);
    // The header's "/" shortcut (components/SiteSearch.astro) and its phone menu (components/Header.astro):
    // two small inline modules, the same on every page.
    const header = scriptsOf(read(build.outDir, 'index.html')).filter((s) => s.startsWith('<script type="module">'));
    expect(header).toHaveLength(2);
    for (const script of header) expect(script.length).toBeLessThan(1500);
    // The layout's reader of a link's ?ref= (src/client/ref-from-link.ts): one module, the same on every page.
    const refFromLink = scriptsOf(read(build.outDir, 'index.html')).find((s) => /^<script type="module" src="\/_astro\/Base\.astro[^"]*\.js"><\/script>$/.test(s));
    expect(refFromLink).toBeDefined();
    const everyPage = [...header, refFromLink!];
    // Only the pages with a share panel (a snippet, an article) need the panel's island and its data.
    const sharePage = /^(share|articles)\/[^/]+\/index\.html$/;
    for (const page of pages) {
      const html = read(build.outDir, page);
      expect(html, page).toMatch(/<html lang="en"/);
      expect(html, page).toMatch(/<title>[^<]+<\/title>/);
      expect(html, page).toMatch(/<meta name="description" content="[^"]+"/);
      // The 404 answers every missing address, the offline page every page not yet kept offline: neither has a
      // canonical of its own (/404/ or /offline/ would be one that answers nothing else).
      if (page === '404.html' || page === 'offline/index.html') expect(html, page).not.toMatch(/rel="canonical"|property="og:url"/);
      else expect(html, page).toMatch(/<link rel="canonical" href="https:\/\/hub\.fixture\.example\/[^"]*"/);
      if (page.startsWith('admin/')) continue; // the CMS is an application
      const scripts = scriptsOf(html);
      for (const script of everyPage) expect(scripts, page).toContain(script);
      const tags = scripts.filter((s) => !everyPage.includes(s)).map((s) => s.match(/^<script[^>]*>/)![0]);
      if (sharePage.test(page)) {
        // The share panel's configuration and its island, whatever other islands the page has.
        expect(tags, page).toContain('<script type="application/json" data-share-config>');
        expect(
          tags.some((s) => /^<script type="module" src="\/_astro\/[^"]+\.js">$/.test(s)),
          page,
        ).toBe(true);
      } else if (page !== 'search/index.html' && !PAGES_WITH_ISLANDS.some((pattern) => pattern.test(page))) {
        // Pagefind's UI, its templates and the page's island are only on /search/.
        expect(tags, page).toEqual([]);
      }
    }
  });
});

describe('a build previewing 2026-12-06 (HUB_NOW)', () => {
  const build = later;

  it('publishes what was scheduled, and still leaves out the draft and the expired entry', () => {
    expect(build.code, build.output).toBe(0);
    const files = filesIn(build.outDir);
    expect(files).toContain('share/scheduled/index.html');
    expect(files).toContain('articles/future-article/index.html');
    expect(read(build.outDir, 'sitemap-0.xml')).toContain('/share/scheduled/');
    expect(read(build.outDir, 'rss.xml')).toContain('/articles/future-article/');
    // The track scheduled for the snippet's day opens with it.
    expect(read(build.outDir, 'start/december/index.html')).toContain('/share/scheduled/');
    expect(files).toContain('campaigns/scheduled-campaign/index.html');
    for (const page of ['share/draft/', 'share/expired/', 'campaigns/draft-campaign/', 'campaigns/expired-campaign/']) {
      expect(
        files.some((f) => f.startsWith(page)),
        page,
      ).toBe(false);
    }
  });
});
