/**
 * npm run bench:search — what search costs at the size of the content tree
 * in dist/: the index Pagefind writes (bytes and files, by kind), how long
 * indexing takes, and the bytes a reader downloads in Chromium to open
 * /search/ and see the results of a first query. Bytes are counted by the
 * server as a host with gzip sends them (headers included; Pagefind's index
 * chunks and images as they are), so the requests of Pagefind's web worker
 * count: the same measure as npm run bench (bench/scale/transfer.ts).
 *
 *   node bench/search.ts [dist] [query]     (defaults: dist "heat pump")
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { ENTRY_PAGES_GLOB, EXCLUDED_SELECTORS } from '../src/hub/search.ts';
import { launchChromium } from '../scripts/lib/browser.ts';
import { firstSearch, serveGzip } from './scale/transfer.ts';

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
  if (file === 'newest.json') return 'newest first order (loaded when a reader asks)';
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

// 3. A reader's first search, counted at the server (bench/scale/transfer.ts: served with gzip as a host would).
const site = await serveGzip(dist);
const browser = await launchChromium();
const from = site.served.length;
const search = await firstSearch(browser, site, query);
await browser.close();
await site.close();
const opened = site.served.slice(from, from + search.open.requests);
const searched = site.served.slice(from + search.open.requests);

// Report.
const cards = searched.filter((r) => r.path.startsWith('/og/'));
console.log(`Search benchmark — ${dist}`);
console.log(`${pages} pages indexed in ${indexingMs.toFixed(0)} ms (median of 3, Pagefind Node API, in memory)\n`);
console.log('Index written to dist/pagefind/:\n');
console.log(row(['what', 'files', 'bytes', 'size']));
console.log(row(['---', '---:', '---:', '---:']));
for (const [kind, { files: count, bytes }] of [...kinds].sort()) console.log(row([kind, count, bytes, kib(bytes)]));
console.log(row(['**total**', total.files, total.bytes, kib(total.bytes)]));
console.log(`\nA first search in Chromium (fresh cache, 1280×900), query "${query}": ${search.results} results\n`);
console.log(row(['step', 'requests', 'bytes transferred (gzip where a host compresses, headers included)']));
console.log(row(['---', '---:', '---:']));
console.log(row(['open /search/ (page, CSS, Component UI, runtime preload, filter lists)', search.open.requests, `${search.open.bytes} (${kib(search.open.bytes)})`]));
console.log(row([`type "${query}" until results show`, search.query.requests, `${search.query.bytes} (${kib(search.query.bytes)})`]));
const both = search.open.bytes + search.query.bytes;
console.log(row(['**total**', search.open.requests + search.query.requests, `${both} (${kib(both)})`]));
console.log(
  `\nShare-card thumbnails requested: ${cards.length} (${cards.filter((c) => c.status === 200).length} exist, ${kib(cards.reduce((sum, c) => sum + c.bytes, 0))}).`,
);
console.log('\nRequests:');
for (const [label, list] of [
  ['open', opened],
  ['query', searched],
] as const) {
  for (const r of list) console.log(`  ${label.padEnd(5)} ${String(r.bytes).padStart(8)}  ${r.path}`);
}
