/**
 * /compose/ and "Suggest a post" in Chromium, on the built sample hub. Share
 * and suggestion URLs are captured where they would leave the site:
 * window.open is recorded, a link's href is the URL its click opens, and any
 * request to another origin fails the test.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST, SAMPLE_SITE, useBuiltHub } from '../support/site.ts';
import { keepOnSite, recordOpened } from '../support/browser.ts';
import { recordViolations } from '../support/csp.ts';
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { errorLines, runVnu } from '../support/validators.ts';
import { PROJECT } from '../support/build.ts';
import { settingsOf } from '../support/fixtures.ts';
import { suggestUrl } from '../../src/lib/suggest.ts';

const hub = useBuiltHub();
const outside: string[] = [];
const settings = settingsOf(path.join(PROJECT, 'content'));
const OWN = 'https://www.tidewater.example.com/cold-weather?lang=en';
const THIRD = 'https://news.example.org/2026/heat-pumps?id=5#top';
const SHOTS = path.join(PROJECT, '.cache', 'screenshots', 'compose');
const PHONE = { width: 390, height: 844 };

afterAll(() => expect(outside).toEqual([]));

async function newContext(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const context = await hub.browser.newContext({ ...options, permissions: ['clipboard-read', 'clipboard-write'] });
  await keepOnSite(context, hub.site.url, outside);
  await recordOpened(context);
  return context;
}

async function openCompose(context: BrowserContext, query = ''): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${hub.site.url}/compose/${query}`);
  await page.locator('[data-compose-panel]').waitFor({ state: 'visible' });
  expect(errors).toEqual([]);
  return page;
}

const opened = (page: Page) => page.evaluate(() => (window as unknown as { opened: string[] }).opened.slice());
const param = (url: string, name: string) => new URL(url).searchParams.get(name);
const q = (fields: Record<string, string>) => `?${new URLSearchParams(fields)}`;

describe('/compose/', () => {
  it('prefills from ?url=&title=&text= and tags a link to the company’s own domain', async () => {
    const context = await newContext();
    const page = await openCompose(context, q({ url: OWN, title: 'Cold weather', text: 'Our heat pumps at −20 °C.' }));
    expect(await page.inputValue('[data-compose-url]')).toBe(OWN);
    expect(await page.inputValue('[data-compose-title]')).toBe('Cold weather');
    expect(await page.inputValue('[data-compose-text]')).toBe('Our heat pumps at −20 °C.');
    expect(await page.textContent('[data-compose-url-help]')).toContain('tracking tags');

    await page.locator('[data-compose-network="x"]:not([disabled])').waitFor();
    await page.click('[data-compose-network="x"]');
    const [url] = await opened(page);
    expect(param(url!, 'text')).toBe(
      `Our heat pumps at −20 °C.\n\n${settings.disclosure}\n\nhttps://www.tidewater.example.com/cold-weather?lang=en&utm_source=x&utm_medium=employee-advocacy&utm_campaign=compose`,
    );
    await context.close();
  });

  it('shares a third-party link exactly as pasted, without UTM tags', async () => {
    const context = await newContext();
    const page = await openCompose(context);
    await page.fill('[data-compose-url]', THIRD);
    await page.fill('[data-compose-text]', 'A fair look at heat pumps in winter.');
    expect(await page.textContent('[data-compose-url-help]')).toContain('without tracking tags');
    await page.click('[data-compose-network="bluesky"]');
    await page.click('[data-compose-network="reddit"]');
    const [bluesky, reddit] = await opened(page);
    expect(param(bluesky!, 'text')).toBe(`A fair look at heat pumps in winter.\n\n${settings.disclosure}\n\n${THIRD}`);
    expect(param(reddit!, 'url')).toBe(THIRD);
    await context.close();
  });

  it('uses the advocate’s code (utm_content, own links only) and Mastodon server, as a snippet’s panel does', async () => {
    const context = await newContext();
    await context.addInitScript(() => localStorage.setItem('hub:advocate', JSON.stringify({ code: 'ana-42', mastodon: 'fosstodon.org' })));
    const page = await openCompose(context, q({ url: OWN, text: 'Mine.' }));
    await page.locator('[data-compose-network="mastodon"]:not([disabled])').waitFor();
    await page.click('[data-compose-network="mastodon"]');
    const [url] = await opened(page);
    expect(url).toMatch(/^https:\/\/fosstodon\.org\/share\?text=/);
    expect(param(url!, 'text')).toContain(`${OWN}&utm_source=mastodon&utm_medium=employee-advocacy&utm_campaign=compose&utm_content=ana-42`);
    await context.close();
  });

  it('refuses a javascript: URL, a link with credentials and one over 2,000 characters, with a message', async () => {
    const context = await newContext();
    const page = await openCompose(context, q({ url: 'javascript:alert(document.domain)', text: 'Hi' }));
    expect(await page.getAttribute('[data-compose-url]', 'aria-invalid')).toBe('true');
    expect(await page.textContent('[data-compose-url-help]')).toBe(
      'This javascript: address runs code instead of opening a page, so it cannot be shared. Paste a link that starts with https://.',
    );
    for (const id of ['x', 'linkedin', 'email']) expect(await page.isDisabled(`[data-compose-network="${id}"]`)).toBe(true);
    expect(await page.isDisabled('[data-compose-copy]')).toBe(true);

    await page.fill('[data-compose-url]', 'https://ana:secret@www.tidewater.example.com/');
    expect(await page.textContent('[data-compose-url-help]')).toContain('user name or password');
    await page.fill('[data-compose-url]', `https://www.tidewater.example.com/?q=${'a'.repeat(2000)}`);
    expect(await page.textContent('[data-compose-url-help]')).toContain('2,000');
    await page.fill('[data-compose-url]', 'not a link');
    expect(await page.textContent('[data-compose-url-help]')).toBe('This is not a web address. Paste a link that starts with https://.');
    expect(await opened(page)).toEqual([]);
    await context.close();
  });

  it('keeps compositions in the browser: a reload keeps the draft, a new link files it among the recent ones, which reopen and delete', async () => {
    const context = await newContext();
    const page = await openCompose(context);
    await page.fill('[data-compose-url]', OWN);
    await page.fill('[data-compose-text]', 'First draft');
    await page.reload();
    await page.locator('[data-compose-panel]').waitFor({ state: 'visible' });
    expect(await page.inputValue('[data-compose-text]')).toBe('First draft');

    await page.goto(`${hub.site.url}/compose/${q({ url: THIRD })}`);
    await page.locator('[data-compose-panel]').waitFor({ state: 'visible' });
    expect(await page.inputValue('[data-compose-url]')).toBe(THIRD);
    expect(new URL(page.url()).search).toBe('');
    const recent = page.locator('[data-compose-recent] li');
    expect(await recent.count()).toBe(1);
    expect(await recent.first().textContent()).toContain('First draft');

    await recent.first().getByRole('button', { name: 'Reopen' }).click();
    expect(await page.inputValue('[data-compose-text]')).toBe('First draft');
    // The composition it replaced (the third-party link) is filed in turn, never dropped.
    expect(await recent.count()).toBe(1);
    expect(await recent.first().textContent()).toContain('news.example.org');
    await recent
      .first()
      .getByRole('button', { name: /^Delete/ })
      .click();
    expect(await recent.count()).toBe(0);
    expect(await page.isVisible('[data-compose-recent-empty]')).toBe(true);
    await context.close();
  });

  it('without JavaScript explains that the composer needs it and links to the snippets', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/compose/${q({ url: OWN })}`);
    expect(await page.isVisible('[data-compose-fallback]')).toBe(true);
    expect(await page.textContent('[data-compose-fallback]')).toContain('needs JavaScript');
    expect(await page.getAttribute('[data-compose-fallback] a', 'href')).toBe('/share/');
    expect(await page.isVisible('[data-compose-panel]')).toBe(false);
    await context.close();
  });

  it('offers a bookmarklet that opens the composer with the current page’s URL and title', async () => {
    const context = await newContext();
    const compose = await openCompose(context);
    const href = (await compose.getAttribute('[data-bookmarklet]', 'href'))!;
    expect(href.startsWith('javascript:')).toBe(true);
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    const title = await page.title();
    const target = new Promise<string>((resolve) =>
      page.route(`${SAMPLE_SITE}/compose/**`, (route) => {
        resolve(route.request().url());
        return route.abort();
      }),
    );
    // What a click on the bookmark runs on the page being read (evaluated as DevTools would, outside the page's CSP).
    await page.evaluate(decodeURIComponent(href.slice('javascript:'.length)));
    expect(await target).toBe(`${SAMPLE_SITE}/compose/?url=${encodeURIComponent(page.url())}&title=${encodeURIComponent(title)}&text=`);

    // On the hub itself the CSP allows nothing new: following the link is refused, and the page stays.
    const violations = await recordViolations(context);
    const here = await openCompose(context);
    await here.click('[data-bookmarklet]');
    await expect.poll(() => violations.list.some((v) => /^\/compose\/: script-src-elem blocked inline/.test(v))).toBe(true);
    expect(violations.list.filter((v) => !/^\/compose\/: (script-src-elem blocked inline|console: Running the JavaScript URL violates)/.test(v))).toEqual([]);
    expect(new URL(here.url()).pathname).toBe('/compose/');
    await context.close();
  });
});

describe('Suggest a post', () => {
  const target = { channel: 'github' as const, repo: 'tidewater/voices' };

  it('the home page links to a new suggestion in the configured channel (GitHub issue form)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/`);
    const href = await page.getAttribute('[data-suggest]', 'href');
    expect(href).toBe('https://github.com/tidewater/voices/issues/new?template=suggest-post.yml&title=Suggestion%3A%20a%20new%20post');
    await context.close();
  });

  it('a snippet links to a suggestion carrying its link, wording, team, topic and id, at no JavaScript cost', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    const url = new URL((await page.getAttribute('[data-suggest]', 'href'))!);
    expect(url.origin + url.pathname).toBe('https://github.com/tidewater/voices/issues/new');
    expect(url.searchParams.get('template')).toBe('suggest-post.yml');
    expect(url.searchParams.get('link')).toBe('https://www.tidewater.example.com/winter-checklist');
    expect(url.searchParams.get('snippet')).toBe('winter-checklist');
    expect(url.searchParams.get('team')).toBeTruthy();
    expect(url.searchParams.get('topic')).toBeTruthy();
    expect(url.searchParams.get('wording')).toBeTruthy();
    expect(url.searchParams.get('title')).toMatch(/^Suggestion on snippet: /);
    // A plain link: no script of its own on the page.
    expect(await page.locator('script[src*="uggest"]').count()).toBe(0);
    await context.close();
  });

  // Each channel: the page's settings are swapped in the served HTML, as another settings.yaml would build them.
  const channels = [
    { channel: 'github', repo: 'tidewater/voices' },
    { channel: 'gitlab', repo: 'tidewater/comms/voices', base_url: 'https://git.tidewater.example.com' },
    { channel: 'email', email: 'editors@tidewater.example.com' },
  ] as const;
  for (const channel of channels) {
    it(`/compose/ turns the composition into a suggestion (${channel.channel})`, async () => {
      const context = await newContext();
      await context.route(
        (url) => url.pathname === '/compose/',
        async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(JSON.stringify(target).slice(1, -1), JSON.stringify(channel).slice(1, -1));
          await route.fulfill({ response, body: html });
        },
      );
      const page = await openCompose(context, q({ url: OWN, title: 'Cold weather', text: 'My words about it.' }));
      await page.evaluate(() => localStorage.setItem('hub:advocate', JSON.stringify({ v: 1, team: 'sales' })));
      await page.reload();
      await page.locator('[data-compose-panel]').waitFor({ state: 'visible' });
      const href = await page.getAttribute('[data-compose-suggest]', 'href');
      const fields = { title: 'Suggestion: Cold weather', link: OWN, wording: 'My words about it.', team: 'sales' };
      expect(href).toBe(suggestUrl(channel, fields));
      if (channel.channel === 'github') {
        expect(href).toBe(
          `https://github.com/tidewater/voices/issues/new?template=suggest-post.yml&title=Suggestion%3A%20Cold%20weather&link=${encodeURIComponent(OWN)}&wording=My%20words%20about%20it.&team=sales`,
        );
      } else if (channel.channel === 'gitlab') {
        const url = new URL(href!);
        expect(url.origin + url.pathname).toBe('https://git.tidewater.example.com/tidewater/comms/voices/-/issues/new');
        expect(url.searchParams.get('issue[title]')).toBe('Suggestion: Cold weather');
        expect(url.searchParams.get('issue[description]')).toBe(`Link: ${OWN}\n\nProposed wording:\nMy words about it.\n\nTeam: sales`);
      } else {
        expect(href).toBe(
          `mailto:editors@tidewater.example.com?subject=Suggestion%3A%20Cold%20weather&body=${encodeURIComponent(`Link: ${OWN}\n\nProposed wording:\nMy words about it.\n\nTeam: sales`)}`,
        );
      }
      await context.close();
    });
  }
});

describe('/compose/ quality', () => {
  it('axe finds no WCAG 2.2 AA violation at 390×844, light and dark (screenshots in .cache/screenshots/compose)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await newContext({ viewport: PHONE });
    const findings = await auditPages(context, hub.site.url, ['/compose/?url=javascript:alert(1)', `/compose/${q({ url: OWN, text: 'Mine.' })}`], {
      passes: BOTH_SCHEMES,
      label: 'phone',
      concurrency: 1,
      ready: (page) => page.locator('[data-compose-panel]').waitFor({ state: 'visible' }),
      check: async (page, at) => {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({ path: path.join(SHOTS, `${at.includes('javascript') ? 'refused' : 'own'}-${scheme}.png`), fullPage: true });
        }
        return [];
      },
    });
    expect(findings).toEqual([]);
    await context.close();
  });

  it('the Nu Html Checker finds no error on /compose/, the home page and a snippet page', async () => {
    const files = ['compose/index.html', 'index.html', 'share/winter-checklist/index.html'].map((file) => path.join(DIST, file));
    expect(errorLines(await runVnu(files), DIST)).toEqual([]);
  });

  it('a first visit to /compose/ (with a link to count) loads at most 50 KB gzip', async () => {
    const context = await newContext({ viewport: PHONE });
    const page = await context.newPage();
    const bodies: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(hub.site.url))
        bodies.push(
          response.body().then(
            (body) => gzipSync(body, { level: 9 }).length,
            () => 0,
          ),
        );
    });
    await page.goto(`${hub.site.url}/compose/${q({ url: OWN, text: 'Mine, with an emoji 🙂' })}`, { waitUntil: 'networkidle' });
    await page.locator('[data-compose-network="x"]:not([disabled])').waitFor();
    const total = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
    console.log(`first visit to /compose/: ${bodies.length} responses, ${total} B gzip (budget 51,200 B)`);
    expect(total).toBeLessThanOrEqual(50 * 1024);
    await context.close();
  });
});
