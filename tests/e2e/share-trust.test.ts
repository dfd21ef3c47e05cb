/**
 * Sharing that respects the advocate (issue 15), in Chromium on the built
 * sample hub: a link's code never replaces theirs, nothing they type is lost,
 * the default wording is offered on the most networks, LinkedIn gets their
 * words where its composer takes them, a blocked clipboard still leaves the
 * whole post in their hands, and on a phone the text and the share actions
 * come first. Share URLs are captured where they would leave the site:
 * window.open is recorded instead of opening.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shareFeedOf, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();
const outside: string[] = [];

const feed = shareFeedOf();
const winter = feed.snippets.find((s) => s.id === 'winter-checklist')!;
const ALL_NETWORKS = 10;
const FOOTER = '#WinterReady #HeatPumps #TidewaterEmployee';
const tagged = (source: string, code?: string) =>
  `https://www.tidewater.example.com/winter-checklist?utm_source=${source}&utm_medium=employee-advocacy&utm_campaign=winter-ready${code ? `&utm_content=${code}` : ''}`;

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, userAgent: IPHONE };

async function newContext(options: BrowserContextOptions & { storedCode?: string; blockClipboard?: boolean; webShare?: boolean } = {}): Promise<BrowserContext> {
  const { storedCode, blockClipboard, webShare, ...contextOptions } = options;
  const context = await hub.browser.newContext(contextOptions);
  if (!blockClipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.site.url });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(hub.site.url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await context.addInitScript(
    ({ code, block, share }) => {
      const w = window as unknown as { opened: string[]; shared?: ShareData };
      w.opened = [];
      window.open = (url?: string | URL) => {
        w.opened.push(String(url));
        return null;
      };
      // The advocate's own code, stored on an earlier visit (once per test, not on every page load).
      if (code && !sessionStorage.getItem('seeded')) {
        localStorage.setItem('hub:advocate', JSON.stringify({ code }));
        sessionStorage.setItem('seeded', '1');
      }
      if (block) {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
        });
      }
      if (share) {
        Object.defineProperty(navigator, 'share', {
          value: async (data: ShareData) => {
            w.shared = data;
          },
        });
      }
    },
    { code: storedCode, block: !!blockClipboard, share: !!webShare },
  );
  return context;
}

async function openPanel(context: BrowserContext, pathAndQuery: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(hub.site.url + pathAndQuery);
  await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
  expect(errors).toEqual([]);
  return page;
}

const opened = (page: Page) => page.evaluate(() => (window as unknown as { opened: string[] }).opened.slice());
const waitOpened = (page: Page) => page.waitForFunction(() => (window as unknown as { opened: string[] }).opened.length > 0);
const param = (url: string, name: string) => new URL(url).searchParams.get(name);
const storedCode = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('hub:advocate') ?? '{}') as { code?: string }).code);
const checkedWording = (page: Page) => page.locator('input[type="radio"]:checked').getAttribute('value');

/** Picks wording `index` (0-based) as a person would: opening the picker first where it is folded away. */
async function pickWording(page: Page, index: number): Promise<void> {
  const folded = page.locator('details[data-variants]:not([open]) > summary');
  if (await folded.count()) await folded.click();
  await page.check(`input[type="radio"][value="${index}"]`);
}

