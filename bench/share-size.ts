#!/usr/bin/env node
/**
 * Size of the share panel island as browsers get it: every JavaScript file a
 * snippet page and an article page of dist/ load on every visit (module
 * scripts and the chunks they import, plus inline module scripts), and apart
 * from them the chunks loaded later by import() (twitter-text's patterns,
 * fetched only for a text that needs them), raw and gzipped (level 9).
 * Prints the figures and exits 1 when what a page loads on every visit is
 * over the budget.
 * Also times what the panel does on every keystroke: composing, counting and
 * building the share URL for all ten networks.
 *
 *   npm run bench:share-size            (after npm run build or build:test; Node 24 runs TypeScript)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { draftPost } from '../src/lib/share/draft.ts';
import { liveLength } from '../src/lib/share/live-length.ts';
import { NETWORK_IDS } from '../src/model/networks.ts';
import { precount, sharePost } from '../src/lib/share/posts.ts';
import { LOADED_PATTERNS } from '../src/lib/share/x-length.ts';

/** The budget of docs/benchmarks.md: 12 KB (12 × 1024 bytes) of gzipped JavaScript. */
/** The bundler's module-namespace helper chunk (158 B), which pattern chunks shared with other bundles import. */
export const BUNDLER_RUNTIME = 'rolldown-runtime';

export const BUDGET_BYTES = 12 * 1024;

export interface PageScript {
  file: string;
  raw: number;
  gzip: number;
  /**
   * Undefined for the JavaScript the page loads on every visit (module
   * scripts and the chunks they import statically); for a chunk loaded
   * later by import(), the files whose import() asks for it.
   */
  lazyFrom?: string[];
}

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.js)["']/g;
/** A literal path only: a template's (the search page's `${bundlePath}pagefind.js`) is not a file of dist/ to read. */
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`$]+\.js)["'`]\s*\)/g;

/** Every script a page loads, on every visit and on demand. */
export function pageScripts(dist: string, page: string): PageScript[] {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const found = new Map<string, PageScript>();
  const requested: { file: string; by: string }[] = [];
  const load = (file: string, lazyFrom?: string): void => {
    const known = found.get(file);
    if (known) {
      if (lazyFrom && known.lazyFrom && !known.lazyFrom.includes(lazyFrom)) known.lazyFrom.push(lazyFrom);
      return;
    }
    const code = readFileSync(path.join(dist, file), 'utf8');
    found.set(file, { file, ...sizes(code), ...(lazyFrom ? { lazyFrom: [lazyFrom] } : {}) });
    const resolve = (spec: string) => path.posix.join(path.posix.dirname(file), spec);
    // What a file imports statically arrives with it; what it import()s, later.
    for (const [, spec] of code.matchAll(STATIC_IMPORT)) load(resolve(spec!), lazyFrom);
    for (const [, spec] of code.matchAll(DYNAMIC_IMPORT)) requested.push({ file: resolve(spec!), by: file });
  };
  let inline = 0;
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/type="module"/.test(attrs!)) continue;
    const src = /src="([^"]+)"/.exec(attrs!)?.[1];
    if (src) load(src.replace(/^\//, ''));
    else {
      // Astro inlines each small script on its own: every one counts (one key each).
      const name = `${page} (inline${++inline > 1 ? ` ${inline}` : ''})`;
      found.set(name, { file: name, ...sizes(body!) });
    }
  }
  // Only once everything loaded on every visit is known: a chunk that is also loaded then is not lazy.
  for (let i = 0; i < requested.length; i++) load(requested[i]!.file, requested[i]!.by);
  return [...found.values()];
}

/** The gzipped bytes a page loads on every visit. */
export function initialGzip(scripts: readonly PageScript[]): number {
  return scripts.filter((s) => !s.lazyFrom).reduce((sum, s) => sum + s.gzip, 0);
}

