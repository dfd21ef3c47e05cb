/**
 * The hub on a 390×844 phone (issue 15, item 4), page by page through the
 * built sitemap plus the search page and the 404: a header no taller than
 * 64 px, nothing wider than the screen, no word broken inside a table cell
 * (including the impact page's tables shown on demand), and the search
 * page's filter lists on screen; the calendar's and impact page's tables keep
 * their table roles. The header's menu opens the navigation without
 * JavaScript, and with it, closes on Escape and says whether it is open; axe
 * finds nothing while it is open.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import strings from '../../src/i18n/en.json' with { type: 'json' };
import { BOTH_SCHEMES, auditPages } from '../support/axe.ts';
import { sitemapPaths, useBuiltHub } from '../support/site.ts';

const hub = useBuiltHub();

const PHONE = { width: 390, height: 844 };
const HEADER_MAX = 64;
/** Pages readers reach outside the sitemap. */
const NOT_IN_SITEMAP = ['/search/', '/no-such-page/'];

const DESKTOP = { width: 1280, height: 800 };
/** WCAG 2.2 target size (minimum), 2.5.8. */
const TARGET_MIN = 24;

function phone(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, ...options });
}

/** The Menu button: a <summary>, so it works without JavaScript (Chromium gives it its own role, not button). */
const menuButton = (page: Page) => page.locator('body > header summary').filter({ hasText: strings['nav.menu'] });
/** Every link of the main navigation, shown or not. */
const navLinks = (page: Page) => page.getByRole('navigation', { name: strings['nav.label'], includeHidden: true }).getByRole('link', { includeHidden: true });

/** The roles Chromium gives the page's tables, their rows and cells (its accessibility tree, so CSS that drops table semantics shows). */
async function tableRoles(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string } }[] };
  await cdp.detach();
  const counts: Record<string, number> = {};
  for (const node of nodes) {
    const role = node.role?.value;
    if (!node.ignored && role && ['table', 'row', 'rowheader', 'columnheader', 'cell'].includes(role)) counts[role] = (counts[role] ?? 0) + 1;
  }
  return counts;
}

/**
 * Runs in the page: what breaks the phone layout, one line each.
 * - the header taller than `headerMax`;
 * - the page scrolling sideways, or an element sticking out on either side
 *   (those inside an element that clips or scrolls its overflow are that
 *   element's business, and only the outermost offender is named);
 * - a word in a visible table cell wider than the cell's content box, that is,
 *   broken across lines (each word measured with a Range over its text: the
 *   widths of its pieces add up to its width in the cell's own font).
 */
function layoutProblems(headerMax: number): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  const name = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const classes = [...el.classList]
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('');
    return `${el.tagName.toLowerCase()}${id}${classes}`;
  };

  const header = document.querySelector('body > header');
  if (!header) problems.push('has no header');
  else if (header.getBoundingClientRect().height > headerMax + 0.5) {
    problems.push(`header is ${Math.round(header.getBoundingClientRect().height)} px tall (at most ${headerMax})`);
  }

  const scrollWidth = document.scrollingElement!.scrollWidth;
  if (scrollWidth > width) problems.push(`scrolls sideways: ${scrollWidth} px wide on a ${width} px screen`);

  const clipsOverflow = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
  const clippedByAncestor = (el: Element) => {
    for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (clipsOverflow(parent)) return true;
    }
    return false;
  };
  const sticksOut = (el: Element) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    return box.right > width + 0.5 || box.left < -0.5;
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (!sticksOut(el) || clippedByAncestor(el)) continue;
    if (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)) continue;
    const box = el.getBoundingClientRect();
    problems.push(`${name(el)} runs past the screen: ${Math.round(box.left)}…${Math.round(box.right)} px of ${width}`);
  }

  // Cells hidden from sight (inside a 1 px clipped box, as the impact tables are until asked for) are not read.
  const shown = (el: Element) => {
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      const box = node.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return false;
    }
    return true;
  };
  for (const cell of document.querySelectorAll('table th, table td')) {
    if (!shown(cell)) continue;
    const style = getComputedStyle(cell);
    const content =
      cell.getBoundingClientRect().width -
      ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce((sum, p) => sum + parseFloat(style[p as 'paddingLeft']), 0);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
      if (!text.parentElement || !shown(text.parentElement)) continue;
      // Words as line breaking sees them: runs between breaking spaces (HTML's, thin and other Unicode spaces; no-break spaces join).
      for (const word of text.data.matchAll(/[^ \t\n\r\f\u1680\u2000-\u2006\u2008-\u200b\u205f\u3000]+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const pieces = [...range.getClientRects()].filter((r) => r.width > 0);
        const wordWidth = pieces.reduce((sum, r) => sum + r.width, 0);
        // A word of several directions (an Arabic date: digits between right-to-left marks) has a box per
        // run on the same line: lines are told apart by where they are, not by how many boxes there are.
        const lines = new Set(pieces.map((r) => Math.round(r.top))).size;
        if (lines > 1 || wordWidth > content + 0.5) {
          const row = cell.closest('tr')?.querySelector('th, td')?.textContent?.trim().slice(0, 30);
          problems.push(
            `table cell ${name(cell)} (row "${row}") is ${Math.round(content)} px wide, narrower than "${word[0]}" (${Math.round(wordWidth)} px${lines > 1 ? `, broken into ${lines} lines` : ''})`,
          );
        }
      }
    }
  }
  return problems;
}

