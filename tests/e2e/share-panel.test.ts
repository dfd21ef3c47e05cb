/**
 * The share panel in Chromium, on the built sample hub. Share URLs are
 * captured where they would leave the site: window.open is recorded instead
 * of opening, and any request to another origin fails the test.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST, SAMPLE_SITE, shareFeedOf, useBuiltHub } from '../support/site.ts';
import { keepOnSite, recordOpened } from '../support/browser.ts';
import twitter from 'twitter-text';
import { defaultVariant } from '../../src/lib/share/variant.ts';
import type { NetworkId } from '../../src/model/networks.ts';
import { BUNDLER_RUNTIME, pageScripts } from '../../bench/share-size.ts';

const hub = useBuiltHub();
const outside: string[] = [];

const feed = shareFeedOf();
const winter = feed.snippets.find((s) => s.id === 'winter-checklist')!;

/** A phone's browser: LinkedIn's composer takes no text there, so the panel copies the post and opens share-offsite. */
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

async function newContext(options: { javaScriptEnabled?: boolean; userAgent?: string } = {}): Promise<BrowserContext> {
  const context = await hub.browser.newContext({ ...options, permissions: ['clipboard-read', 'clipboard-write'] });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.site.url });
  await keepOnSite(context, hub.site.url, outside);
  // Record what would open instead of leaving the site.
  await recordOpened(context);
  return context;
}

async function openPanel(context: BrowserContext, pathAndQuery: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(hub.site.url + pathAndQuery);
  await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
  expect(errors).toEqual([]);
  return page;
}

const opened = (page: Page) => page.evaluate(() => (window as unknown as { opened: string[] }).opened.slice());
const param = (url: string, name: string) => new URL(url).searchParams.get(name);

