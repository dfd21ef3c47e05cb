/**
 * Every page reaches the page readers (src/hub/copied-pages.ts): rendered
 * ones as they render, the ones Astro copied from the last build once
 * rendering is done, with the facts remembered from the build that rendered
 * them while Astro's copy is the same, read from dist/ otherwise.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { buildChannel, onPageRead } from '../../src/lib/build-channel.ts';
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
  /** A built site: dist/ and Astro's cache, with its copies of the keyed pages. */
  function site() {
    const root = mkdtempSync(path.join(tmpdir(), 'hub-copied-'));
    const dist = path.join(root, 'dist');
    const cache = path.join(root, 'cache');
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    const pages = { 'index.html': '<p>home</p>', 'share/a/index.html': '<p>a</p>', 'share/b/index.html': '<p>b</p>', '404.html': '<p>404</p>' };
    for (const [file, text] of Object.entries(pages)) write(path.join(dist, file), text);
    write(path.join(dist, 'og/a.png'), 'png');
    // Astro keeps a copy of the entry pages (the ones with a cacheKey) for the next build.
    for (const file of ['share/a/index.html', 'share/b/index.html']) write(path.join(cache, 'dist', file), pages[file as keyof typeof pages]);
    return { dist, cache, write };
  }

  /** One build: `rendered` pages through the middleware, then build:done; what the reader was asked to read and took. */
  async function build(dist: string, cache: string, rendered: { pathname: string; html: string }[], version = 'code 1') {
    const part = copiedPages({ version: () => version });
    const hook = (name: string) => part.hooks[name as keyof typeof part.hooks] as unknown as Hook;
    const logger = { info: vi.fn(), warn: vi.fn() };
    hook('astro:config:done')({ config: { base: '/hub', cacheDir: pathToFileURL(`${cache}/`) } });
    hook('astro:build:start')({ logger });
    const readFrom: string[] = [];
    const took: { pathname: string; copied: boolean; html?: string; facts: unknown }[] = [];
    const stop = onPageRead<{ length: number }>({
      name: 'test',
      read: ({ pathname, html }) => {
        readFrom.push(pathname);
        return { length: html.length };
      },
      take: ({ pathname, copied, html }, facts) => void took.push({ pathname, copied, ...(html !== undefined && { html }), facts }),
    });
    for (const page of rendered) await Promise.all([...buildChannel().pageListeners].map((listen) => listen({ ...page, status: 200 })));
    await hook('astro:build:done')({ dir: pathToFileURL(`${dist}/`), logger });
    stop();
    return { readFrom, took, log: String(logger.info.mock.calls[0]?.[0]) };
  }

  it('hands every page to the readers: rendered ones as they render, the others from dist/ when rendering is done, marked copied', async () => {
    const { dist, cache } = site();
    expect(notHandedOver(dist, new Set(['index.html'])).map(({ file }) => file)).toEqual(['404.html', 'share/a/index.html', 'share/b/index.html']);
    const first = await build(dist, cache, [
      { pathname: '/hub/', html: '<p>home</p>' },
      { pathname: '/hub/share/a/', html: '<p>a</p>' },
    ]);
    expect(first.took).toEqual([
      { pathname: '/hub/', copied: false, html: '<p>home</p>', facts: { length: 11 } },
      { pathname: '/hub/share/a/', copied: false, html: '<p>a</p>', facts: { length: 8 } },
      { pathname: '/hub/404.html', copied: true, facts: { length: 10 } },
      { pathname: '/hub/share/b/', copied: true, facts: { length: 8 } },
    ]);
    expect(first.readFrom).toEqual(['/hub/', '/hub/share/a/', '/hub/404.html', '/hub/share/b/']);
    expect(first.log).toMatch(/^2 page\(s\) not handed over .*: 0 with the facts remembered, 2 read from dist\//);
  });

  it('hands a copied page over with the facts remembered from the last build, unread, while Astro kept the same copy', async () => {
    const { dist, cache, write } = site();
    await build(dist, cache, [
      { pathname: '/hub/', html: '<p>home</p>' },
      { pathname: '/hub/share/a/', html: '<p>a</p>' },
    ]);
    // Nothing changed: Astro copies both entry pages; only 404.html (never kept by Astro) is read.
    const same = await build(dist, cache, [{ pathname: '/hub/', html: '<p>home</p>' }]);
    expect(same.readFrom).toEqual(['/hub/', '/hub/404.html']);
    expect(same.took.filter((page) => page.copied)).toEqual([
      { pathname: '/hub/404.html', copied: true, facts: { length: 10 } },
      { pathname: '/hub/share/a/', copied: true, facts: { length: 8 } },
      { pathname: '/hub/share/b/', copied: true, facts: { length: 8 } },
    ]);
    expect(same.log).toMatch(/: 2 with the facts remembered, 1 read from dist\//);

    // Astro rendered share/b again in a build the hub did not see, and copied it now: its copy changed (at the same size), so it is read.
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const dir of [dist, path.join(cache, 'dist')]) write(path.join(dir, 'share/b/index.html'), '<p>B</p>');
    const edited = await build(dist, cache, [{ pathname: '/hub/', html: '<p>home</p>' }]);
    expect(edited.readFrom).toEqual(['/hub/', '/hub/404.html', '/hub/share/b/']);
    expect(edited.took.find((page) => page.pathname === '/hub/share/b/')?.facts).toEqual({ length: 8 });

    // A damaged file of facts is not used, and the build goes on reading the pages.
    const factsFile = path.join(cache, 'page-facts.json');
    const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as { pages: Record<string, { facts: Record<string, number> }> };
    facts.pages['share/a/index.html']!.facts.test = 99;
    writeFileSync(factsFile, JSON.stringify(facts));
    const damaged = await build(dist, cache, [{ pathname: '/hub/', html: '<p>home</p>' }]);
    expect(damaged.readFrom).toEqual(['/hub/', '/hub/404.html', '/hub/share/a/']);
    writeFileSync(factsFile, '{"version": "code 1", "values": 5, "pages": {"share/a/index.html": {"facts": 5}}}');
    expect((await build(dist, cache, [{ pathname: '/hub/', html: '<p>home</p>' }])).readFrom).toEqual(['/hub/', '/hub/404.html', '/hub/share/a/', '/hub/share/b/']);

    // Other code reads pages differently: nothing remembered is used.
    const newCode = await build(dist, cache, [{ pathname: '/hub/', html: '<p>home</p>' }], 'code 2');
    expect(newCode.readFrom).toEqual(['/hub/', '/hub/404.html', '/hub/share/a/', '/hub/share/b/']);
  });
});