/** Ids of the in-page targets that hold a table and are followed to show it (the impact page's "Show the numbers"). */
function tablesOnDemand(): string[] {
  const ids = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => decodeURIComponent(a.hash.slice(1)));
  return [...new Set(ids)].filter((id) => {
    const target = id ? document.getElementById(id) : null;
    return Boolean(target?.querySelector('table')) && target!.getBoundingClientRect().width <= 1;
  });
}

async function problemsOf(page: Page, path: string): Promise<string[]> {
  const found = (await page.evaluate(layoutProblems, HEADER_MAX)).map((p) => `${path}: ${p}`);
  for (const id of await page.evaluate(tablesOnDemand)) {
    await page.evaluate((hash) => (location.hash = hash), id);
    found.push(...(await page.evaluate(layoutProblems, HEADER_MAX)).map((p) => `${path}#${id}: ${p}`));
  }
  return found;
}

describe('at 390×844', () => {
  it('every page has a header of at most 64 px, nothing wider than the screen, and no word broken in a table cell', async () => {
    const sitemap = sitemapPaths();
    const paths = [...sitemap, ...NOT_IN_SITEMAP.filter((p) => !sitemap.includes(p))];
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toEqual(expect.arrayContaining(['/calendar/', '/impact/', '/search/']));
    const context = await phone(hub.browser);
    const problems: string[] = [];
    const queue = [...paths];
    const worker = async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.goto(hub.site.url + path, { waitUntil: 'load' });
        problems.push(...(await problemsOf(page, path)));
      }
      await page.close();
    };
    await Promise.all([worker(), worker(), worker()]);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the search page keeps every filter list on screen, under its button', async () => {
    const context = await phone(hub.browser);
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/search/?q=heat`);
    const dropdowns = page.locator('[data-search-filter]');
    const count = await dropdowns.count();
    expect(count).toBeGreaterThan(1);
    const problems: string[] = [];
    for (let i = 0; i < count; i++) {
      const dropdown = dropdowns.nth(i);
      const filter = await dropdown.getAttribute('data-search-filter');
      const trigger = dropdown.locator('summary');
      await trigger.click();
      const list = dropdown.locator('fieldset');
      await list.waitFor();
      const box = (await list.boundingBox())!;
      if (box.x < 0 || box.x + box.width > PHONE.width) problems.push(`${filter}: list spans ${Math.round(box.x)}…${Math.round(box.x + box.width)} px of ${PHONE.width}`);
      // …and opens right under its own button.
      const button = (await trigger.boundingBox())!;
      const below = box.y - (button.y + button.height);
      if (below < 0 || below > 16) problems.push(`${filter}: list starts ${Math.round(below)} px below its button`);
      const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      if (scrollWidth > PHONE.width) problems.push(`${filter}: the open list makes the page ${scrollWidth} px wide`);
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'hidden' });
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the calendar and the impact tables stay tables, with the same rows and headers as on a desktop', async () => {
    for (const path of ['/calendar/', '/impact/']) {
      const roles: Record<string, number>[] = [];
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await hub.browser.newPage({ viewport });
        await page.goto(hub.site.url + path);
        roles.push(await tableRoles(page));
        await page.close();
      }
      expect(roles[0], path).toEqual(roles[1]);
      expect(roles[0]!.table, path).toBeGreaterThan(0);
      expect(roles[0]!.rowheader, path).toBeGreaterThan(0);
      expect(roles[0]!.columnheader, path).toBeGreaterThan(0);
    }
  });
});

describe('the header’s menu', () => {
  it('opens the navigation on a phone without JavaScript: large targets, on screen', async () => {
    const context = await phone(hub.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/calendar/`);
    const header = page.locator('body > header');
    await expect(
      header
        .getByRole('link', { name: /Tidewater|home/i })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(header.locator('a[href="/search/"], input[type="search"]').filter({ visible: true }).count()).resolves.toBeGreaterThan(0);
    const links = navLinks(page);
    expect(await links.count()).toBeGreaterThan(5);
    expect(await links.filter({ visible: true }).count()).toBe(0);

    await menuButton(page).click();
    const boxes = await links.evaluateAll((all) => all.map((a) => ({ text: a.textContent!.trim(), ...a.getBoundingClientRect().toJSON() })));
    for (const box of boxes) {
      expect(box.width, box.text).toBeGreaterThanOrEqual(TARGET_MIN);
      expect(box.height, box.text).toBeGreaterThanOrEqual(TARGET_MIN);
      expect(box.left, box.text).toBeGreaterThanOrEqual(0);
      expect(box.right, box.text).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await links.filter({ visible: true }).count()).toBe(boxes.length);
    await menuButton(page).click();
    expect(await links.filter({ visible: true }).count()).toBe(0);
    await context.close();
  });

  it('says whether it is open, and with JavaScript Escape closes it and gives focus back to the button', async () => {
    const context = await phone(hub.browser);
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/impact/`);
    const button = menuButton(page);
    // What assistive technology is told: Chromium's accessibility tree, where <summary> is expanded while its <details> is open.
    const cdp = await context.newCDPSession(page);
    const expanded = async () => {
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-site-menu] > summary' });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      return nodes[0]?.properties?.find((property) => property.name === 'expanded')?.value.value ?? false;
    };
    await expect.poll(expanded).toBe(false);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(expanded).toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).resolves.toBe(strings['nav.label']);
    await page.keyboard.press('Escape');
    await expect.poll(expanded).toBe(false);
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
    expect(await navLinks(page).filter({ visible: true }).count()).toBe(0);
    // The served page and the page after its scripts ran carry no ARIA the Nu Html Checker refuses on <summary>.
    expect(await button.getAttribute('aria-expanded')).toBeNull();

    // A tap outside the header closes it too.
    await button.click();
    await expect.poll(expanded).toBe(true);
    await page.locator('h1').click();
    await expect.poll(expanded).toBe(false);
    await context.close();
  });

  it('has no WCAG 2.2 AA violation while open, light or dark', async () => {
    const context = await phone(hub.browser);
    const findings = await auditPages(context, hub.site.url, ['/', '/impact/'], {
      label: 'menu open',
      passes: BOTH_SCHEMES,
      ready: async (page) => {
        await menuButton(page).click();
        await navLinks(page).first().waitFor();
      },
    });
    await context.close();
    expect(findings).toEqual([]);
  });

  it('leaves the search to a link on a phone, where "/" opens the search page', async () => {
    const context = await phone(hub.browser);
    const page = await context.newPage();
    await page.goto(`${hub.site.url}/articles/`);
    await expect(page.locator('body > header input[type="search"]').isVisible()).resolves.toBe(false);
    const link = page.locator('body > header').getByRole('link', { name: strings['search.title'], exact: true });
    await expect(link.getAttribute('href')).resolves.toBe('/search/');
    await Promise.all([page.waitForURL(`${hub.site.url}/search/`), page.keyboard.press('/')]);
    await context.close();
  });

  it('is there on a phone held sideways (844×390) too, in a header of at most 64 px', async () => {
    const page = await hub.browser.newPage({ viewport: { width: PHONE.height, height: PHONE.width }, isMobile: true, hasTouch: true });
    await page.goto(`${hub.site.url}/share/`);
    await expect(menuButton(page).isVisible()).resolves.toBe(true);
    expect((await page.locator('body > header').boundingBox())!.height).toBeLessThanOrEqual(HEADER_MAX);
    await page.close();
  });

  it('is not there on a desktop, where the navigation and the search box show, as before', async () => {
    const page = await hub.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${hub.site.url}/calendar/`);
    await expect(menuButton(page).isVisible()).resolves.toBe(false);
    expect(await navLinks(page).filter({ visible: true }).count()).toBe(await navLinks(page).count());
    await expect(page.locator('body > header input[type="search"]').isVisible()).resolves.toBe(true);
    // The phone's search link would repeat the box.
    await expect(page.locator('body > header a[href="/search/"]').isVisible()).resolves.toBe(false);
    await page.close();
  });
});