describe('the share panel on a snippet page', () => {
  it('opens the network with the edited text and the link tagged with utm_content', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/');
    await page.fill('[data-code]', 'ana-42');
    await page.locator('[data-code]').blur();
    await page.click('details[data-variants] > summary');
    await page.check('input[type="radio"][value="1"]');
    await page.fill('[data-first-line]', 'Did mine on Sunday.');
    await page.fill('[data-text]', 'My own words: fifteen minutes, one clogged filter, a warmer house.');

    await page.click('[data-network="x"]');
    const [url] = await opened(page);
    expect(url).toMatch(/^https:\/\/x\.com\/intent\/post\?text=/);
    const link = 'https://www.tidewater.example.com/winter-checklist?utm_source=x&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=ana-42';
    expect(param(url!, 'text')).toBe(
      `Did mine on Sunday.\n\nMy own words: fifteen minutes, one clogged filter, a warmer house.\n\n#WinterReady #HeatPumps #TidewaterEmployee\n\n${link}`,
    );

    await page.click('[data-network="bluesky"]');
    const bluesky = (await opened(page))[1]!;
    expect(bluesky.startsWith('https://bsky.app/intent/compose?text=')).toBe(true);
    expect(param(bluesky, 'text')).toContain('My own words: fifteen minutes');
    expect(param(bluesky, 'text')).toContain('utm_source=bluesky&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=ana-42');

    // The code is remembered for the next visit.
    expect(await page.evaluate(() => localStorage.getItem('hub:advocate'))).toBe('{"code":"ana-42"}');
    await context.close();
  });

  it('disables a network where the post is too long, and says by how much', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    const x = page.locator('[data-network="x"]');
    await expect(x.isEnabled()).resolves.toBe(true);

    await page.fill('[data-text]', 'A sentence that keeps going. '.repeat(8).trim()); // 231 + hashtags, disclosure and link
    await expect(x.isDisabled()).resolves.toBe(true);
    const count = page.locator('[data-count="x"]');
    await expect(count.getAttribute('class')).resolves.toContain('over');
    await expect(count.textContent()).resolves.toMatch(/^\d+ of 280: too long, shorten by \d+$/);
    await expect(page.locator('[data-network="bluesky"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-network="mastodon"]').isEnabled()).resolves.toBe(true);
    await expect(page.locator('[data-network="linkedin"]').isEnabled()).resolves.toBe(true);

    await page.fill('[data-text]', 'Short again.');
    await expect(x.isEnabled()).resolves.toBe(true);
    await expect(count.getAttribute('class')).resolves.not.toContain('over');
    await context.close();
  });

  it.each([
    // LinkedIn on a phone: its feed composer takes text on the desktop web only (share-trust.test.ts has the desktop case).
    ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/?url=', 'url', 'LinkedIn', PHONE_UA],
    ['facebook', 'https://www.facebook.com/sharer/sharer.php?u=', 'u', 'Facebook', undefined],
  ])('copies the text for %s, says so beside its button, then opens its share page with the tagged link', async (network, prefix, name, label, userAgent) => {
    const context = await newContext({ userAgent });
    const page = await openPanel(context, '/share/winter-checklist/?v=2&ref=bo-7');
    await page.fill('[data-text]', 'Edited for my network.');
    await page.click(`[data-network="${network}"]`);

    const link = `https://www.tidewater.example.com/winter-checklist?utm_source=${network}&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=bo-7`;
    const note = page.locator(`[data-network-item="${network}"] [data-note]`);
    await page.waitForFunction((id) => document.querySelector(`[data-network-item="${id}"] [data-note]`)!.textContent !== '', network);
    await expect(note.textContent()).resolves.toBe(`Copied: paste it into the ${label} post that opens now.`);
    expect(await opened(page)).toEqual([]); // the hint shows before the composer opens
    await page.waitForFunction(() => (window as unknown as { opened: string[] }).opened.length > 0);
    const [url] = await opened(page);
    expect(url!.startsWith(prefix)).toBe(true);
    expect(param(url!, name)).toBe(link);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Edited for my network.\n\n#WinterReady #HeatPumps #TidewaterEmployee\n\n${link}`);
    await context.close();
  });

  it('follows a deep link: wording, network and advocate code', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?v=3&network=mastodon&ref=carla_9');
    await expect(page.locator('input[type="radio"][value="2"]').isChecked()).resolves.toBe(true);
    await expect(page.inputValue('[data-text]')).resolves.toBe(winter.variants[2]!.text);
    await expect(page.inputValue('[data-code]')).resolves.toBe('carla_9');
    // The suggested network comes first; wording 3 is not meant for X.
    await expect(page.locator('[data-networks] li').first().getAttribute('data-network-item')).resolves.toBe('mastodon');
    await expect(page.locator('[data-network-item="mastodon"] [data-suggested]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-network="x"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-count="x"]').textContent()).resolves.toBe('not for this wording');

    // The advocate's own Mastodon server is used and kept.
    await page.fill('[data-mastodon]', '@carla@Hachyderm.io');
    await page.locator('[data-mastodon]').blur();
    await page.click('[data-network="mastodon"]');
    const [url] = await opened(page);
    expect(url!.startsWith('https://hachyderm.io/share?text=')).toBe(true);
    expect(param(url!, 'text')).toBe(
      `${winter.variants[2]!.text}\n\n#WinterReady #HeatPumps #TidewaterEmployee\n\nhttps://www.tidewater.example.com/winter-checklist?utm_source=mastodon&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=carla_9`,
    );
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('hub:advocate')))!)).toEqual({ code: 'carla_9', mastodon: 'hachyderm.io' });
    await context.close();
  });

  it('starts each advocate from the wording their code picks, the same every visit', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?ref=dana-3');
    // Without a preselected network, the wordings offered on the most networks are the pool.
    const networks = winter.variants[0]!.networks.map((post) => post.network as NetworkId);
    const expected = defaultVariant(
      winter.variants.map((variant) => ({ networks: variant.networks.map((post) => post.network as NetworkId) })),
      { id: 'winter-checklist', code: 'dana-3', networks },
    );
    await expect(page.locator(`input[type="radio"][value="${expected}"]`).isChecked()).resolves.toBe(true);
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    await expect(page.locator(`input[type="radio"][value="${expected}"]`).isChecked()).resolves.toBe(true);
    await expect(page.inputValue('[data-code]')).resolves.toBe('dana-3');
    await context.close();
  });

  it('rejects a code that cannot be sent, and shares without one', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.fill('[data-code]', 'not a code!');
    await expect(page.locator('[data-code]').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('[data-code-help]').textContent()).resolves.toMatch(/cannot be used/);
    await page.click('[data-network="whatsapp"]');
    const [url] = await opened(page);
    expect(url!.startsWith('https://wa.me/?text=')).toBe(true);
    expect(param(url!, 'text')).not.toContain('utm_content');
    await context.close();
  });

  it('copies the whole post with its link, and offers Web Share only where the browser has it', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?v=2');
    const canShare = await page.evaluate(() => typeof navigator.share === 'function');
    await expect(page.locator('[data-web-share]').isVisible()).resolves.toBe(canShare);
    await page.click('[data-copy]');
    await page.waitForFunction(() => document.querySelector('[data-copy-status]')!.textContent !== '');
    await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('Copied your post with its link.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${winter.variants[1]!.text}\n\n#WinterReady #HeatPumps #TidewaterEmployee\n\nhttps://www.tidewater.example.com/winter-checklist?utm_source=copy&utm_medium=employee-advocacy&utm_campaign=winter-ready`,
    );
    await context.close();
  });
});

