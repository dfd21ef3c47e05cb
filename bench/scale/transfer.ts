/**
 * Bytes a reader's browser transfers: a built site served like a static host
 * serves it (gzip, level 6, for text, scripts, styles and WebAssembly; files
 * that are compressed already, such as Pagefind's index chunks, as they are),
 * driven by Chromium, counting what the server writes to its sockets, headers
 * included. Counting at the server also catches the requests of web workers
 * (Pagefind's search runs in one). Also: a page's own weight, gzipped, split
 * into HTML, CSS and JavaScript.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { NEWEST_FILE } from '../../src/lib/search/filters.ts';
import { pageScripts } from '../share-size.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.ics': 'text/calendar',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.ics', '.wasm']);
export const GZIP_LEVEL = 6;

/** Gzip size of a text or buffer, at the level the benchmark assumes hosts use. */
export function gzipBytes(content: string | Buffer): number {
  return gzipSync(content, { level: GZIP_LEVEL }).length;
}

function isGzip(body: Buffer): boolean {
  return body[0] === 0x1f && body[1] === 0x8b;
}

export interface Served {
  path: string;
  status: number;
  /** Bytes written to the socket for this response, headers included. */
  bytes: number;
}

export interface GzipSite {
  url: string;
  /** Responses so far, in order of completion. */
  served: Served[];
  /** Resolves once no request has been in flight for `quietMs`. */
  settled(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 as a static host with gzip would; `/x/` is `/x/index.html`. */
export async function serveGzip(dir: string): Promise<GzipSite> {
  const cache = new Map<string, { raw: Buffer; body: Buffer; type: string; gzip: boolean } | null>();
  const load = (pathname: string) => {
    if (!cache.has(pathname)) {
      let file = path.join(dir, decodeURIComponent(pathname));
      if (!file.startsWith(dir)) file = dir;
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (!existsSync(file)) cache.set(pathname, null);
      else {
        const raw = readFileSync(file);
        const ext = path.extname(file).toLowerCase();
        const compress = COMPRESSIBLE.has(ext) && !isGzip(raw);
        cache.set(pathname, { raw, body: compress ? gzipSync(raw, { level: GZIP_LEVEL }) : raw, type: TYPES[ext] ?? 'application/octet-stream', gzip: compress });
      }
    }
    return cache.get(pathname)!;
  };
  const served: Served[] = [];
  let inFlight = 0;
  let last = Date.now();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    last = Date.now();
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const socket = req.socket;
    const before = socket.bytesWritten;
    res.on('finish', () => {
      served.push({ path: pathname, status: res.statusCode, bytes: socket.bytesWritten - before });
      inFlight--;
      last = Date.now();
    });
    const file = load(pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (file.gzip && !accepts) {
      res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.raw.length }).end(file.raw);
      return;
    }
    res
      .writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length, ...(file.gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}) })
      .end(file.body);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    async settled(quietMs = 500) {
      while (inFlight > 0 || Date.now() - last < quietMs) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface Visit {
  requests: number;
  bytes: number;
  /** Bytes per kind of response: html, css, js, wasm, search index, image, other. */
  byKind: Record<string, number>;
}

export function kindOf(pathname: string): string {
  const ext = path.extname(pathname).toLowerCase();
  if (pathname.endsWith('/') || ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.wasm') return 'wasm';
  if (/\.pf_\w+$/.test(pathname) || pathname.endsWith('pagefind-entry.json') || pathname.endsWith(`/${NEWEST_FILE}`)) return 'search index';
  if (ext === '.pagefind') return 'wasm';
  if (['.png', '.jpg', '.jpeg', '.webp', '.svg', '.avif', '.gif'].includes(ext)) return 'image';
  return 'other';
}

export function summarise(served: readonly Served[]): Visit {
  const byKind: Record<string, number> = {};
  for (const s of served) byKind[kindOf(s.path)] = (byKind[kindOf(s.path)] ?? 0) + s.bytes;
  return { requests: served.length, bytes: served.reduce((sum, s) => sum + s.bytes, 0), byKind };
}

/**
 * A first visit (fresh cache) to `pathname`: everything transferred until the page is quiet. Service
 * workers are blocked: the web app's worker, which precaches the app shell on a device's first visit
 * whatever page it is, is measured once apart (`webAppInstall`), not in every page's figure.
 */
export async function firstVisit(browser: Browser, site: GzipSite, pathname: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const from = site.served.length;
  await page.goto(`${site.url}${pathname}`, { waitUntil: 'load' });
  await site.settled();
  await context.close();
  return summarise(site.served.slice(from));
}

/**
 * What the web app adds to a device's first visit of `pathname`: its worker and the files it precaches
 * (or nothing, with the web app off), on top of the page itself.
 */
export async function webAppInstall(browser: Browser, site: GzipSite, pathname: string): Promise<{ page: Visit; withWorker: Visit; worker: number }> {
  const page = await firstVisit(browser, site, pathname);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const from = site.served.length;
  await tab.goto(`${site.url}${pathname}`, { waitUntil: 'load' });
  // Until the worker has installed (its precache fetched) and activated, or there is none after 5 s.
  await tab.evaluate(() =>
    Promise.race([navigator.serviceWorker?.ready.then((registration) => registration.active?.state), new Promise((resolve) => setTimeout(resolve, 5000))]),
  );
  await site.settled();
  await context.close();
  const withWorker = summarise(site.served.slice(from));
  return { page, withWorker, worker: withWorker.bytes - page.bytes };
}

export interface SearchVisit {
  open: Visit;
  query: Visit;
  results: number;
}

/** Opens /search/, then types `query` and waits for its results: the bytes of each step. */
export async function firstSearch(browser: Browser, site: GzipSite, query: string): Promise<SearchVisit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  let from = site.served.length;
  await page.goto(`${site.url}/search/`, { waitUntil: 'load' });
  await site.settled();
  const open = summarise(site.served.slice(from));
  from = site.served.length;
  await page.locator('#search-q').pressSequentially(query, { delay: 60 });
  await page.locator('.hub-result-link').first().waitFor({ timeout: 60_000 });
  await site.settled();
  const query_ = summarise(site.served.slice(from));
  // The count the page reports (it lists a page of them at a time).
  const results = Number(/^[\d,]+/.exec((await page.locator('[data-search-summary]').innerText()).trim())?.[0].replace(/,/g, '') ?? NaN);
  await context.close();
  return { open, query: query_, results };
}

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  /** The three together: what the page itself costs (images and search excluded). */
  total: number;
}

