/**
 * Relations a schema cannot see from one file: a track's mentor who is not a
 * mentor, a module requiring itself through others, and links from a
 * published entry to one that is not published (left out, with a warning).
 */
import { found } from '../../model/schemas/fields.ts';
import { type Problem, fieldPath } from '../../lib/problems.ts';
import { unpublishedReason } from '../../lib/publish.ts';
import type { CheckedEntry } from '../entry.ts';

/**
 * Relations a schema cannot see from one file: mentors, prerequisites, what links to unpublished entries.
 * `tree` is every entry the references may point to (default: `entries`); the CMS checks one entry
 * against the facts of the others (src/content/cms-check.ts).
 */
export function checkReferences(entries: readonly CheckedEntry[], now: Date, tree: readonly CheckedEntry[] = entries): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map(tree.map((e) => [`${e.collection}/${e.id}`, e]));
  const requires = new Map(tree.filter((e) => e.collection === 'training').map((e) => [e.id, e.data.requires as string[]]));
  const report = (entry: CheckedEntry, severity: Problem['severity'], at: PropertyKey[], message: string) =>
    problems.push({ severity, file: entry.file, line: entry.lineOf(at), field: fieldPath(at), message });
  const refProblem = (from: CheckedEntry, at: PropertyKey[], key: string) => {
    const target = byKey.get(key);
    if (!from.published || !target || target.published) return;
    const reason = unpublishedReason(target.data, now);
    const state = reason === 'scheduled' ? 'not published yet' : reason === 'draft' ? 'a draft' : 'expired';
    report(from, 'warning', at, `points to ${key}, which is ${state}; the link is left out until it is published`);
  };

  for (const entry of entries) {
    const data = entry.data;
    if (entry.collection === 'snippets') {
      if ((data.variants as unknown[]).length < 2) {
        report(entry, 'warning', ['variants'], 'has a single variant; add a second wording so colleagues do not all post the same words');
      }
      if (data.campaign) refProblem(entry, ['campaign'], `campaigns/${String(data.campaign)}`);
    }
    if (entry.collection === 'articles') refProblem(entry, ['author'], `people/${String(data.author)}`);
    if (entry.collection === 'training') {
      (data.requires as string[]).forEach((id, i) => refProblem(entry, ['requires', i], `training/${id}`));
      const cycle = findCycle(entry.id, requires);
      if (cycle) report(entry, 'error', ['requires'], `makes a loop (${cycle.join(' → ')}); a module cannot require itself, directly or through others`);
    }
    if (entry.collection === 'tracks') {
      const mentor = data.mentor as string | undefined;
      if (mentor) {
        const person = byKey.get(`people/${mentor}`);
        if (person && person.data.mentor !== true) {
          report(entry, 'error', ['mentor'], `${found(mentor)}, who is not a mentor; set "mentor: true" in ${person.file} or pick one of: ${mentorsOf(tree).join(', ') || 'nobody yet'}`);
        }
        refProblem(entry, ['mentor'], `people/${mentor}`);
      }
      (data.steps as { ref?: string }[]).forEach((step, i) => step.ref && refProblem(entry, ['steps', i, 'ref'], step.ref));
    }
  }
  return problems;
}

function mentorsOf(entries: readonly CheckedEntry[]): string[] {
  return entries.filter((e) => e.collection === 'people' && e.data.mentor === true).map((e) => e.id);
}

/** A requirement loop through `start`, as ids, or undefined. */
function findCycle(start: string, requires: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  // Depth-first; a module already explored without reaching `start` never will.
  const explored = new Set<string>();
  const walk = (id: string, trail: string[]): string[] | undefined => {
    for (const next of requires.get(id) ?? []) {
      if (next === start) return [...trail, next];
      if (explored.has(next)) continue;
      explored.add(next);
      const loop = walk(next, [...trail, next]);
      if (loop) return loop;
    }
    return undefined;
  };
  return walk(start, [start]);
}
