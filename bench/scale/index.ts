/**
 * npm run bench — the hub at scale, side by side with a control.
 *
 * For each size (default 1,000 and 10,000 entries) it writes a synthetic
 * content tree (bench/scale/corpus.ts) and builds it four times: the hub
 * cold (no Astro data store, no share-card cache, no Vite cache) and warm
 * (again, caches kept), then the control (bench/control/: the same Markdown
 * files as plain pages, nothing else) cold and warm. It prints wall time,
 * pages/s, ms/page, peak memory of the build's process tree and the
 * hub/control ratios; share cards per second (cold) and how many a warm build
 * redraws; the Pagefind index (time, size, files) and the bytes Chromium
 * transfers for a first search; the gzipped weight of the home page, a
 * snippet, an article and /search/, and what a first visit to each transfers.
 * Targets are printed with ✓/✗; nothing is asserted.
 *
 *   npm run bench                          1,000 and 10,000 entries (about 25 minutes on 2 cores)
 *   npm run bench -- --sizes 1000          a quick run
 *   options: --seed <n>  --query "<words>"  --json <file>  --now YYYY-MM-DD
 *
 * The JSON (default docs/benchmarks.json for the default sizes, else
 * .cache/bench/results.json) holds every figure printed.
 */
import { ASTRO_BIN, astroEnv } from '../../scripts/lib/astro.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { type FeedIndex, type FeedPage, walkFeed } from '../../src/lib/share/feed.ts';
import { initialGzip, pageScripts } from '../share-size.ts';
import { DEFAULT_SEED, writeCorpus } from './corpus.ts';
import { type Measured, runMeasured } from './measure.ts';
import { type PageWeight, type SearchVisit, type Visit, firstSearch, firstVisit, pageWeight, serveGzip, webAppInstall } from './transfer.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const CONTROL = path.join(PROJECT, 'bench/control');
const WORK = path.join(PROJECT, '.cache/bench');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    query: { type: 'string', default: 'heat pump' },
    now: { type: 'string', default: '2026-11-22' },
    json: { type: 'string' },
  },
});
const sizes = values
  .sizes!.split(',')
  .map((s) => Number(s.replace(/[_,]/g, '')))
  .filter((n) => n > 0);
const seed = Number(values.seed);
const defaultRun = values.sizes === '1000,10000';
const jsonFile = path.resolve(values.json ?? (defaultRun ? path.join(PROJECT, 'docs/benchmarks.json') : path.join(WORK, 'results.json')));

