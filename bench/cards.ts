/**
 * Share-card benchmark: `npm run bench:cards [-- <cards> [latin|arabic|cjk]]`
 * (default 60 cards, latin). Renders the same set of cards cold (empty cache)
 * on every core and on one, then again from the cache, and prints cards per
 * second for each, the CPU time per card (which a busy machine changes less
 * than the wall clock) and the process's peak memory. `arabic` draws the
 * titles in Arabic; `cjk` gives every card's byline a Chinese, Japanese or
 * Korean name, so each card loads CJK font slices (src/lib/cards/fonts.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_TITLE, renderCards } from '../src/lib/cards/batch.ts';
import { clockTicks, parseChildrenCpuTicks, treeMemory } from './scale/measure.ts';
import type { CardSpec } from '../src/lib/cards/spec.ts';

const count = Number(process.argv[2] ?? process.env.CARDS ?? 60);
const script = (process.argv[3] ?? 'latin') as 'latin' | 'arabic' | 'cjk';
if (!['latin', 'arabic', 'cjk'].includes(script)) throw new Error(`unknown script ${script}: latin, arabic or cjk`);
const project = fileURLToPath(new URL('..', import.meta.url));
const sourceDir = path.join(project, 'src/lib/cards');

const TITLES = [
  'Why field engineers should write in public',
  'Our winter checklist is out: fifteen minutes, one clogged filter, and a warm house through the first frost',
  'Как тепловой насос работает в мороз',
  'Πώς δουλεύει μια αντλία θερμότητας στο κρύο',
  'Heat pumps in the cold: what the data from 1,200 homes says about defrost cycles, flow temperatures and quiet nights in January',
];
const ARABIC_TITLES = [
  'لماذا يجب على مهندسي الميدان أن يكتبوا علنا',
  'قائمة الشتاء جاهزة: خمس عشرة دقيقة، ومرشح واحد، وبيت دافئ',
  'مضخة حرارية هادئة في المدينة: ماذا تعلمنا في الشتاء؟',
];
const CJK_NAMES = ['王小明', '李静', '田中 さくら', '김민준', '陈思远', '佐藤 健'];
const brand: CardSpec['brand'] = {
  hub: 'Tidewater Voices',
  primary: '#0b5563',
  accent: '#f2a541',
  logo: { file: path.join(project, 'public/brand/logo.svg'), sha256: 'logo' },
};

function specs(): CardSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const titles = script === 'arabic' ? ARABIC_TITLES : TITLES;
    const title = `${titles[i % titles.length]} (${i + 1})`;
    const person =
      script === 'cjk'
        ? { name: `${CJK_NAMES[i % CJK_NAMES.length]} ${i + 1}`, role: 'People Partner' }
        : i % 3 === 0
          ? { name: 'Елена Петрова', role: 'People Partner' }
          : undefined;
    return {
      id: `bench/${i}`,
      layout: i % 7 === 6 ? 'person' : 'entry',
      eyebrow: 'Article · 2 October 2026',
      title,
      text: titles[(i + 2) % titles.length],
      person,
      footer: 'Tidewater Voices',
      brand,
    };
  });
}

/** CPU milliseconds of this process and of its children that have ended (the card workers). */
function cpuMsWithWorkers(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + (parseChildrenCpuTicks(readFileSync('/proc/self/stat', 'utf8')) / clockTicks()) * 1000;
}

/** The largest resident memory of a card worker seen while sampling, in bytes. */
let workerPeak = 0;
const sampler = setInterval(() => {
  const { hwm, comm } = treeMemory(process.pid);
  for (const [pid, name] of comm) if (name === WORKER_TITLE) workerPeak = Math.max(workerPeak, hwm.get(pid) ?? 0);
}, 200);

async function timed(label: string, cacheDir: string, threads: number): Promise<void> {
  const start = performance.now();
  const cpu = cpuMsWithWorkers();
  const result = await renderCards(specs(), { cacheDir, sourceDir, threads });
  const seconds = (performance.now() - start) / 1000;
  // The workers have ended (the batch waits for them), so their CPU is counted.
  const cpuMs = (cpuMsWithWorkers() - cpu) / count;
  console.log(
    `${label.padEnd(18)} ${(count / seconds).toFixed(1).padStart(8)} cards/s  ${cpuMs.toFixed(1).padStart(6)} ms CPU/card  (${count} cards in ${seconds.toFixed(2)} s: ${result.rendered} rendered, ${result.cached} cached)`,
  );
}

const cores = availableParallelism();
console.log(`share cards: ${count} ${script} cards, ${cores} cores, load average ${loadavg()[0]!.toFixed(2)} before the run`);
const caches = [mkdtempSync(path.join(tmpdir(), 'hub-bench-cards-')), mkdtempSync(path.join(tmpdir(), 'hub-bench-cards-'))];
try {
  await timed(`cold, ${cores} workers`, caches[0]!, cores);
  await timed('cold, 1 worker', caches[1]!, 1);
  await timed('cached', caches[0]!, cores);
} finally {
  clearInterval(sampler);
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
}
console.log(`peak memory (resident): this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, a card worker ${(workerPeak / 2 ** 20).toFixed(0)} MB`);
