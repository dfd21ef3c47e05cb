/** axe-core over many pages at once: one browser context, pages audited side by side, each in several colour schemes. */
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

/** axe-core as @axe-core/playwright itself loads it. */
const AXE_SCRIPT = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js');

/** The WCAG 2.2 AA rules of axe (every level-A and AA rule of WCAG 2.0, 2.1 and 2.2). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The rules of WCAG_22_AA whose outcome depends on colours. The dark scheme
 * changes colours only (custom properties under prefers-color-scheme: dark;
 * no display, size or content), so the other rules give the light scheme's
 * results again, and a dark pass runs just these.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

export interface AuditPass {
  /** Prefix of its findings, e.g. "dark". */
  label: string;
  colorScheme: 'light' | 'dark';
  /** Only these axe rules (default: every WCAG 2.2 AA rule). */
  rules?: readonly string[];
}

/** Light with every rule, then dark with the colour rules, on the same loaded page. */
export const BOTH_SCHEMES: readonly AuditPass[] = [
  { label: 'light', colorScheme: 'light' },
  { label: 'dark', colorScheme: 'dark', rules: COLOUR_RULES },
];

export interface AuditOptions {
  /** What to run on every page, in order; the page is loaded once. Default: the light scheme, every rule. */
  passes?: readonly AuditPass[];
  /** Prefix of every finding, e.g. "phone". */
  label?: string;
  /** Pages audited at the same time. */
  concurrency?: number;
  /** Waits for what a page shows once its scripts ran (search results, for instance). */
  ready?: (page: Page, path: string) => Promise<void>;
  /** Extra checks per page; their findings join axe's. */
  check?: (page: Page, path: string) => Promise<string[]>;
}

/** `<label> <path>: <rule> (<impact>) <targets>` for every violation on every page of `paths`. */
export async function auditPages(context: BrowserContext, baseUrl: string, paths: readonly string[], options: AuditOptions = {}): Promise<string[]> {
  // axe is loaded into every page as it opens, and runs in the page itself (legacy mode: these pages have
  // no frames), instead of being sent to each page and finishing in an extra blank page: half the time.
  await context.addInitScript({ path: AXE_SCRIPT });
  const passes = options.passes ?? [{ label: 'light', colorScheme: 'light' }];
  const prefix = options.label ? `${options.label} ` : '';
  const findings: string[] = [];
  const queue = [...paths];
  const worker = async () => {
    const page = await context.newPage();
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await page.emulateMedia({ colorScheme: passes[0]!.colorScheme });
      await page.goto(baseUrl + path, { waitUntil: 'load' });
      await options.ready?.(page, path);
      for (const pass of passes) {
        // Switching the scheme restyles the loaded page: no second load, no second axe.
        await page.emulateMedia({ colorScheme: pass.colorScheme });
        const builder = new AxeBuilder({ page, axeSource: 'void 0' }).setLegacyMode();
        const { violations } = await (pass.rules ? builder.withRules([...pass.rules]) : builder.withTags(WCAG_22_AA)).analyze();
        for (const v of violations) findings.push(`${prefix}${pass.label} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      }
      if (options.check) findings.push(...(await options.check(page, path)).map((f) => `${prefix}${path}: ${f}`));
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 3 }, worker));
  return findings;
}
