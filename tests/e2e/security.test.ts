/**
 * The built hub's security headers and Content Security Policy, for real:
 * dist/ is served with the headers of dist/_headers (as Netlify or Cloudflare
 * Pages would), and Chromium must see no violation on any page, on the search
 * page with results, on the 404, on /admin/ with Decap running, or while
 * sharing. Then dist/ itself: no inline event handlers, no script URLs,
 * every link to another site without opener and referrer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordViolations } from '../support/csp.ts';
import { elementsOf, filesWith, offSiteLinks, readText, scriptUrlsIn } from '../support/html.ts';
import { waitForResults } from '../support/search.ts';
import { DIST, SAMPLE_LANGUAGE_FOLDERS, SAMPLE_SITE, languageFolderOf, sitemapPaths, useBuiltHub } from '../support/site.ts';
import { parseHeadersFile } from '../../src/lib/security/headers.ts';
import { bookmarkletHref } from '../../src/lib/share/bookmarklet.ts';
import { absolute } from '../../src/lib/urls.ts';
import { parsePolicy } from '../../src/lib/security/policy.ts';

const hub = useBuiltHub();

const cspOf = async (pathname: string) => {
  const response = await fetch(hub.site.url + pathname);
  return { response, policies: (response.headers.get('content-security-policy') ?? '').split(',').map((p) => parsePolicy(p)) };
};

describe('dist/_headers', () => {
  it('exists, within the limits hosts read, with a rule for every section of pages and one for /admin/', () => {
    const file = path.join(DIST, '_headers');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    const rules = parseHeadersFile(text);
    expect(rules.length).toBeLessThanOrEqual(100);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
    expect(rules.map((r) => r.path)).toEqual(expect.arrayContaining(['/*', '/', '/404.html', '/share/*', '/search/*', '/admin/*']));
  });

  it('sends the security headers and a strict policy with every page of the sitemap', async () => {
    for (const pathname of sitemapPaths()) {
      const { response, policies } = await cspOf(pathname);
      expect(response.headers.get('x-content-type-options'), pathname).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), pathname).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy'), pathname).toContain('camera=()');
      expect(response.headers.get('cross-origin-opener-policy'), pathname).toBe('same-origin');
      // The page's own policy (the last one) is complete; every policy forbids framing.
      const own = policies.at(-1)!;
      expect(own.get('default-src'), pathname).toEqual(["'none'"]);
      expect(own.get('frame-ancestors'), pathname).toEqual(["'none'"]);
      for (const directive of ['script-src', 'style-src']) {
        expect(own.get(directive), pathname).toContain("'self'");
        expect(own.get(directive), pathname).not.toContain("'unsafe-inline'");
        expect(own.get(directive), pathname).not.toContain("'unsafe-eval'");
      }
      // Only the search page (of each language) compiles WebAssembly.
      expect(own.get('script-src')!.includes("'wasm-unsafe-eval'"), pathname).toBe(pathname === `/${languageFolderOf(pathname)}search/`);
    }
  });

  it('gives /admin/ its own wider policy, and assets and unknown paths the headers of every response', async () => {
    const admin = (await cspOf('/admin/')).policies.at(-1)!;
    expect(admin.get('script-src')).toEqual(expect.arrayContaining(["'self'", "'unsafe-eval'"]));
    expect(admin.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(admin.get('frame-ancestors')).toEqual(["'none'"]);
    for (const pathname of ['/og/hub.png', '/pagefind/pagefind.js', '/no-such-page/']) {
      const { response, policies } = await cspOf(pathname);
      expect(response.headers.get('x-content-type-options'), pathname).toBe('nosniff');
      expect(policies[0]!.get('frame-ancestors'), pathname).toEqual(["'none'"]);
    }
    expect((await fetch(`${hub.site.url}/_headers`)).status).toBe(404);
  });
});

describe('the Content Security Policy in Chromium', () => {
  it('is never violated: every page of the sitemap, a search with results, the 404, sharing, and /admin/ with Decap running', async () => {
    const context = await hub.browser.newContext();
    const violations = await recordViolations(context);
    // Share links open other sites: those requests stop here, the test only needs the click to work.
    await context.route('**/*', (route) => (route.request().url().startsWith(hub.site.url) ? route.continue() : route.abort()));

    const queue = [...sitemapPaths(), '/no-such-page/'];
    const worker = async () => {
      const page = await context.newPage();
      for (let next = queue.shift(); next; next = queue.shift()) await page.goto(hub.site.url + next, { waitUntil: 'load' });
      await page.close();
    };
    await Promise.all([worker(), worker(), worker()]);

    const page = await context.newPage();
    await page.goto(`${hub.site.url}/search/?q=heat`);
    await waitForResults(page);
    await page.locator('.hub-result-link').first().waitFor();
    await page.locator('[data-search-filter="topic"] summary').click();
    await page.getByRole('checkbox', { name: /^Product ?, \d+ results?$/ }).check();

    await page.goto(`${hub.site.url}/share/winter-checklist/?v=1`);
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('[data-network="mastodon"]')]);
    await popup.close();

    // The editor of a new entry, with its live preview pane.
    await page.goto(`${hub.site.url}/admin/#/collections/snippets/new`);
    await page.getByRole('button', { name: /login/i }).click({ timeout: 60_000 });
    // The sample hub has several languages: the first form is the default language's.
    await page.getByLabel('Title', { exact: true }).first().fill('Checked under the policy');
    // The right-hand pane shows the next language's form; the preview is a toggle away.
    await page.getByTitle('Toggle preview').click();
    await page.locator('iframe').first().waitFor();
    await context.close();

    expect(violations.list).toEqual([]);
  });

  it('is enforced: script injected into a page does not run, and is reported', async () => {
    const context = await hub.browser.newContext();
    const violations = await recordViolations(context);
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__injected = true');
      image.src = '/no-such-image.png';
      document.body.append(image);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.list.some((v) => v.includes('script-src'))).toBe(true);
    await context.close();
  });
});

describe('dist/', () => {
  const pages = filesWith(DIST, ['.html', '.svg']);

  it('has no inline event handler (on…=) anywhere', () => {
    expect(pages.length).toBeGreaterThan(40);
    const handlers = pages.flatMap((file) =>
      elementsOf(readText(DIST, file)).flatMap((e) =>
        Object.keys(e.attrs)
          .filter((name) => /^on/i.test(name))
          .map((name) => `${file}: <${e.tag} ${name}>`),
      ),
    );
    expect(handlers).toEqual([]);
  });

  it('has no javascript: or vbscript: address in any page, image, feed or JSON file, but the bookmarklet of /compose/ (in each language)', () => {
    // The bookmarklet is dragged to the bookmarks bar and runs on other sites; the hub's CSP blocks it here (compose.test.ts).
    const bookmarklets = ['', ...SAMPLE_LANGUAGE_FOLDERS].map(
      (folder) => `${folder}compose/index.html: <a href="${bookmarkletHref(absolute(`/${folder}compose/`, `${SAMPLE_SITE}/`))}">`,
    );
    expect(scriptUrlsIn(DIST).sort()).toEqual(bookmarklets.sort());
  });

  it('opens every link that leaves the site (other hosts, //host, mailto:, webcal:) with rel="noopener noreferrer"', () => {
    const { count, missing } = offSiteLinks(DIST, SAMPLE_SITE);
    expect(count).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