describe("twitter-text's patterns, loaded on demand", () => {
  // The chunks the snippet page may import() later, as the size benchmark finds them in dist/.
  const lazy = pageScripts(DIST, 'share/winter-checklist/index.html')
    .filter((s) => s.lazyFrom && !path.posix.basename(s.file).startsWith(`${BUNDLER_RUNTIME}.`))
    .map((s) => `/${s.file}`);
  const chunk = (name: string) => lazy.find((file) => path.posix.basename(file).startsWith(`${name}.`))!;
  const xText = async (page: Page) => param((await page.locator('[data-network="x"]').getAttribute('data-url'))!, 'text')!;
  const xCount = (page: Page) => page.locator('[data-count="x"]');
  const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-count][data-pending]'));

  async function watch(context: BrowserContext) {
    const requested: string[] = [];
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    return { page, requested };
  }

  it('are not fetched for a plain text; a link or an emoji fetches them, and X counts as twitter-text does', async () => {
    expect(lazy).toHaveLength(2);
    const context = await newContext();
    const { page, requested } = await watch(context);
    const initial = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
    expect(initial.some((file) => file.startsWith('/_astro/SharePanel'))).toBe(true);
    expect(initial.filter((file) => lazy.includes(file))).toEqual([]);

    // A first line of the advocate's own, with "e.g." and "3.5", still needs no pattern.
    await page.fill('[data-first-line]', 'Did mine on Sunday, e.g. the filter: 3.5 kW.');
    await page.fill('[data-text]', 'Fifteen minutes, one clogged filter, a warmer house.');
    await expect(xCount(page).textContent()).resolves.toBe(`${twitter.parseTweet(await xText(page)).weightedLength} of 280`);
    await expect(page.locator('[data-network="x"]').isEnabled()).resolves.toBe(true);

    // A link fetches the URL patterns, and only them.
    await page.fill('[data-text]', 'Fifteen minutes: tidewater.example.com/winter-checklist has the list.');
    await page.waitForResponse((response) => new URL(response.url()).pathname === chunk('x-urls'));
    await settled(page);
    const withLink = twitter.parseTweet(await xText(page)).weightedLength;
    await expect(xCount(page).textContent()).resolves.toBe(`${withLink} of 280`);
    // The link in the text counts 23, not its 44 characters.
    expect(withLink).toBeLessThan((await xText(page)).length - 40);

    // An emoji fetches the emoji pattern.
    await page.fill('[data-first-line]', 'Our family 👨‍👩‍👧‍👦 is warmer 🏡');
    await page.waitForResponse((response) => new URL(response.url()).pathname === chunk('x-emoji'));
    await settled(page);
    await expect(xCount(page).textContent()).resolves.toBe(`${twitter.parseTweet(await xText(page)).weightedLength} of 280`);

    await page.click('[data-network="x"]');
    expect(param((await opened(page))[0]!, 'text')).toBe(await xText(page));
    expect(requested.filter((file) => lazy.includes(file)).sort()).toEqual([chunk('x-emoji'), chunk('x-urls')].sort());
    await context.close();
  });

  it('show the count as pending, with the button disabled, until the patterns arrive', async () => {
    const context = await newContext();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(`**${chunk('x-urls')}`, async (route) => {
      await held;
      await route.continue();
    });
    const { page } = await watch(context);
    const x = page.locator('[data-network="x"]');
    // Over X's limit: while the count is unknown nothing may be shared, and after, neither.
    await page.fill('[data-text]', `${'A sentence that keeps going. '.repeat(7)}See tidewater.example.com`);
    await expect(xCount(page).textContent()).resolves.toBe('counting…');
    await expect(xCount(page).getAttribute('data-pending')).resolves.toBe('');
    await expect(x.isDisabled()).resolves.toBe(true);
    // A click on the button itself, not at its place: the other counts still change and move the buttons around.
    await x.dispatchEvent('click');
    expect(await opened(page)).toEqual([]);
    // Networks that need no pattern keep counting.
    await expect(page.locator('[data-count="linkedin"]').textContent()).resolves.toMatch(/^\d+ of 3,000$/);

    release();
    await settled(page);
    const exact = twitter.parseTweet(await xText(page)).weightedLength;
    expect(exact).toBeGreaterThan(280);
    await expect(xCount(page).textContent()).resolves.toBe(`${exact} of 280: too long, shorten by ${exact - 280}`);
    await expect(x.isDisabled()).resolves.toBe(true);

    await page.fill('[data-text]', 'Short, and see tidewater.example.com');
    await expect(xCount(page).textContent()).resolves.toBe(`${twitter.parseTweet(await xText(page)).weightedLength} of 280`);
    await expect(x.isEnabled()).resolves.toBe(true);
    await context.close();
  });

  it('say so when they cannot be loaded, and keep the button disabled', async () => {
    const context = await newContext();
    await context.route(`**${chunk('x-emoji')}`, (route) => route.abort());
    const { page } = await watch(context);
    await page.fill('[data-text]', 'Warmer 🏡');
    await page.waitForFunction(() => document.querySelector('[data-count="x"]')!.textContent !== 'counting…');
    await expect(xCount(page).getAttribute('data-pending')).resolves.toBe('');
    await expect(xCount(page).textContent()).resolves.toBe('could not count: reload the page');
    await expect(page.locator('[data-network="x"]').isDisabled()).resolves.toBe(true);
    // Mastodon counts graphemes and needs no emoji pattern.
    await expect(page.locator('[data-network="mastodon"]').isEnabled()).resolves.toBe(true);
    await context.close();
  });
});