/** Gzipped HTML of a built page, the stylesheets it links (and inline styles), and its JavaScript. */
export function pageWeight(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(path.join(dist, htmlFile), 'utf8');
  let css = 0;
  for (const [, href] of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link\b[^>]*href="([^"]+\.css)"[^>]*rel="stylesheet"/g)) {
    if (href && !/^https?:/.test(href)) css += gzipBytes(readFileSync(path.join(dist, href.replace(/^\//, ''))));
  }
  // Inline scripts travel in the HTML and are counted there; classic scripts (Pagefind's UI on /search/) count too.
  // Chunks imported on demand (X's URL patterns) are not part of a visit unless a text needs them.
  const modules = pageScripts(dist, htmlFile)
    .filter((script) => !/ \(inline( \d+)?\)$/.test(script.file) && !script.lazyFrom)
    .map((script) => script.file);
  const classic = [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter(([, attrs]) => !/type="/.test(attrs!) && /\bsrc="\/[^"]+"/.test(attrs!))
    .map(([, attrs]) => /\bsrc="\/([^"]+)"/.exec(attrs!)![1]!);
  const js = [...new Set([...modules, ...classic])].reduce((sum, file) => sum + gzipBytes(readFileSync(path.join(dist, file))), 0);
  const htmlBytes = gzipBytes(html);
  return { page: htmlFile, html: htmlBytes, css, js, total: htmlBytes + css + js };
}
