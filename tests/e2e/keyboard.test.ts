/**
 * The hub with a keyboard only: sharing a snippet from the first Tab to the
 * network that opens, and a visible focus indicator on every stop of the Tab
 * order of the pages people use most.
 */
import type { BrowserContext, JSHandle, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shareFeedOf, sitemapPaths, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();

/** A context whose requests to other sites are recorded and stopped: what a share button would open. */
async function keyboardContext(): Promise<{ context: BrowserContext; opened: string[] }> {
  const context = await hub.browser.newContext();
  const opened: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(hub.site.url)) return route.continue();
    opened.push(url);
    return route.abort();
  });
  return { context, opened };
}

/** What has focus: tag, type, accessible-ish name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement | null;
    if (!e || e === document.body) return '';
    return `${e.tagName.toLowerCase()}${e.getAttribute('type') ? `[${e.getAttribute('type')}]` : ''} ${e.getAttribute('aria-label') ?? e.labels?.[0]?.textContent?.trim() ?? e.textContent?.trim().slice(0, 40) ?? ''}`.trim();
  });

/** Presses Tab until `matches` the focused element (fails after `max` presses). */
async function tabTo(page: Page, matches: (description: string) => boolean, max = 80): Promise<string[]> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    path.push(now);
    if (matches(now)) return path;
  }
  throw new Error(`Tab never reached the element; it went through:\n${path.join('\n')}`);
}

const feed = shareFeedOf();

describe('sharing with the keyboard only', () => {
  it('Tab to the wordings, open them, pick another with the arrows, edit the text, Tab to X, Enter: X opens with that text', async () => {
    const { context, opened } = await keyboardContext();
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/share/winter-checklist/`);
    await page.locator('[data-share-panel]').waitFor({ state: 'visible' });

    // The first Tab reaches the skip link; the wordings are a radio group, folded in a picker that Enter opens.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a Skip to content');
    const route = await tabTo(page, (d) => d.startsWith('summary'));
    expect(route.length).toBeLessThan(40);
    await page.keyboard.press('Enter');
    await tabTo(page, (d) => d.startsWith('input[radio]'), 5);
    // The wording a new advocate starts from varies; arrow on to the next one that is offered on X.
    const variants = feed.snippets.find((s) => s.id === 'winter-checklist')!.variants;
    const onX = (index: number) => variants[index]!.networks.some((post) => post.network === 'x');
    const checked = () => page.evaluate(() => Number((document.querySelector('[data-share-panel] input[type="radio"]:checked') as HTMLInputElement).value));
    let picked = await checked();
    do {
      await page.keyboard.press('ArrowDown');
      const expected = (picked + 1) % variants.length;
      picked = await checked();
      expect(picked).toBe(expected);
      expect(await page.locator('[data-text]').inputValue()).toBe(variants[picked]!.text);
    } while (!onX(picked));

    // Into the text, select it all and write over it.
    await tabTo(page, (d) => d.startsWith('textarea'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Typed with the keyboard alone: our winter checklist.');

    // On to the X button, and Enter.
    await tabTo(page, (d) => d === 'button[button] Share on X');
    await page.keyboard.press('Enter');
    await expect.poll(() => opened.length).toBe(1);
    const url = new URL(opened[0]!);
    expect(`${url.origin}${url.pathname}`).toBe('https://x.com/intent/post');
    expect(url.searchParams.get('text')).toMatch(
      /^Typed with the keyboard alone: our winter checklist\.\n\n#WinterReady .*\n\nhttps:\/\/www\.tidewater\.example\.com\/winter-checklist\?utm_source=x&/s,
    );
    await context.close();
  });
});

/** Outline and shadow of an element and its nearest ancestors (cards draw focus around their link). */
const ringOf = (handle: JSHandle) =>
  handle.evaluate((element) => {
    const out: string[] = [];
    for (let e = element as Element | null, depth = 0; e && depth < 4; e = e.parentElement, depth++) {
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? `outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : '';
      const shadow = s.boxShadow !== 'none' ? `shadow ${s.boxShadow}` : '';
      out.push(`${outline}|${shadow}`);
    }
    return out;
  });

/**
 * Tabs through the whole page. At every stop, the focused element (or a close
 * ancestor) must draw an outline of 2 px or more, or a shadow, that it does not
 * draw when nothing on the page has focus.
 */
async function focusStopsWithoutIndicator(page: Page): Promise<{ stops: number; missing: string[] }> {
  const stops: { handle: JSHandle; ring: string[]; description: string }[] = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const handle = await page.evaluateHandle(() => document.activeElement);
    const description = await focused(page);
    const isNew = await handle.evaluate(
      (e, list) => !(list as Element[]).includes(e as Element),
      stops.map((s) => s.handle),
    );
    if (!description || !isNew) break; // back at the start: the whole order was visited
    stops.push({ handle, ring: await ringOf(handle), description });
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const missing: string[] = [];
  for (const stop of stops) {
    const unfocused = await ringOf(stop.handle);
    if (!stop.ring.some((ring, depth) => ring !== '|' && ring !== unfocused[depth])) missing.push(stop.description);
  }
  return { stops: stops.length, missing };
}

describe('visible focus', () => {
  const pages = () => {
    const all = sitemapPaths();
    const first = (prefix: string) => all.find((p) => p.startsWith(prefix) && p !== prefix)!;
    return ['/', '/share/', '/share/winter-checklist/', first('/articles/'), first('/training/'), first('/start/'), '/guidelines/', '/impact/', '/search/?q=heat'];
  };

  it('marks every stop of the Tab order on the pages people use most', async () => {
    const { context } = await keyboardContext();
    const page = await context.newPage();
    const problems: string[] = [];
    for (const pathname of pages()) {
      await page.goto(hub.site.url + pathname);
      if (pathname.startsWith('/search/')) await page.locator('.hub-result-link').first().waitFor();
      const { stops, missing } = await focusStopsWithoutIndicator(page);
      if (stops < 5) problems.push(`${pathname}: only ${stops} focus stops`);
      problems.push(...missing.map((m) => `${pathname}: no visible focus on ${m}`));
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