const MB = 1024 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`);
/** Megabytes (10^6 bytes, as the feed limit is stated) to two decimals. */
const mb2 = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const log = (text = '') => console.log(text);

function machine() {
  const astro = JSON.parse(readFileSync(path.join(PROJECT, 'node_modules/astro/package.json'), 'utf8')).version as string;
  const pagefind = JSON.parse(readFileSync(path.join(PROJECT, 'node_modules/pagefind/package.json'), 'utf8')).version as string;
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    ramGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    astro,
    pagefind,
    platform: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg(),
  };
}

/**
 * cold: no caches; warm: the caches the last build left, the same content (the hub copies its entry
 * pages and search index from the last build); edited: warm, with one snippet's notes edited since,
 * as after an editor's commit (the hub renders the pages that read the snippet, and indexes those whose HTML changed).
 */
type Mode = 'cold' | 'warm' | 'edited';

interface Build {
  project: 'hub' | 'control';
  mode: Mode;
  wallMs: number;
  pages: number;
  pagesPerSecond: number;
  msPerPage: number;
  peakRss?: number;
  mainHwm?: number;
  /** CPU time of the build's process tree (user + system). */
  cpuMs?: number;
  /** Memory high-water mark and CPU time of each program in the tree. */
  byProgram?: Measured['byProgram'];
  loadBefore: number[];
  cards?: { rendered: number; cached: number; seconds: number; perSecond?: number };
  search?: { pages: number; ms: number };
  /** The changed pages indexed and merged into the last build's index (src/hub/search-merge.ts). */
  merged?: { indexed: number; pages: number; ms: number };
}

function htmlPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

function sizeOf(dir: string): { files: number; bytes: number } {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
  return { files: files.length, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) };
}

async function build(project: 'hub' | 'control', mode: Mode, contentDir: string, work: string): Promise<Build> {
  const root = project === 'hub' ? PROJECT : CONTROL;
  if (mode === 'cold') {
    // No caches: Astro's data store and cache (HUB_CACHE_DIR), the card cache, Vite's cache, .astro/.
    rmSync(work, { recursive: true, force: true });
    rmSync(path.join(root, 'node_modules/.vite'), { recursive: true, force: true });
    if (project === 'control') rmSync(path.join(root, '.astro'), { recursive: true, force: true });
  }
  mkdirSync(work, { recursive: true });
  const outDir = path.join(work, 'dist');
  // Caches stay, the output goes, as in a CI run: Astro would otherwise spend the first seconds deleting the last dist/.
  rmSync(outDir, { recursive: true, force: true });
  const env = astroEnv({
    HUB_CONTENT_DIR: contentDir,
    HUB_NOW: values.now,
    HUB_CACHE_DIR: path.join(work, 'cache'),
    HUB_CARD_CACHE: path.join(work, 'cards'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });
  const loadBefore = os.loadavg();
  process.stdout.write(`  ${project} ${mode} build (load ${load()}) … `);
  const run: Measured = await runMeasured(process.execPath, [ASTRO_BIN, 'build', '--root', root, '--outDir', outDir], { cwd: root, env });
  writeFileSync(path.join(work, `build-${mode}.log`), run.output);
  if (run.code !== 0) {
    console.error(`\n${project} ${mode} build failed (exit ${run.code}); its output is in ${path.join(work, `build-${mode}.log`)}:\n${run.output.slice(-3000)}`);
    process.exit(1);
  }
  const pages = htmlPages(outDir);
  const result: Build = {
    project,
    mode,
    wallMs: run.wallMs,
    pages,
    pagesPerSecond: pages / (run.wallMs / 1000),
    msPerPage: run.wallMs / pages,
    peakRss: run.peakRss,
    mainHwm: run.mainHwm,
    cpuMs: run.cpuMs,
    byProgram: run.byProgram,
    loadBefore,
  };
  const cards = /share cards: (\d+) rendered, (\d+) cached(?: in ([\d.]+) s)?/.exec(run.output);
  if (cards) {
    const seconds = Number(cards[3] ?? NaN);
    result.cards = { rendered: Number(cards[1]), cached: Number(cards[2]), seconds, perSecond: Number(cards[1]) > 0 ? Number(cards[1]) / seconds : undefined };
  }
  const search = /indexed (\d+) pages into .* in (\d+) ms/.exec(run.output);
  if (search) result.search = { pages: Number(search[1]), ms: Number(search[2]) };
  const merged = /indexed (\d+) changed pages? of (\d+) and merged .* in (\d+) ms/.exec(run.output);
  if (merged) result.merged = { indexed: Number(merged[1]), pages: Number(merged[2]), ms: Number(merged[3]) };
  const programs = Object.entries(run.byProgram ?? {})
    .map(([name, p]) => `${name} ${mb(p.hwm)} ${s(p.cpuMs)}`)
    .join(', ');
  console.log(`${s(run.wallMs)} (CPU ${run.cpuMs === undefined ? 'n/a' : s(run.cpuMs)}), ${pages} pages, peak ${mb(run.peakRss)}${programs ? ` (${programs})` : ''}`);
  return result;
}

interface SizeResult {
  entries: number;
  counts: Record<string, number>;
  published: Record<string, number>;
  contentBytes: number;
  builds: Build[];
  /** Hub/control, by wall time and by CPU time. */
  ratios: { warm: number; edited: number; cold: number; cpuWarm?: number; cpuCold?: number };
  pagefind: { files: number; bytes: number; indexMs?: number; pages?: number; mergeMs?: number; mergeIndexed?: number };
  feeds: FeedSizes;
  /** The web app's worker and precache on a device's first visit (of the home page), beside the page itself. */
  webApp: { page: number; withWorker: number; worker: number; requests: number };
  firstSearch: SearchVisit & { text: string; total: number };
  pages: (PageWeight & { url: string; firstVisit: Visit; jsGzip9: number })[];
}

/**
 * Edits the notes of the first snippet of the corpus (one sentence more), as an editor's commit would;
 * returns what puts the file back.
 */
function editOneSnippet(contentDir: string): () => void {
  const dir = path.join(contentDir, 'snippets');
  const file = path.join(
    dir,
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()[0]!,
  );
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text.trimEnd()}\n\nOne more sentence, edited since the last build.\n`);
  return () => writeFileSync(file, text);
}