describe('Web Share', () => {
  it('hands the post to the system share sheet where the browser has one', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
        },
      });
    });
    const page = await openPanel(context, '/share/winter-checklist/?v=1&ref=ana-42');
    await page.click('[data-web-share]');
    await page.waitForFunction(() => 'shared' in window);
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
    expect(shared).toEqual({
      text: `${winter.variants[0]!.text}\n\n#WinterReady #HeatPumps #TidewaterEmployee\n\nhttps://www.tidewater.example.com/winter-checklist?utm_source=web-share&utm_medium=employee-advocacy&utm_campaign=winter-ready&utm_content=ana-42`,
    });
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('lists every wording with plain share links, the same as the share feed', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    await expect(page.locator('[data-share-panel]').isVisible()).resolves.toBe(false);
    const figures = page.locator('[data-share-fallback] figure');
    await expect(figures.count()).resolves.toBe(winter.variants.length);
    for (const [index, variant] of winter.variants.entries()) {
      const links = await figures
        .nth(index)
        .locator('a[data-static-network]')
        .evaluateAll((as) => as.map((a) => ({ network: a.getAttribute('data-static-network'), href: a.getAttribute('href') })));
      expect(links).toEqual(variant.networks.map((post) => ({ network: post.network, href: post.url })));
      await expect(figures.nth(index).locator('blockquote').textContent()).resolves.toBe(variant.text);
    }
    expect(winter.variants[0]!.networks.find((p) => p.network === 'x')!.url).not.toContain('utm_content');
    await context.close();
  });
});

describe('the share panel on an article page', () => {
  it('shares the article itself, tagged with utm_campaign = the article id', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/articles/why-field-engineers-should-write-in-public/?v=1&ref=ana-42');
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    await expect(page.inputValue('[data-text]')).resolves.toBe(description);
    await page.click('[data-network="telegram"]');
    const [url] = await opened(page);
    expect(param(url!, 'url')).toBe(
      `${SAMPLE_SITE}/articles/why-field-engineers-should-write-in-public/?utm_source=telegram&utm_medium=employee-advocacy&utm_campaign=why-field-engineers-should-write-in-public&utm_content=ana-42`,
    );
    expect(param(url!, 'text')).toBe(`${description}\n\n#TidewaterEmployee`);
    await context.close();
  });
});

describe('requests', () => {
  it('none left the site', () => {
    expect(outside).toEqual([]);
  });
});
