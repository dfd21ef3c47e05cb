import { checkContent } from '../../src/lib/content/validate.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { writeCorpus, DEFAULT_NOW } from './corpus.ts';
const n = Number(process.argv[2] ?? 1000);
const dir = `/tmp/bench-corpus-${n}`;
let t = performance.now();
const c = writeCorpus(dir, { entries: n });
console.log('write ms', performance.now() - t, c.counts, c.published);
t = performance.now();
const { problems, entries } = checkContent({ root: dir, now: DEFAULT_NOW });
console.log('check ms', performance.now() - t, 'entries', entries.length, 'published', entries.filter(e => e.published).length);
const errors = problems.filter(p => p.severity === 'error');
console.log('errors', errors.length, 'warnings', problems.length - errors.length);
for (const p of problems.slice(0, 15)) console.log(formatProblem(p));
const kinds = new Map<string, number>();
for (const p of problems) { const k = p.severity + ' ' + (p.field ?? '') + ' ' + p.message.replace(/\d+/g,'N').slice(0, 50); kinds.set(k, (kinds.get(k) ?? 0) + 1); }
console.log(kinds);