/** The feeds a hub publishes: the share feed and its pages, the RSS and JSON feeds, the calendar, the digests. */
const FEED_FILE = /^(snippets\.json|snippets\/\d+\.json|feeds\/.+|rss\.xml|calendar\.ics|digest\.json|digest\/[^/]+\.json)$/;

interface FeedSizes {
  /** Feed files (FEED_FILE), the largest first. */
  largest: { file: string; bytes: number }[];
  /** Other data files (JSON, XML) outside pagefind/, the largest first: the CMS's facts, the sitemap. */
  otherData: { file: string; bytes: number }[];
  /** The share feed: its pages, their bytes, and whether every snippet page is on exactly one. */
  sharePages: number;
  shareBytes: number;
  shareSnippets: number;
  everySnippetOnce: boolean;
}

/** The feeds of a build: the largest data files, and the share feed walked page by page as a consumer would. */
function feedSizes(dist: string): FeedSizes {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(json|xml|ics)$/.test(file) && !file.startsWith('pagefind/'))
    .map((file) => ({ file, bytes: statSync(path.join(dist, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const feeds = files.filter((f) => FEED_FILE.test(f.file));
  const index = JSON.parse(readFileSync(path.join(dist, 'snippets.json'), 'utf8')) as FeedIndex;
  const fileOf = (url: string) => path.join(dist, url.slice(index.hub.site.length));
  const walked = walkFeed(index, (url) => JSON.parse(readFileSync(fileOf(url), 'utf8')) as FeedPage);
  const ids = walked.flatMap(({ page }) => page.snippets.map((snippet) => snippet.id));
  const shareBytes = walked.reduce((sum, { url }) => sum + statSync(fileOf(url)).size, 0);
  const sharePages = walked.length;
  const listed = new Set(ids);
  const pages = readdirSync(path.join(dist, 'share')).filter((id) => existsSync(path.join(dist, 'share', id, 'index.html')));
  const everySnippetOnce = ids.length === pages.length && listed.size === ids.length && pages.every((id) => listed.has(id));
  return {
    largest: feeds.slice(0, 5),
    otherData: files.filter((f) => !FEED_FILE.test(f.file)).slice(0, 3),
    sharePages,
    shareBytes,
    shareSnippets: ids.length,
    everySnippetOnce,
  };
}

/** A built page of a collection: the first id in file-name order. */
function firstPage(dist: string, route: string): string {
  const ids = readdirSync(path.join(dist, route))
    .filter((id) => existsSync(path.join(dist, route, id, 'index.html')))
    .sort();
  return `${route}/${ids[0]}/index.html`;
}

async function measureSize(entries: number): Promise<SizeResult> {
  log(`\n## ${entries.toLocaleString('en')} entries`);
  const contentDir = path.join(os.tmpdir(), `hub-bench-content-${entries}`);
  const corpus = writeCorpus(contentDir, { entries, seed, now: new Date(`${values.now}T00:00:00Z`) });
  const contentBytes = corpus.files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  log(
    `  corpus: ${JSON.stringify(corpus.counts)} (${(contentBytes / MB).toFixed(1)} MB of Markdown; published: ${Object.values(corpus.published).reduce((a, b) => a + b, 0)})`,
  );

  const hubWork = path.join(WORK, String(entries), 'hub');
  const controlWork = path.join(WORK, String(entries), 'control');
  const builds = [await build('hub', 'cold', contentDir, hubWork), await build('hub', 'warm', contentDir, hubWork)];
  const restore = editOneSnippet(contentDir);
  try {
    builds.push(await build('hub', 'edited', contentDir, hubWork));
  } finally {
    restore();
  }
  builds.push(await build('control', 'cold', contentDir, controlWork), await build('control', 'warm', contentDir, controlWork));
  const find = (project: Build['project'], mode: Build['mode']) => builds.find((b) => b.project === project && b.mode === mode)!;
  const cpuRatio = (mode: Build['mode']) => {
    const [hub, control] = [find('hub', mode).cpuMs, find('control', mode).cpuMs];
    return hub && control ? hub / control : undefined;
  };
  const ratios = {
    warm: find('hub', 'warm').wallMs / find('control', 'warm').wallMs,
    edited: find('hub', 'edited').wallMs / find('control', 'warm').wallMs,
    cold: find('hub', 'cold').wallMs / find('control', 'cold').wallMs,
    cpuWarm: cpuRatio('warm'),
    cpuCold: cpuRatio('cold'),
  };

  const dist = path.join(hubWork, 'dist');
  // The cold build indexes every page; the warm one copies the last index; the edited one indexes the changed pages and merges them in.
  const indexed = find('hub', 'cold').search;
  const merged = find('hub', 'edited').merged;
  const pagefind = { ...sizeOf(path.join(dist, 'pagefind')), indexMs: indexed?.ms, pages: indexed?.pages, mergeMs: merged?.ms, mergeIndexed: merged?.indexed };

  const feeds = feedSizes(dist);
  log(
    `  feeds: largest ${feeds.largest.map((f) => `${f.file} ${mb2(f.bytes)}`).join(', ')}; share feed ${feeds.shareSnippets} snippets on ${feeds.sharePages} pages, ${mb2(feeds.shareBytes)}; other data: ${feeds.otherData.map((f) => `${f.file} ${mb2(f.bytes)}`).join(', ')}`,
  );
  const site = await serveGzip(dist);
  const browser = await launchChromium();
  try {
    const search = await firstSearch(browser, site, values.query!);
    const install = await webAppInstall(browser, site, '/');
    const webApp = {
      page: install.page.bytes,
      withWorker: install.withWorker.bytes,
      worker: install.worker,
      requests: install.withWorker.requests - install.page.requests,
    };
    log(`  web app: a device's first visit of / transfers ${kb(webApp.page)}, and ${kb(webApp.worker)} more (${webApp.requests} requests) while the worker installs`);
    const pages = [];
    for (const file of ['index.html', firstPage(dist, 'share'), firstPage(dist, 'articles'), 'search/index.html']) {
      const url = `/${file.replace(/index\.html$/, '')}`;
      // What every visit loads, inline modules included; chunks the page imports on demand (X's URL patterns) are not counted, as in npm run bench:share-size.
      const jsGzip9 = initialGzip(pageScripts(dist, file));
      pages.push({ ...pageWeight(dist, file), url, firstVisit: await firstVisit(browser, site, url), jsGzip9 });
    }
    return {
      entries,
      counts: corpus.counts,
      published: corpus.published,
      contentBytes,
      builds,
      ratios,
      pagefind,
      feeds,
      webApp,
      firstSearch: { ...search, text: values.query!, total: search.open.bytes + search.query.bytes },
      pages,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

function report(results: SizeResult[]) {
  log('\n# Results');
  log('\n## Full build, hub and control\n');
  log(row(['entries', 'build', 'wall', 'CPU', 'pages', 'pages/s', 'ms/page', 'peak RSS (tree)', 'hub/control wall', 'hub/control CPU', 'load before']));
  log(row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
  for (const r of results) {
    for (const b of r.builds) {
      const hub = b.project === 'hub';
      const cpuRatio = b.mode === 'warm' ? r.ratios.cpuWarm : b.mode === 'cold' ? r.ratios.cpuCold : undefined;
      log(
        row([
          r.entries.toLocaleString('en'),
          `${b.project} ${b.mode}`,
          s(b.wallMs),
          b.cpuMs === undefined ? 'n/a' : s(b.cpuMs),
          b.pages,
          b.pagesPerSecond.toFixed(0),
          b.msPerPage.toFixed(2),
          mb(b.peakRss),
          hub ? `${r.ratios[b.mode].toFixed(2)}×` : '',
          hub && cpuRatio ? `${cpuRatio.toFixed(2)}×` : '',
          b.loadBefore.map((l) => l.toFixed(1)).join(' '),
        ]),
      );
    }
  }
  log('\n## Share cards and search index\n');
  log(
    row([
      'entries',
      'cards cold',
      'cards/s cold',
      'cards warm (rendered / cached)',
      'index pages',
      'index time (cold, after rendering)',
      'edited: pages indexed, merge time',
      'pagefind/ size',
      'files',
      'first search',
      'results',
    ]),
  );
  log(row(['---:', '---:', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const r of results) {
    const cold = r.builds.find((b) => b.project === 'hub' && b.mode === 'cold')!.cards;
    const warm = r.builds.find((b) => b.project === 'hub' && b.mode === 'warm')!.cards;
    log(
      row([
        r.entries.toLocaleString('en'),
        cold ? `${cold.rendered} in ${cold.seconds.toFixed(1)} s` : 'n/a',
        cold?.perSecond?.toFixed(1) ?? 'n/a',
        warm ? `${warm.rendered} / ${warm.cached}` : 'n/a',
        r.pagefind.pages ?? 'n/a',
        r.pagefind.indexMs === undefined ? 'n/a' : s(r.pagefind.indexMs),
        r.pagefind.mergeMs === undefined ? 'n/a' : `${r.pagefind.mergeIndexed} in ${s(r.pagefind.mergeMs)}`,
        mb(r.pagefind.bytes),
        r.pagefind.files,
        `${kb(r.firstSearch.total)} (open ${kb(r.firstSearch.open.bytes)} + query ${kb(r.firstSearch.query.bytes)}, ${r.firstSearch.open.requests + r.firstSearch.query.requests} requests)`,
        r.firstSearch.results,
      ]),
    );
  }
  log(`\nFirst search: open /search/, type "${values.query}", wait for the results (Chromium, fresh cache, served with gzip ${6}).`);
  log('\n## Page weight (gzip) and first visit\n');
  log(row(['entries', 'page', 'HTML', 'CSS', 'JS', 'HTML+CSS+JS', 'first visit (all requests)']));
  log(row(['---:', '---', '---:', '---:', '---:', '---:', '---:']));
  for (const r of results) {
    for (const p of r.pages)
      log(row([r.entries.toLocaleString('en'), p.url, kb(p.html), kb(p.css), kb(p.js), kb(p.total), `${kb(p.firstVisit.bytes)} (${p.firstVisit.requests} requests)`]));
  }
}

function targets(results: SizeResult[]) {
  const largest = results.reduce((a, b) => (b.entries > a.entries ? b : a));
  const at = largest.entries === 10000 ? '' : ` (measured at ${largest.entries.toLocaleString('en')}; the target is for 10,000)`;
  const hubBuilds = largest.builds.filter((b) => b.project === 'hub');
  const coldCards = hubBuilds.find((b) => b.mode === 'cold')!.cards;
  const warmRedrawn = results.map((r) => r.builds.find((b) => b.project === 'hub' && b.mode === 'warm')!.cards?.rendered ?? NaN);
  const peak = Math.max(...hubBuilds.map((b) => b.peakRss ?? NaN));
  const content = largest.pages.filter((p) => /^\/(share|articles)\//.test(p.url));
  const snippet = largest.pages.find((p) => p.url.startsWith('/share/'))!;
  // Drawing every card from scratch is most of a cold build, and the control draws none: the ratio without it too.
  const coldHub = hubBuilds.find((b) => b.mode === 'cold')!;
  const coldControl = largest.builds.find((b) => b.project === 'control' && b.mode === 'cold')!;
  const withoutCards = coldCards?.seconds
    ? `; without the card batch (${coldCards.seconds.toFixed(0)} s) ${((coldHub.wallMs / 1000 - coldCards.seconds) / (coldControl.wallMs / 1000)).toFixed(2)}×`
    : '';
  const lines: [boolean, string][] = [
    [
      largest.ratios.warm <= 1.5,
      `warm build ≤ 1.5× the control, nothing changed (entry pages and search index copied from the last build): ${largest.ratios.warm.toFixed(2)}×${at}`,
    ],
    [
      largest.ratios.edited <= 1.5,
      `warm build ≤ 1.5× the control, one snippet edited (the pages that read it rendered, the changed ones indexed): ${largest.ratios.edited.toFixed(2)}×${at}`,
    ],
    [largest.ratios.cold <= 3, `cold full build ≤ 3× the control: ${largest.ratios.cold.toFixed(2)}×${at}${withoutCards}`],
    [(coldCards?.perSecond ?? 0) >= 60, `share cards ≥ 60/s cold on ${os.availableParallelism()} cores: ${coldCards?.perSecond?.toFixed(1) ?? 'n/a'}/s`],
    [warmRedrawn.every((n) => n === 0), `0 cards re-rendered when nothing changed: ${warmRedrawn.join(', ')}`],
    [peak <= 2.5 * 1024 * MB, `peak RSS ≤ 2.5 GB: ${mb(peak)}${at}`],
    [
      largest.firstSearch.total <= 300 * 1024,
      `first search ≤ 300 KB transferred, opening /search/ and the query together: ${kb(largest.firstSearch.total)}${at} (opening ${kb(largest.firstSearch.open.bytes)}, the query ${kb(largest.firstSearch.query.bytes)})`,
    ],
    [
      largest.feeds.largest[0]!.bytes <= 5_000_000,
      `every feed file ≤ 5 MB: the largest is ${largest.feeds.largest[0]!.file}, ${mb2(largest.feeds.largest[0]!.bytes)}${at}`,
    ],
    [
      largest.feeds.everySnippetOnce,
      `the share feed's pages hold every published snippet exactly once: ${largest.feeds.shareSnippets} snippets on ${largest.feeds.sharePages} pages`,
    ],
    [
      content.every((p) => p.firstVisit.bytes <= 50 * 1024),
      `a content page ≤ 50 KB on first visit: ${content.map((p) => `${p.url} ${kb(p.firstVisit.bytes)}`).join(', ')} (the web app's worker adds ${kb(largest.webApp.worker)} once per device, whatever the page)`,
    ],
    [snippet.jsGzip9 <= 12 * 1024, `snippet page JS ≤ 12 KB (gzip -9, as npm run bench:share-size): ${kb(snippet.jsGzip9)}`],
  ];
  log('\n## Targets\n');
  for (const [ok, text] of lines) log(`${ok ? '✓' : '✗'} ${text}`);
  return lines.map(([ok, text]) => ({ ok, text }));
}

const info = machine();
log(`# Hub benchmark — ${info.date}`);
log(`${info.cpu}, ${info.cores} cores, ${info.ramGiB} GiB RAM, Node ${info.node}, Astro ${info.astro}, Pagefind ${info.pagefind}, ${info.platform}`);
log(`load average before: ${load()} (1, 5, 15 min) on ${info.cores} cores; sizes: ${sizes.join(', ')}; seed ${seed}; HUB_NOW ${values.now}`);
const started = performance.now();
const results: SizeResult[] = [];
for (const entries of sizes) results.push(await measureSize(entries));
report(results);
const verdicts = targets(results);
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
})();
mkdirSync(path.dirname(jsonFile), { recursive: true });
writeFileSync(
  jsonFile,
  `${JSON.stringify({ machine: { ...info, loadAfter: os.loadavg() }, commit, seed, now: values.now, query: values.query, totalMs: performance.now() - started, results, targets: verdicts }, null, 2)}\n`,
);
log(`\nload average after: ${load()}; the whole benchmark took ${s(performance.now() - started)}. Figures: ${path.relative(PROJECT, jsonFile)}`);
