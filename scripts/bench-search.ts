/**
 * npm run bench:search — what search costs at the size of the content tree
 * in dist/: the index Pagefind writes (bytes and files, by kind), how long
 * indexing takes, and the bytes a reader downloads in Chromium to open
 * /search/ and see the results of a first query. Bytes are counted by the
 * server (headers included), so the requests of Pagefind's web worker count.
 *
 *   node scripts/bench-search.ts [dist] [query]     (defaults: dist "heat pump")
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import sirv from 'sirv';
import { ENTRY_PAGES_GLOB, EXCLUDED_SELECTORS } from '../src/integrations/search.ts';
import { launchChromium } from '../tests/support/browser.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? 'heat pump';
const bundle = path.join(dist, 'pagefind');
if (!statSync(bundle, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`${bundle} does not exist: build the hub first (npm run build:test).`);
  process.exit(1);
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

// 1. The index on disk, by what each file is for.
function kindOf(file: string): string {
  if (/^pagefind-component-ui\.(js|css)$/.test(file)) return 'Component UI (loaded by /search/)';
  if (/^pagefind(-worker)?\.js$/.test(file)) return 'search runtime (pagefind.js, worker)';
  if (/^wasm\./.test(file)) return 'search runtime (WebAssembly)';
  if (/^pagefind-(ui|modular-ui|highlight)\./.test(file)) return 'other Pagefind UIs (never loaded)';
  return 'index (meta, words, filters, fragments)';
}
const files = readdirSync(bundle, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(bundle, f)).isFile());
const kinds = new Map<string, { files: number; bytes: number }>();
for (const file of files) {
  const kind = kindOf(file.split(path.sep).join('/'));
  const entry = kinds.get(kind) ?? { files: 0, bytes: 0 };
  entry.files++;
  entry.bytes += statSync(path.join(bundle, file)).size;
  kinds.set(kind, entry);
}
const total = [...kinds.values()].reduce((sum, k) => ({ files: sum.files + k.files, bytes: sum.bytes + k.bytes }), { files: 0, bytes: 0 });

// 2. Indexing time (Node API, in memory, median of 3).
const times: number[] = [];
let pages = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  const { index } = await pagefind.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
  pages = (await index!.addDirectory({ path: dist, glob: ENTRY_PAGES_GLOB })).page_count;
  await index!.getFiles();
  await index!.deleteIndex();
  times.push(performance.now() - started);
}
await pagefind.close();
const indexingMs = times.sort((a, b) => a - b)[1]!;

// 3. A reader's first search, counted at the server.
interface Served {
  url: string;
  bytes: number;
  gzip: number;
}
const served: Served[] = [];
const sockets = new Set<Socket>();
let closedBytes = 0;
let inFlight = 0;
let lastActivity = Date.now();
const assets = sirv(dist, { dev: false, etag: true, extensions: ['html'] });
const wireBytes = () => closedBytes + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0);
const gzipCache = new Map<string, number>();
function gzipSize(pathname: string): number {
  if (!gzipCache.has(pathname)) {
    let size = 0;
    try {
      const file = path.join(dist, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
      const body = readFileSync(file);
      // Pagefind's index chunks are gzip already; a host would send them as they are.
      size = body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body, { level: 6 }).length;
    } catch {
      size = 0;
    }
    gzipCache.set(pathname, size);
  }
  return gzipCache.get(pathname)!;
}
const server = createServer((req, res: ServerResponse) => {
  inFlight++;
  lastActivity = Date.now();
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  const socket = req.socket;
  const before = socket.bytesWritten;
  res.on('finish', () => {
    // Headers and body as written to the socket (no compression: a local static server).
    served.push({ url: pathname, bytes: socket.bytesWritten - before, gzip: res.statusCode === 200 ? gzipSize(pathname) : 0 });
    inFlight--;
    lastActivity = Date.now();
  });
  assets(req, res, () => {
    res.writeHead(404).end();
  });
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => {
    closedBytes += socket.bytesWritten;
    sockets.delete(socket);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function settled(): Promise<void> {
  // Quiet for 500 ms with nothing in flight: the page, the worker and lazy results are done.
  while (inFlight > 0 || Date.now() - lastActivity < 500) await new Promise((r) => setTimeout(r, 50));
}
function phase(from: number): { requests: Served[]; bytes: number; gzip: number } {
  const requests = served.slice(from);
  return { requests, bytes: requests.reduce((s, r) => s + r.bytes, 0), gzip: requests.reduce((s, r) => s + r.gzip, 0) };
}

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(`${origin}/search/`);
await settled();
const opened = phase(0);
const mark = served.length;
const wireBefore = wireBytes();
await page.locator('pagefind-input input').pressSequentially(query, { delay: 60 });
await page.locator('.hub-result-link').first().waitFor();
await settled();
const searched = phase(mark);
const resultCount = await page.locator('.pf-results > li').count();
const wireQuery = wireBytes() - wireBefore;
await browser.close();
await new Promise((resolve) => server.close(resolve));

// Report.
const cards = searched.requests.filter((r) => r.url.startsWith('/og/'));
console.log(`Search benchmark — ${dist}`);
console.log(`${pages} pages indexed in ${indexingMs.toFixed(0)} ms (median of 3, Pagefind Node API, in memory)\n`);
console.log('Index written to dist/pagefind/:\n');
console.log(row(['what', 'files', 'bytes', 'size']));
console.log(row(['---', '---:', '---:', '---:']));
for (const [kind, { files: count, bytes }] of [...kinds].sort()) console.log(row([kind, count, bytes, kib(bytes)]));
console.log(row(['**total**', total.files, total.bytes, kib(total.bytes)]));
console.log(`\nA first search in Chromium (fresh cache, 1280×900), query "${query}": ${resultCount} results\n`);
console.log(row(['step', 'requests', 'bytes sent (no compression)', 'with gzip (estimate)']));
console.log(row(['---', '---:', '---:', '---:']));
console.log(row(['open /search/ (page, CSS, Component UI, runtime preload)', opened.requests.length, `${opened.bytes} (${kib(opened.bytes)})`, kib(opened.gzip)]));
console.log(row([`type "${query}" until results show`, searched.requests.length, `${searched.bytes} (${kib(searched.bytes)})`, kib(searched.gzip)]));
console.log(row(['**total**', opened.requests.length + searched.requests.length, `${opened.bytes + searched.bytes} (${kib(opened.bytes + searched.bytes)})`, kib(opened.gzip + searched.gzip)]));
console.log(`\nQuery step, socket bytes: ${wireQuery}. Share-card thumbnails requested: ${cards.length} (${cards.filter((c) => c.gzip > 0).length} exist, ${kib(cards.reduce((s, c) => s + c.bytes, 0))}).`);
console.log('\nRequests:');
for (const [label, list] of [['open', opened.requests], ['query', searched.requests]] as const) {
  for (const r of list) console.log(`  ${label.padEnd(5)} ${String(r.bytes).padStart(8)}  ${r.url}`);
}
