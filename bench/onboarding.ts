/**
 * Figures for onboarding, training and the calendar (docs/benchmarks.md):
 *  - the calendar of a large hub: items, months and the ICS feed for N dated snippets;
 *  - QR codes: milliseconds per onboarding link;
 *  - JavaScript each page with an island loads from dist/ (raw and gzip, with its imports).
 * Run after a build: `npm run build:test && npm run bench:onboarding`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { calendarIcs, calendarItems, calendarMonths } from '../src/lib/calendar.ts';
import { qrSvg } from '../src/lib/qr.ts';

const time = async <T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
};
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

console.log('## Calendar of a large hub');
for (const count of [1_000, 10_000]) {
  const campaigns = Array.from({ length: count / 50 }, (_, i) => ({
    id: `campaign-${i}`,
    data: { title: `Campaign ${i}`, summary: 'A campaign, with a summary of a sentence or two; commas, too.', starts: day(i * 3), ends: day(i * 3 + 20) },
  }));
  const snippets = Array.from({ length: count }, (_, i) => ({
    id: `snippet-${i}`,
    data: { title: `Snippet number ${i}`, publish: day(i % 700), expires: day((i % 700) + 60) },
  }));
  const items = await time(() => calendarItems({ campaigns, snippets }));
  const months = await time(() => calendarMonths(items.value));
  const ics = await time(() =>
    calendarIcs(items.value, {
      name: 'Bench',
      site: 'https://hub.example.com',
      organization: 'Bench',
      now: day(0),
      url: (item) => `https://hub.example.com/${item.collection}/${item.id}/`,
      summary: (item) => item.title,
    }),
  );
  console.log(
    `${count} snippets + ${campaigns.length} campaigns: ${items.value.length} events; items ${items.ms.toFixed(0)} ms, months ${months.ms.toFixed(0)} ms (${months.value.length} months), ICS ${ics.ms.toFixed(0)} ms, ${(ics.value.length / 1024 / 1024).toFixed(1)} MiB (${(gzipSync(ics.value).length / 1024).toFixed(0)} KiB gzip)`,
  );
}

console.log('\n## QR codes');
const links = Array.from({ length: 50 }, (_, i) => `https://voices.tidewater.example.com/start/track-${i}/?team=engineering`);
await qrSvg(links[0]!);
const qr = await time(async () => Promise.all(links.map((link) => qrSvg(link))));
console.log(`${links.length} onboarding links: ${(qr.ms / links.length).toFixed(1)} ms each, ${qr.value[0]!.length} bytes of SVG each`);

console.log('\n## JavaScript per page (dist/)');
const dist = path.resolve(import.meta.dirname, '../dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.log('dist/ has no build: run `npm run build:test` first');
} else {
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) closure(path.resolve(path.dirname(file), spec!), seen);
    return seen;
  };
  const pages = [
    'index.html',
    'share/index.html',
    'share/winter-checklist/index.html',
    'start/sales-advocates/index.html',
    'training/index.html',
    'training/advocacy-basics/index.html',
    'guidelines/index.html',
    'calendar/index.html',
  ];
  for (const page of pages) {
    const html = readFileSync(path.join(dist, page), 'utf8');
    const files = new Set<string>();
    for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) for (const f of closure(path.join(dist, src!))) files.add(f);
    const code = [...files].map((f) => readFileSync(f));
    const raw = code.reduce((sum, b) => sum + b.length, 0);
    const gzip = code.reduce((sum, b) => sum + gzipSync(b).length, 0);
    console.log(`/${page.replace(/index\.html$/, '')}: ${files.size} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`);
  }
}
