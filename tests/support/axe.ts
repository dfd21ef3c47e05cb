/** axe-core over many pages at once: one browser context per colour scheme or screen, pages audited side by side. */
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

/** axe-core as @axe-core/playwright itself loads it. */
const AXE_SCRIPT = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js');

/** The WCAG 2.2 AA rules of axe (every level-A and AA rule of WCAG 2.0, 2.1 and 2.2). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AuditOptions {
  /** Prefix of every finding, e.g. "dark". */
  label: string;
  /** Pages audited at the same time. */
  concurrency?: number;
  /** Waits for what a page shows once its scripts ran (search results, for instance). */
  ready?: (page: Page, path: string) => Promise<void>;
  /** Extra checks per page; their findings join axe's. */
  check?: (page: Page, path: string) => Promise<string[]>;
}

/** `<label> <path>: <rule> (<impact>) <targets>` for every violation on every page of `paths`. */
export async function auditPages(context: BrowserContext, baseUrl: string, paths: readonly string[], options: AuditOptions): Promise<string[]> {
  // axe is loaded into every page as it opens, and runs in the page itself (legacy mode: these pages have
  // no frames), instead of being sent to each page and finishing in an extra blank page: half the time.
  await context.addInitScript({ path: AXE_SCRIPT });
  const findings: string[] = [];
  const queue = [...paths];
  const worker = async () => {
    const page = await context.newPage();
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      await options.ready?.(page, path);
      const { violations } = await new AxeBuilder({ page, axeSource: 'void 0' }).withTags(WCAG_22_AA).setLegacyMode().analyze();
      for (const v of violations) findings.push(`${options.label} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      if (options.check) findings.push(...(await options.check(page, path)).map((f) => `${options.label} ${path}: ${f}`));
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 3 }, worker));
  return findings;
}
