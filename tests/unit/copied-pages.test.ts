/**
 * Pages Astro copied from the last build reach the page listeners
 * (src/hub/copied-pages.ts): once rendering is done, every HTML file of
 * dist/ that was not handed over is read and handed over, marked copied.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { buildChannel, onRenderedPage } from '../../src/lib/build-channel.ts';
import { copiedPages, notHandedOver } from '../../src/hub/copied-pages.ts';
import { pathOfFile } from '../../src/hub/rendered-pages.ts';

type Hook = (params: Record<string, unknown>) => unknown;

describe('pathOfFile', () => {
  it('gives the URL path of an HTML file of dist/, under the base path', () => {
    expect(pathOfFile('share/a/index.html', '/')).toBe('/share/a/');
    expect(pathOfFile('index.html', '/hub')).toBe('/hub/');
    expect(pathOfFile('404.html', '/hub/')).toBe('/hub/404.html');
  });
});

describe('the copied pages', () => {
  it('hands every HTML file not rendered in this build to the listeners, once, marked copied', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-copied-'));
    const files = { 'index.html': '<p>home</p>', 'share/a/index.html': '<p>a</p>', 'share/b/index.html': '<p>b</p>', '404.html': '<p>404</p>', 'og/a.png': 'png' };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    expect(notHandedOver(dir, new Set(['index.html'])).map(({ file }) => file)).toEqual(['404.html', 'share/a/index.html', 'share/b/index.html']);

    const part = copiedPages();
    const hook = (name: string) => part.hooks[name as keyof typeof part.hooks] as unknown as Hook;
    const logger = { info: vi.fn(), warn: vi.fn() };
    hook('astro:config:done')({ config: { base: '/hub' } });
    hook('astro:build:start')({ logger });
    const heard: { pathname: string; html: string; copied?: boolean }[] = [];
    const stop = onRenderedPage((page) => void heard.push(page));
    // The home page and one entry rendered in this build, through the middleware.
    for (const page of [
      { pathname: '/hub/', html: '<p>home</p>', status: 200 },
      { pathname: '/hub/share/a/', html: '<p>a</p>', status: 200 },
    ])
      await Promise.all([...buildChannel().pageListeners].map((listen) => listen(page)));
    await hook('astro:build:done')({ dir: pathToFileURL(`${dir}/`), logger });
    stop();
    expect(heard.filter((p) => p.copied)).toEqual([
      { pathname: '/hub/404.html', html: '<p>404</p>', status: 200, copied: true },
      { pathname: '/hub/share/b/', html: '<p>b</p>', status: 200, copied: true },
    ]);
    expect(logger.info.mock.calls[0]![0]).toMatch(/^2 page\(s\) read from dist\/ that were not handed over/);
  });
});
