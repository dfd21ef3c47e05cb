/**
 * Relations a schema cannot see from one file: a track's mentor who is not a
 * mentor, a module requiring itself through others, and references from a
 * published entry (or a scheduled one, as of its day) to one that is not:
 *
 * - to a draft, or to an entry that goes live later: an error. The
 *   referring entry would be published before what it names: a snippet's
 *   campaign id would reach its links (utm_campaign), /snippets.json and
 *   the share feed; an article would go out without its author, a track
 *   with a missing step or mentor, a module with a prerequisite nobody
 *   can take. (A scheduled entry naming a draft is warned about: the draft
 *   may be published before the day comes.)
 * - to an expired entry: a warning. It was public, so nothing leaks; a
 *   snippet keeps its ended campaign as history, the rest leave the link out.
 */
import { day, found } from '../../model/schemas/fields.ts';
import { type Problem, fieldPath } from '../../lib/problems.ts';
import { type Publishable, expiryInstant, unpublishedReason } from '../../lib/publish.ts';
import type { CheckedEntry } from '../entry.ts';

/** What each relation loses when its target is not published, and what the editor can do. */
interface Relation {
  /** What publishing the referring entry before its target would do. */
  early: string;
  /** The ways out, after "publish <target>". */
  fix: string;
  /** What a reference to an expired target still does. */
  expired: string;
}

const RELATIONS = {
  campaign: {
    early: "the campaign's id would be published in this snippet's links (utm_campaign), /snippets.json and the share feed before the campaign itself",
    fix: 'remove "campaign:" from this snippet, or schedule the snippet ("publish:") no earlier than the campaign',
    expired: 'the snippet still tags its links with the campaign (utm_campaign), as history, but its page no longer links to it; set "expires:" here too if the snippet should end with the campaign',
  },
  author: {
    early: 'the article would be published without its author',
    fix: 'name another author, or schedule the article ("published:") no earlier than the person',
    expired: 'the article no longer names its author; name another author if it should',
  },
  requires: {
    early: 'learners would be asked to take a module they cannot see',
    fix: 'remove it from "requires:", or schedule this module ("publish:") no earlier',
    expired: 'learners are no longer asked to take it first',
  },
  mentor: {
    early: 'the track would be published without its mentor',
    fix: 'pick another mentor, or schedule the track ("publish:") no earlier than the person',
    expired: 'the track shows no mentor until another is picked',
  },
  step: {
    early: 'the track would be published with this step missing',
    fix: 'remove the step, or schedule the track ("publish:") no earlier',
    expired: 'the step is left out; remove it or point it to a published entry',
  },
} satisfies Record<string, Relation>;

/** When an entry goes live: its publish (or publication) date, or undefined when it is live already. */
function goesLive(data: Publishable): Date | undefined {
  return data.publish ?? data.published;
}

/**
 * Relations a schema cannot see from one file: mentors, prerequisites, what points to unpublished entries.
 * `tree` is every entry the references may point to (default: `entries`); the CMS checks one entry
 * against the facts of the others (src/content/cms-check.ts).
 */
export function checkReferences(entries: readonly CheckedEntry[], now: Date, tree: readonly CheckedEntry[] = entries): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map(tree.map((e) => [`${e.collection}/${e.id}`, e]));
  const requires = new Map(tree.filter((e) => e.collection === 'training').map((e) => [e.id, e.data.requires as string[]]));
  const report = (entry: CheckedEntry, severity: Problem['severity'], at: PropertyKey[], message: string) =>
    problems.push({ severity, file: entry.file, line: entry.lineOf(at), field: fieldPath(at), message });
  const refProblem = (from: CheckedEntry, at: PropertyKey[], key: string, relation: Relation) => {
    const target = byKey.get(key);
    const fromReason = unpublishedReason(from.data, now);
    if (!target || fromReason === 'draft' || fromReason === 'expired') return;
    // A scheduled entry is judged as of its own day: what it names must be live by then.
    const scheduledFor = fromReason === 'scheduled' ? goesLive(from.data) : undefined;
    const reason = unpublishedReason(target.data, scheduledFor ?? now);
    if (!reason) return;
    const named = `${key} (${target.file})`;
    const when = scheduledFor ? `on ${day(scheduledFor)}, when this entry goes live` : 'while this entry is published';
    if (reason === 'expired') {
      const ended = day(new Date(expiryInstant(target.data.expires as Date).getTime() - 1));
      report(from, 'warning', at, `points to ${named}, which expired after ${ended}; ${relation.expired}`);
    } else if (reason === 'draft') {
      const message = `points to ${named}, which is a draft ${when}; ${relation.early}. Publish it (remove "draft: true" from ${target.file}), or ${relation.fix}`;
      report(from, scheduledFor ? 'warning' : 'error', at, scheduledFor ? `${message}; otherwise the build stops on ${day(scheduledFor)}` : message);
    } else {
      const live = day(goesLive(target.data)!);
      report(from, 'error', at, `points to ${named}, which goes live on ${live}, after this entry (${scheduledFor ? day(scheduledFor) : 'published now'}); ${relation.early}. Publish it sooner, or ${relation.fix}`);
    }
  };

  for (const entry of entries) {
    const data = entry.data;
    if (entry.collection === 'snippets') {
      if ((data.variants as unknown[]).length < 2) {
        report(entry, 'warning', ['variants'], 'has a single variant; add a second wording so colleagues do not all post the same words');
      }
      if (data.campaign) refProblem(entry, ['campaign'], `campaigns/${String(data.campaign)}`, RELATIONS.campaign);
    }
    if (entry.collection === 'articles') refProblem(entry, ['author'], `people/${String(data.author)}`, RELATIONS.author);
    if (entry.collection === 'training') {
      (data.requires as string[]).forEach((id, i) => refProblem(entry, ['requires', i], `training/${id}`, RELATIONS.requires));
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
        refProblem(entry, ['mentor'], `people/${mentor}`, RELATIONS.mentor);
      }
      (data.steps as { ref?: string }[]).forEach((step, i) => step.ref && refProblem(entry, ['steps', i, 'ref'], step.ref, RELATIONS.step));
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
