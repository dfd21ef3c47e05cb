/**
 * The hostile-content corpus, built for real: tests/fixtures/hostile/escaped
 * puts markup, script, script addresses, template syntax, RTL and CJK text,
 * emoji sequences, very long words, a byte-order mark, CRLF line ends and one
 * id in every collection into every text field. The build must accept it and
 * show all of it as text: no element, attribute or address of it may reach a
 * page, and in Chromium no script of it may run, with or without the CSP.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ExpectStatic, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { launchChromium } from '../support/browser.ts';
import { built } from '../support/builds.ts';
import { recordViolations } from '../support/csp.ts';
import { elementsOf, filesWith, offSiteLinks, readText, scriptUrlsIn } from '../support/html.ts';
import { bookmarkletHref } from '../../src/lib/share/bookmarklet.ts';
import { waitForResults } from '../support/search.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';
import { sitemapPaths } from '../support/site.ts';

const HOST = 'hub.hostile.example';

const build = await built('hostile@2026-11-22');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const pagesOf = () => filesWith(build.outDir, ['.html']);

describe('a hub of hostile content', () => {
  it('builds, and every page of every collection is there, including the same id in all seven', () => {
    expect(build.code, build.output).toBe(0);
    const paths = sitemapPaths(build.outDir);
    for (const route of ['share', 'articles', 'campaigns', 'guidelines', 'training', 'people', 'start']) expect(paths).toContain(`/${route}/launch/`);
    for (const page of ['/share/bom/', '/share/world/', '/share/long-words/', '/articles/crlf/', '/articles/expression/', '/people/rtl/']) expect(paths).toContain(page);
  });

  it('draws every glyph of its cards (Arabic, Hebrew, CJK, Greek): the only card text left out is emoji, each named in a warning', () => {
    expect(build.output).not.toMatch(/share card font can draw/);
    const cardWarnings = build.output.split('\n').filter((line) => /share card (font|leaves)/.test(line));
    expect(cardWarnings.length).toBeGreaterThan(0);
    for (const line of cardWarnings) expect(line).toMatch(/has emoji the share card leaves out \(.+\)/u);
    expect(cardWarnings.join('\n')).toContain('snippets/world.md');
  });

  it('shows the markup of titles, names and texts as text, in pages, titles and meta tags', () => {
    const page = (file: string) => elementsOf(readText(build.outDir, file));
    const text = (file: string, tag: string) =>
      page(file)
        .filter((e) => e.tag === tag)
        .map((e) => e.text);
    expect(text('share/launch/index.html', 'title')[0]).toBe('Launch <script>window.__pwned=5</script> · Hostile <script>window.__pwned=1</script>');
    const description = page('articles/launch/index.html').find((e) => e.tag === 'meta' && e.attrs.name === 'description');
    expect(description?.attrs.content).toBe('</title></head><script>window.__pwned=22</script>');
    // The share panel's data: the wording with its closing </script> intact, as JSON that cannot end its element.
    const config = page('share/launch/index.html').find((e) => e.tag === 'script' && 'data-share-config' in e.attrs)!;
    expect(config.text).not.toMatch(/<\/script/i);
    expect(JSON.stringify(JSON.parse(config.text))).toContain('</script><script>window.__pwned=7</script> A year of work.');
    // The cover's text alternative, and analytics rows whose utm values are markup (anyone can write them into a link).
    const cover = page('articles/launch/index.html').find((e) => e.tag === 'img' && e.attrs.alt?.includes('__pwned=29'));
    expect(cover?.attrs.alt).toBe('" onerror="window.__pwned=29" <script>window.__pwned=29</script>');
    const impact = readText(build.outDir, 'impact/index.html');
    expect(impact).toContain('<h1');
    for (const payload of ['__pwned=91', '__pwned=92', '__pwned=93']) expect(impact).not.toContain(payload);
    // An MDX expression prints its string as text.
    expect(readText(build.outDir, 'articles/expression/index.html')).toContain('&lt;b&gt;not bold&lt;/b&gt;');
  });

  it('puts no element, handler or address from content into any page', () => {
    const problems: string[] = [];
    for (const file of pagesOf()) {
      for (const e of elementsOf(readText(build.outDir, file))) {
        const where = `${file}: <${e.tag}>`;
        for (const name of Object.keys(e.attrs)) if (/^on/i.test(name)) problems.push(`${where} ${name}=`);
        if (['iframe', 'object', 'embed', 'base', 'frame'].includes(e.tag)) problems.push(where);
        // The share panel's and the composer's data hold content as JSON in a script the browser never runs.
        const data = ('data-share-config' in e.attrs || 'data-compose-config' in e.attrs) && e.attrs.type === 'application/json';
        if (e.tag === 'script' && ((e.text.includes('__pwned') && !data) || /pwned/.test(e.attrs.src ?? ''))) problems.push(`${where} ${e.text.slice(0, 60)}`);
        if (e.tag === 'style' && e.text.includes('body{display:none}')) problems.push(`${where} ${e.text.slice(0, 60)}`);
        if (e.tag === 'meta' && e.attrs['http-equiv']?.toLowerCase() === 'refresh') problems.push(where);
      }
    }
    expect(pagesOf().length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
    // Only the hub's own bookmarklet on /compose/, built from the site's address, never from content (security.test.ts).
    expect(scriptUrlsIn(build.outDir)).toEqual([`compose/index.html: <a href="${bookmarkletHref('https://hub.hostile.example/compose/')}">`]);
  });

  it('opens links of bodies to other sites without opener and referrer', () => {
    const links = elementsOf(readText(build.outDir, 'articles/launch/index.html')).filter(
      (e) => e.tag === 'a' && /^https?:/.test(e.attrs.href ?? '') && new URL(e.attrs.href!).host !== HOST,
    );
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) expect(link.attrs.rel?.split(' '), link.attrs.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
  });

  it('opens every link that leaves the site, on every page, with rel="noopener noreferrer"', () => {
    const { count, missing } = offSiteLinks(build.outDir, `https://${HOST}/`);
    expect(count).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});

// The walks through the hub are independent (a context each): they run side by side.
describe.concurrent('the hostile hub in Chromium', () => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveStatic(build.outDir);
  });
  afterAll(async () => site?.close());

  /** A page of the walk's own, not of the hub, whose script sets window.__pwned: the walk must report it. */
  const CONTROL = '/__control__/';
  const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

  /**
   * Opens every page (and a search and a share) in `context`, and a control
   * page whose script runs. Returns what content managed to run or to
   * trigger, and the pages of the sitemap wider than the context's screen.
   */
  async function visitAll(context: BrowserContext, baseUrl: string, expect: ExpectStatic): Promise<{ ran: string[]; wide: string[] }> {
    const ran: string[] = [];
    const wide: string[] = [];
    const watch = (page: Page) => {
      page.on('dialog', (dialog) => {
        ran.push(`${page.url()}: dialog ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => ran.push(`${page.url()}: page error ${error.message}`));
    };
    context.on('page', watch);
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === baseUrl + CONTROL)
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>control</title><script>window.__pwned = "control"</script>' });
      if (url.startsWith(baseUrl)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const pwned = async (page: Page) => {
      const value = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      if (value !== undefined) ran.push(`${page.url()}: window.__pwned = ${String(value)}`);
    };
    const pages = sitemapPaths(build.outDir);
    const queue = [...pages, '/search/?q=launch', CONTROL];
    const worker = async () => {
      const page = await context.newPage();
      for (let next = queue.shift(); next; next = queue.shift()) {
        await page.goto(baseUrl + next, { waitUntil: 'load' });
        if (next.startsWith('/search/?')) {
          // Results load as they come into view: below the fold on a phone.
          await waitForResults(page);
          await page.locator('[data-search-results]').scrollIntoViewIfNeeded();
          await page.locator('.hub-result-link').first().waitFor();
        }
        if (pages.includes(next)) {
          const [width, screen] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
          if (width > screen) wide.push(`${next} is ${width} px wide on a ${screen} px screen`);
        }
        // Hover and focus everything, for handlers that wait for a pointer.
        await page.evaluate(() => {
          for (const e of document.querySelectorAll('body *')) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'click'])
              if (type !== 'click' || !e.closest('a[href], button, form')) e.dispatchEvent(new Event(type));
          }
        });
        await page.waitForTimeout(50);
        await pwned(page);
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    // The share panel builds links from the hostile wording; they open with it as text.
    const page = await context.newPage();
    await page.goto(`${baseUrl}/share/launch/?v=1`);
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    await page.click('[data-network="mastodon"]');
    await expect.poll(() => outside.length).toBe(1);
    await pwned(page);
    expect(new URL(outside[0]!).searchParams.get('text') ?? '').toContain('</script><script>window.__pwned=7</script>');
    await page.close();
    return { ran, wide };
  }

  it('runs no script from content, violates no part of the Content Security Policy, and fits a phone screen on every page', async ({ expect }) => {
    const context = await browser.newContext(PHONE);
    const violations = await recordViolations(context);
    const { ran, wide } = await visitAll(context, site.url, expect);
    await context.close();
    // Only the control page's script ran: the walk sees a script that runs.
    expect(ran).toEqual([`${site.url}${CONTROL}: window.__pwned = control`]);
    expect(violations.list).toEqual([]);
    expect(wide).toEqual([]);
  });

  it('runs none without the CSP either: escaping alone keeps content inert', async ({ expect }) => {
    const bare = await serveStatic(build.outDir, 0, { headers: false });
    // bypassCSP also ignores the policy <meta> of every page.
    const context = await browser.newContext({ bypassCSP: true });
    const { ran } = await visitAll(context, bare.url, expect);
    await context.close();
    await bare.close();
    expect(ran).toEqual([`${bare.url}${CONTROL}: window.__pwned = control`]);
  });

  it('passes axe on the pages with RTL, CJK and very long words', async ({ expect }) => {
    const context = await browser.newContext();
    const findings = await auditPages(
      context,
      site.url,
      ['/', '/share/world/', '/share/long-words/', '/people/rtl/', '/articles/launch/', '/share/launch/', '/training/launch/'],
      { label: 'hostile', passes: BOTH_SCHEMES },
    );
    await context.close();
    expect(findings).toEqual([]);
  });
});
