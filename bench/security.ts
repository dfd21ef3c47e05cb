/**
 * Figures for the checks of docs/security.md (docs/benchmarks.md):
 *  - what the body and YAML-anchor checks add to the content check, on the
 *    sample hub's bodies and on 1,000 and 10,000 of them;
 *  - rendering a body with the raw-HTML sanitizer and without;
 *  - writing dist/_headers from the built pages, and its size;
 *  - the alias bomb: refusing it, against walking what js-yaml makes of it.
 * Run after a build: `npm run build:test && npm run bench:security`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { markdownToHtml } from 'satteri';
import { builtPages } from '../src/hub/security-headers.ts';
import { markdownBodyProblems } from '../src/content/checks/body-safety.ts';
import { satteriReader } from '../src/content/checks/body-reader-satteri.ts';
import { parseEntry } from '../src/content/files.ts';
import { checkContent } from '../src/content/check.ts';
import { firstAnchor } from '../src/content/yaml-safety.ts';
import { sanitizeMarkdown } from '../src/lib/markdown/sanitize.ts';
import { formatHeadersFile, headerRules } from '../src/lib/security/headers.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SITE = 'https://voices.tidewater.example.com/';
const DIST = path.join(ROOT, 'dist');

/** Median of `rounds` runs, in ms. */
function median(rounds: number, run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

const { entries } = checkContent({ root: path.join(ROOT, 'content'), now: new Date('2026-11-22T00:00:00Z'), cwd: ROOT });
const bodies = entries.filter((e) => !e.file.endsWith('.mdx')).map((e) => e.body);
const yamls = entries.map((e) => parseEntry(e.source).yaml);
const chars = bodies.reduce((sum, b) => sum + b.length, 0);

console.log(`## Content check additions (${bodies.length} Markdown bodies of the sample hub, ${chars.toLocaleString('en')} characters)`);
console.log(
  `whole content check of the sample hub: ${ms(median(5, () => checkContent({ root: path.join(ROOT, 'content'), now: new Date('2026-11-22T00:00:00Z'), cwd: ROOT })))}`,
);
for (const copies of [1, 1_000 / bodies.length, 10_000 / bodies.length]) {
  const n = Math.round(bodies.length * copies);
  const list = Array.from({ length: n }, (_, i) => bodies[i % bodies.length]!);
  const rounds = n > 2_000 ? 1 : 5;
  const safety = median(rounds, () => list.forEach((b) => markdownBodyProblems(b, SITE, satteriReader)));
  const anchors = median(rounds, () => Array.from({ length: n }, (_, i) => firstAnchor(yamls[i % yamls.length]!)));
  console.log(
    `${String(n).padStart(6)} bodies: raw HTML, link and image check ${ms(safety)} (${((safety / n) * 1000).toFixed(0)} µs a body), anchor check ${ms(anchors)}`,
  );
}

console.log('\n## Rendering a body: Sätteri with the sanitizer (raw HTML parsed) and without');
const all = bodies.join('\n\n');
const plain = median(9, () => markdownToHtml(all));
const safe = median(9, () => markdownToHtml(all, { features: { rawHtml: true }, hastPlugins: [sanitizeMarkdown({ site: SITE })] }));
console.log(`all sample bodies as one document: ${ms(plain)} without, ${ms(safe)} with the sanitizer`);

console.log('\n## The alias bomb (tests/fixtures/hostile/rejected/snippets/billion-laughs.md)');
const bomb = readFileSync(path.join(ROOT, 'tests/fixtures/hostile/rejected/snippets/billion-laughs.md'), 'utf8').split('---')[1]!;
console.log(`refused by the anchor check in ${ms(median(9, () => firstAnchor(bomb)))}`);
const data = load(bomb) as Record<string, unknown>;
let leaves = 0;
const started = performance.now();
const walk = (value: unknown, depth: number): void => {
  if (performance.now() - started > 2_000) throw new Error('stop');
  if (Array.isArray(value)) value.forEach((v) => walk(v, depth + 1));
  else leaves++;
};
try {
  walk(data.lol9, 0);
  console.log(`walking what js-yaml parsed: ${leaves.toLocaleString('en')} values in ${ms(performance.now() - started)}`);
} catch {
  console.log(`walking what js-yaml parsed: stopped after 2 s and ${leaves.toLocaleString('en')} of 387,420,489 values (what a schema check or a JSON copy would do)`);
}

if (existsSync(path.join(DIST, 'index.html'))) {
  const pages = builtPages(DIST);
  const generate = median(5, () => headerRules(pages));
  const { rules } = headerRules(pages);
  const text = formatHeadersFile(rules, 'bench');
  const longest = Math.max(...text.split('\n').map((l) => l.length));
  console.log(`\n## dist/_headers from ${pages.length} built pages`);
  console.log(
    `generated in ${ms(generate)}: ${rules.length} rules, ${text.length.toLocaleString('en')} bytes, longest line ${longest} characters (Cloudflare Pages reads up to 2,000)`,
  );
} else {
  console.log('\n(no dist/: run npm run build:test first for the _headers figures)');
}