function sizes(code: string): { raw: number; gzip: number } {
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

/** A built snippet page and a built article page. */
export function samplePages(dist: string): string[] {
  const first = (dir: string): string | undefined => {
    const ids = existsSync(path.join(dist, dir)) ? readdirSync(path.join(dist, dir)).filter((id) => existsSync(path.join(dist, dir, id, 'index.html'))) : [];
    return ids.length ? `${dir}/${ids.sort()[0]}/index.html` : undefined;
  };
  return [first('share'), first('articles')].filter((page): page is string => page !== undefined);
}

/** When the panel asks for a lazy chunk (src/lib/share/live-length.ts, lazyPatterns). */
const WHEN: Record<string, string> = {
  'x-urls': 'when the advocate\'s text may hold a URL ("." and two letters)',
  'x-emoji': "when the advocate's text may hold an emoji (a character from U+203C up)",
};

function main(): void {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const pages = samplePages(dist);
  if (!pages.length) {
    console.error(`${dist} has no built snippet or article page: run "npm run build:test" first`);
    process.exit(1);
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  let over = false;
  for (const page of pages) {
    const scripts = pageScripts(dist, page);
    const initial = scripts.filter((s) => !s.lazyFrom);
    const total = initial.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
    console.log(`${page}`);
    console.log('  loaded on every visit:');
    for (const s of initial) console.log(`    ${s.file}  ${s.raw} B raw, ${s.gzip} B gzip`);
    console.log(`  initial JavaScript: ${total.raw} B raw, ${total.gzip} B gzip (${kb(total.gzip)}; budget ${BUDGET_BYTES / 1024} KB)`);
    const lazy = scripts.filter((s) => s.lazyFrom);
    if (lazy.length) console.log('  loaded on demand (import()):');
    for (const s of lazy) {
      const name = path.posix.basename(s.file).split('.')[0]!;
      console.log(`    ${s.file}  ${s.raw} B raw, ${s.gzip} B gzip, ${WHEN[name] ?? `asked for by ${s.lazyFrom!.join(', ')}`}`);
    }
    if (lazy.length) {
      const all = total.gzip + lazy.reduce((sum, s) => sum + s.gzip, 0);
      console.log(`  with every chunk loaded: ${all} B gzip (${kb(all)})`);
    }
    if (total.gzip > BUDGET_BYTES) over = true;
  }
  timeUpdates();
  if (over) {
    console.error('over budget');
    process.exit(1);
  }
}

/**
 * Milliseconds for one update of ten networks, on a 280-character text with
 * CJK and an emoji: the whole post counted with every pattern (build, feed),
 * and the panel's count (only the advocate's text, the rest precounted).
 */
function timeUpdates(): void {
  const item = {
    id: 'winter-checklist',
    link: 'https://www.example.com/winter-checklist?lang=en#list',
    campaign: 'winter-ready',
    hashtags: ['WinterReady', 'HeatPumps'],
    variants: [{ text: '' }],
    networks: [...NETWORK_IDS],
  };
  const settings = { disclosure: '#AcmeEmployee', medium: 'employee-advocacy', mastodon: 'mastodon.social' };
  const text = 'I went through our winter checklist at home 🏡 and found a clogged filter. 冬の点検は十五分。 '.repeat(3).slice(0, 280);
  time('whole post, every pattern (build and feed)', (n) => NETWORK_IDS.forEach((network) => sharePost(network, text + n, item, settings, 'ana-42')));
  const counted = precount(item, settings); // at build time
  time("panel (the advocate's text only, patterns loaded)", (n) =>
    NETWORK_IDS.forEach((network) => {
      const blocks = [text + n];
      liveLength(draftPost(network, blocks[0]!, item, settings, 'ana-42'), blocks, 'ana-42', item, counted, LOADED_PATTERNS);
    }),
  );
}

function time(label: string, update: (n: number) => void): void {
  let start = performance.now();
  update(0);
  const first = performance.now() - start;
  // Five rounds of 100 updates: the fastest round is the steady cost, the median shows the noise.
  const rounds = Array.from({ length: 5 }, (_, round) => {
    start = performance.now();
    for (let i = 1; i <= 100; i++) update(round * 100 + i);
    return (performance.now() - start) / 100;
  }).sort((a, b) => a - b);
  console.log(
    `update of ${NETWORK_IDS.length} networks, ${label}: first ${first.toFixed(1)} ms (compiles what it uses), ` +
      `then ${rounds[0]!.toFixed(2)} ms each (fastest of 5 rounds of 100; median round ${rounds[2]!.toFixed(2)} ms)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
