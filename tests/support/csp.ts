/** Recording Content Security Policy violations in Chromium, wherever they happen: page, frames and workers. */
import type { BrowserContext, Page, Worker } from 'playwright-core';

export interface Violations {
  /** `<path>: <directive> blocked <uri>` for each violation seen so far. */
  list: string[];
}

/**
 * Reports every violation in `context`: the `securitypolicyviolation` event of
 * each document (an init script, which CSP does not govern) and Chromium's
 * console messages about refused loads, including those of workers.
 */
export async function recordViolations(context: BrowserContext): Promise<Violations> {
  const violations: Violations = { list: [] };
  await context.exposeBinding('__reportCspViolation', ({ frame }, text: string) => {
    violations.list.push(`${new URL(frame.url()).pathname}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample || event.sourceFile || ''})`);
    });
  });
  const watchConsole = (page: Page | Worker, where: () => string) =>
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.list.push(`${where()}: console: ${message.text()}`);
    });
  const watchPage = (page: Page) => {
    watchConsole(page, () => new URL(page.url()).pathname);
    page.on('worker', (worker) => watchConsole(worker, () => `worker ${new URL(worker.url()).pathname}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return violations;
}