describe('a code from a link', () => {
  it("never replaces the advocate's own code: the panel names it and offers it, and ref leaves the address", async () => {
    const context = await newContext({ storedCode: 'abc' });
    const page = await openPanel(context, '/share/winter-checklist/?v=2&network=mastodon&ref=ana-42#share');
    const url = new URL(page.url());
    expect(url.searchParams.get('ref')).toBeNull();
    expect(url.search).toBe('?v=2&network=mastodon');
    expect(url.hash).toBe('#share');
    expect(await storedCode(page)).toBe('abc');
    await expect(page.inputValue('[data-code]')).resolves.toBe('abc');
    const notice = page.locator('[data-ref-notice]');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toContain('ana-42');

    // Sharing goes out with the advocate's own code.
    await page.click('[data-network="mastodon"]');
    expect(param((await opened(page))[0]!, 'text')).toContain('utm_content=abc');

    // One tap takes the link's code instead.
    await page.getByRole('button', { name: 'Use ana-42' }).click();
    expect(await storedCode(page)).toBe('ana-42');
    await expect(page.inputValue('[data-code]')).resolves.toBe('ana-42');
    await expect(notice.isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('can be dismissed, and leaves the stored code alone', async () => {
    const context = await newContext({ storedCode: 'abc' });
    const page = await openPanel(context, '/share/winter-checklist/?ref=ana-42');
    await page.locator('[data-ref-notice]').getByRole('button', { name: 'Keep mine' }).click();
    await expect(page.locator('[data-ref-notice]').isVisible()).resolves.toBe(false);
    expect(await storedCode(page)).toBe('abc');
    await context.close();
  });

  it('is taken when none is stored', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?ref=ana-42');
    expect(await storedCode(page)).toBe('ana-42');
    await expect(page.inputValue('[data-code]')).resolves.toBe('ana-42');
    await expect(page.locator('[data-ref-notice]').isVisible()).resolves.toBe(false);
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  it('leaves the address of a page without a share panel too, keeping its other parameters and its hash', async () => {
    const context = await newContext({ storedCode: 'abc' });
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/guidelines/?utm_source=mail&ref=ana-42&x=a+b#respect`);
    await page.waitForFunction(() => !location.search.includes('ref='));
    const url = new URL(page.url());
    expect(url.search).toBe('?utm_source=mail&x=a+b');
    expect(url.hash).toBe('#respect');
    expect(await storedCode(page)).toBe('abc');

    // Without a stored code, a page without a panel keeps the link's code.
    const fresh = await newContext();
    const other = await fresh.newPage();
    await other.goto(`${hub.site.url}/guidelines/?ref=ana-42`);
    await other.waitForFunction(() => location.search === '');
    expect(await storedCode(other)).toBe('ana-42');
    await fresh.close();
    await context.close();
  });

  it('carried by a page without a panel (an onboarding link) is offered by the next share panel, until taken or declined', async () => {
    const context = await newContext({ storedCode: 'abc' });
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/start/?ref=ana-42`);
    await page.waitForFunction(() => location.search === '');
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    const notice = page.locator('[data-ref-notice]');
    await notice.waitFor({ state: 'visible' });
    await expect(notice.textContent()).resolves.toContain('ana-42');
    expect(await storedCode(page)).toBe('abc');
    await notice.getByRole('button', { name: 'Keep mine' }).click();
    await page.reload();
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    await expect(notice.isVisible()).resolves.toBe(false);
    expect(await storedCode(page)).toBe('abc');
    await context.close();
  });
});

describe("the advocate's text", () => {
  it('is a draft per wording: it survives a switch of wording and a reload, and the original comes back on request', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?v=2');
    const mine = 'My own words about the checklist: fifteen minutes, one clogged filter.';
    await page.fill('[data-text]', mine);
    await pickWording(page, 0);
    await expect(page.inputValue('[data-text]')).resolves.toBe(winter.variants[0]!.text);
    await pickWording(page, 1);
    await expect(page.inputValue('[data-text]')).resolves.toBe(mine);

    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    await expect(checkedWording(page)).resolves.toBe('1');
    await expect(page.inputValue('[data-text]')).resolves.toBe(mine);
    // The picker marks the wording the advocate edited, and only that one.
    await expect(page.locator('[data-variant-edited]:not([hidden])').count()).resolves.toBe(1);
    await expect(page.locator('label:has(input[value="1"]) [data-variant-edited]').getAttribute('hidden')).resolves.toBeNull();

    await page.click('[data-network="x"]');
    expect(param((await opened(page))[0]!, 'text')).toBe(`${mine}\n\n${FOOTER}\n\n${tagged('x')}`);

    await page.getByRole('button', { name: 'Back to the original wording' }).click();
    await expect(page.inputValue('[data-text]')).resolves.toBe(winter.variants[1]!.text);
    await expect(page.locator('[data-variant-edited]:not([hidden])').count()).resolves.toBe(0);
    await context.close();
  });
});

describe('the default wording', () => {
  it('is offered on the most networks (code phone-1, winter checklist)', async () => {
    const context = await newContext({ storedCode: 'phone-1' });
    const page = await openPanel(context, '/share/winter-checklist/');
    const index = Number(await checkedWording(page));
    expect(winter.variants[index]!.networks).toHaveLength(ALL_NETWORKS);
    await expect(page.locator('[data-count]', { hasText: 'not for this wording' }).count()).resolves.toBe(0);
    await expect(page.locator('[data-network]:disabled').count()).resolves.toBe(0);
    await context.close();
  });

  it("is one offered on a deep link's network", async () => {
    const context = await newContext({ storedCode: 'phone-1' });
    const page = await openPanel(context, '/share/winter-checklist/?network=threads');
    const index = Number(await checkedWording(page));
    expect(winter.variants[index]!.networks.map((p) => p.network)).toContain('threads');
    await expect(page.locator('[data-network="threads"]').isEnabled()).resolves.toBe(true);
    await context.close();
  });
});

describe('LinkedIn', () => {
  it('opens its composer with the whole post on the desktop web', async () => {
    const context = await newContext({ storedCode: 'bo-7' });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.fill('[data-text]', 'Edited for my network.');
    await page.click('[data-network="linkedin"]');
    await waitOpened(page);
    const [url] = await opened(page);
    expect(url!.startsWith('https://www.linkedin.com/feed/?shareActive=true&text=')).toBe(true);
    expect(param(url!, 'text')).toBe(`Edited for my network.\n\n${FOOTER}\n\n${tagged('linkedin', 'bo-7')}`);
    await context.close();
  });

  it('on a phone, copies the post and opens share-offsite with the tagged link', async () => {
    const context = await newContext({ ...PHONE, storedCode: 'bo-7' });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.click('[data-network="linkedin"]');
    await waitOpened(page);
    const [url] = await opened(page);
    expect(url!.startsWith('https://www.linkedin.com/sharing/share-offsite/?url=')).toBe(true);
    expect(param(url!, 'url')).toBe(tagged('linkedin', 'bo-7'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${winter.variants[0]!.text}\n\n${FOOTER}\n\n${tagged('linkedin', 'bo-7')}`);
    const note = page.locator('[data-network-item="linkedin"] [role="status"]');
    await expect(note.textContent()).resolves.toBe('Copied: paste it into the LinkedIn post that opens now.');
    await context.close();
  });
});

describe('a blocked clipboard', () => {
  it('leaves the whole post, tagged link and disclosure included, selected in a read-only box', async () => {
    const context = await newContext({ storedCode: 'bo-7', blockClipboard: true });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.click('[data-network="facebook"]');
    const box = page.locator('[data-fallback-text]');
    await box.waitFor({ state: 'visible' });
    const post = `${winter.variants[0]!.text}\n\n${FOOTER}\n\n${tagged('facebook', 'bo-7')}`;
    await expect(box.inputValue()).resolves.toBe(post);
    await expect(box.getAttribute('readonly')).resolves.not.toBeNull();
    const selection = await box.evaluate((element: HTMLTextAreaElement) => ({
      focused: document.activeElement === element,
      selected: element.value.slice(element.selectionStart, element.selectionEnd),
    }));
    expect(selection).toEqual({ focused: true, selected: post });
    await expect(page.locator('[data-network-item="facebook"] [role="status"]').textContent()).resolves.toMatch(/Copying did not work/);
    await context.close();
  });
});

describe('hashtags', () => {
  it('can be left out one by one or all at once (not the disclosure), and the counters follow', async () => {
    const context = await newContext();
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    const count = async () => Number((await page.locator('[data-count="threads"]').textContent())!.split(' ')[0]);
    const before = await count();
    await page.getByRole('checkbox', { name: '#HeatPumps' }).uncheck();
    await expect.poll(count).toBe(before - '#HeatPumps '.length);
    await expect(page.getByRole('checkbox', { name: '#TidewaterEmployee' }).count()).resolves.toBe(0);
    await page.click('[data-network="threads"]');
    expect(param((await opened(page))[0]!, 'text')).toBe(`${winter.variants[0]!.text}\n\n#WinterReady #TidewaterEmployee\n\n${tagged('threads')}`);

    // All at once, and back; the choice is kept with the draft.
    await page.getByRole('button', { name: 'Leave them all out' }).click();
    await expect.poll(count).toBe(before - '#WinterReady #HeatPumps '.length);
    await page.reload();
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    await expect(page.getByRole('checkbox', { name: '#WinterReady' }).isChecked()).resolves.toBe(false);
    await page.click('[data-network="x"]');
    expect(param((await opened(page))[0]!, 'text')).toBe(`${winter.variants[0]!.text}\n\n#TidewaterEmployee\n\n${tagged('x')}`);
    await page.getByRole('button', { name: 'Put them all back' }).click();
    await expect.poll(count).toBe(before);
    await context.close();
  });
  it('on the desktop, LinkedIn opens with the post and does not claim a copy it could not make: the post waits in the box', async () => {
    const context = await newContext({ storedCode: 'bo-7', blockClipboard: true });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.click('[data-network="linkedin"]');
    await waitOpened(page);
    const post = `${winter.variants[0]!.text}\n\n${FOOTER}\n\n${tagged('linkedin', 'bo-7')}`;
    expect(param((await opened(page))[0]!, 'text')).toBe(post);
    const note = page.locator('[data-network-item="linkedin"] [role="status"]');
    await expect(note.textContent()).resolves.not.toMatch(/copied too/i);
    await expect(note.textContent()).resolves.toMatch(/Copying did not work/);
    await expect(page.locator('[data-fallback-text]').inputValue()).resolves.toBe(post);
    await context.close();
  });
});

describe('on a 390 × 844 phone', () => {
  it('shows the text, its counter, Web Share and the first networks in the first screen', async () => {
    const context = await newContext({ ...PHONE, webShare: true });
    const page = await openPanel(context, '/share/winter-checklist/');
    // The page header is at most 64 px on a phone (tests/e2e/phone.test.ts checks every page).
    const header = await page.evaluate(() => document.querySelector('body > header')!.getBoundingClientRect().height);
    expect(header).toBeLessThanOrEqual(64);
    const inView = async (selector: string) => {
      const box = (await page.locator(selector).first().boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 844;
    };
    for (const selector of ['[data-text]', '[data-text-fit]', '[data-web-share]', '[data-network="linkedin"]', '[data-count="linkedin"]']) {
      expect(await inView(selector), selector).toBe(true);
    }
    // Web Share comes before the network buttons, LinkedIn first among them.
    const order = await page.evaluate(() => {
      const share = document.querySelector('[data-web-share]')!;
      const first = document.querySelector('[data-networks] li')!;
      return { shareFirst: !!(share.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING), first: first.getAttribute('data-network-item') };
    });
    expect(order).toEqual({ shareFirst: true, first: 'linkedin' });
    await context.close();
  });

  it("puts the advocate's most used networks first, from the next visit", async () => {
    const context = await newContext({ ...PHONE });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.click('[data-network="whatsapp"]');
    await page.click('[data-network="whatsapp"]');
    await page.click('[data-network="telegram"]');
    await page.reload();
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });
    const order = await page.locator('[data-networks] > li[data-network-item]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-network-item')));
    expect(order.slice(0, 3)).toEqual(['whatsapp', 'telegram', 'linkedin']);
    await context.close();
  });

  it('says what happened next to the control, to screen readers too', async () => {
    const context = await newContext({ ...PHONE });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.click('[data-network="facebook"]');
    const note = page.locator('[data-network-item="facebook"] [role="status"]');
    await expect.poll(() => note.textContent()).toBe('Copied: paste it into the Facebook post that opens now.');
    // Both boxes in one frame: the line is scrolled into view smoothly, so two separate reads can straddle a scroll step.
    const gap = await page.evaluate(() => {
      const button = document.querySelector('[data-network="facebook"]')!.getBoundingClientRect();
      const said = document.querySelector('[data-network-item="facebook"] [role="status"]')!.getBoundingClientRect();
      return Math.abs(said.top - button.bottom);
    });
    expect(gap).toBeLessThan(60);

    // Too long: said under the text, as the advocate types.
    await page.fill('[data-text]', 'A sentence that keeps going. '.repeat(9).trim());
    const fit = page.locator('[data-text-fit]');
    await expect(fit.getAttribute('role')).resolves.toBe('status');
    await expect(fit.textContent()).resolves.toMatch(/Too long for X/);
    await context.close();
  });

  it('keeps the text and the first share actions in the first screen when a link offers another code', async () => {
    const context = await newContext({ ...PHONE, storedCode: 'abc', webShare: true });
    const page = await openPanel(context, '/share/winter-checklist/?v=2&network=mastodon&ref=ana-42');
    await expect(page.locator('[data-ref-notice]').isVisible()).resolves.toBe(true);
    for (const selector of ['[data-ref-notice]', '[data-text]', '[data-text-fit]', '[data-web-share]', '[data-network="mastodon"]']) {
      const box = (await page.locator(selector).first().boundingBox())!;
      expect(box.y + box.height, selector).toBeLessThanOrEqual(844);
    }
    await context.close();
  });

  it('folds the wording picker after a tap and shows the chosen text', async () => {
    const context = await newContext({ ...PHONE });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.locator('details[data-variants] > summary').tap();
    await page.locator('.share-variant', { hasText: winter.variants[1]!.text.slice(0, 30) }).tap();
    await expect.poll(() => page.locator('details[data-variants]').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await expect(page.inputValue('[data-text]')).resolves.toBe(winter.variants[1]!.text);
    const box = (await page.locator('[data-text]').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await context.close();
  });

  it('gives a status line the whole row under its button, inside the screen', async () => {
    const context = await newContext({ ...PHONE });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.click('[data-network="linkedin"]');
    const note = page.locator('[data-network-item="linkedin"] [role="status"]');
    await expect.poll(() => note.textContent()).toMatch(/^Copied/);
    const said = (await note.boundingBox())!;
    const list = (await page.locator('[data-networks]').boundingBox())!;
    expect(said.width).toBeGreaterThan(list.width * 0.9);
    expect(said.y + said.height).toBeLessThanOrEqual(844);
    await context.close();
  });

  it('shows the beginning of the post in the box a blocked clipboard leaves', async () => {
    const context = await newContext({ ...PHONE, blockClipboard: true });
    const page = await openPanel(context, '/share/winter-checklist/?v=1');
    await page.click('[data-network="linkedin"]');
    const box = page.locator('[data-fallback-text]');
    await box.waitFor({ state: 'visible' });
    await expect(box.evaluate((element: HTMLTextAreaElement) => element.scrollTop)).resolves.toBe(0);
    await context.close();
  });
});

describe('requests', () => {
  it('none left the site', () => {
    expect(outside).toEqual([]);
  });
});
