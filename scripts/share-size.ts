#!/usr/bin/env node
/**
 * Size of the share panel island as browsers get it: every JavaScript file a
 * snippet page and an article page of dist/ load (module scripts and the
 * chunks they import, plus inline module scripts), raw and gzipped (level 9).
 * Prints the figures and exits 1 when a page's JavaScript is over the budget.
 * Also times what the panel does on every keystroke: composing, counting and
 * building the share URL for all ten networks.
 *
 *   npm run bench:share-size            (after npm run build or build:test; Node 24 runs TypeScript)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { NETWORK_IDS } from '../src/lib/share/networks.ts';
import { sharePost } from '../src/lib/share/posts.ts';

/** The budget of docs/benchmarks.md: 12 KB (12 × 1024 bytes) of gzipped JavaScript. */
export const BUDGET_BYTES = 12 * 1024;

/** Every script a page loads: [{ file, raw, gzip }]. */
export function pageScripts(dist: string, page: string): { file: string; raw: number; gzip: number }[] {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const seen = new Map<string, { raw: number; gzip: number }>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const code = readFileSync(path.join(dist, file), 'utf8');
    seen.set(file, sizes(code));
    for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+\.js)["']|import\(\s*["']([^"']+\.js)["']\s*\)/g)) {
      if (spec) visit(path.posix.join(path.posix.dirname(file), spec));
    }
  };
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/type="module"/.test(attrs)) continue;
    const src = /src="([^"]+)"/.exec(attrs)?.[1];
    if (src) visit(src.replace(/^\//, ''));
    else seen.set(`${page} (inline)`, sizes(body));
  }
  return [...seen].map(([file, size]) => ({ file, ...size }));
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

function main(): void {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const pages = samplePages(dist);
  if (!pages.length) {
    console.error(`${dist} has no built snippet or article page: run "npm run build:test" first`);
    process.exit(1);
  }
  let over = false;
  for (const page of pages) {
    const scripts = pageScripts(dist, page);
    const total = scripts.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
    console.log(`${page}`);
    for (const s of scripts) console.log(`  ${s.file}  ${s.raw} B raw, ${s.gzip} B gzip`);
    console.log(`  total JavaScript: ${total.raw} B raw, ${total.gzip} B gzip (${(total.gzip / 1024).toFixed(2)} KB; budget ${BUDGET_BYTES / 1024} KB)`);
    if (total.gzip > BUDGET_BYTES) over = true;
  }
  timeUpdates();
  if (over) {
    console.error('over budget');
    process.exit(1);
  }
}

/** Milliseconds for one panel update (ten networks), on a 280-character text with CJK, emoji and a link. */
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
  const update = (n: number) => NETWORK_IDS.forEach((network) => sharePost(network, text + n, item, settings, 'ana-42'));
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
    `panel update (compose, count and share URL on ${NETWORK_IDS.length} networks): first ${first.toFixed(1)} ms (compiles the patterns), ` +
      `then ${rounds[0]!.toFixed(2)} ms each (fastest of 5 rounds of 100; median round ${rounds[2]!.toFixed(2)} ms)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
