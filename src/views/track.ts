/** An onboarding track's page: its mentors, its steps resolved to published entries, and what its island reads. */
import { stepKeys } from '../lib/onboarding.ts';
import { entryPath, parseRef } from '../lib/urls.ts';
import { type Entry, entryTitle, findPublished, published, settings, t } from './hub.ts';

/** A step of the checklist: a task in words, or a link to an entry. `key` keeps its tick across edits. */
export type TrackStep = { key: string; label: string } & ({ task: string } | { href: string; title: string; kind: string });

export interface TrackPage {
  /** Every published mentor: the advocate may have chosen another one on their onboarding link. */
  mentors: Entry<'people'>[];
  /** The track's own mentor, when published. */
  defaultMentor?: Entry<'people'>;
  /** The teams an onboarding link can preset (all but "all"). */
  teams: string[];
  /** Steps pointing to unpublished entries are left out; the content check warns about them. */
  steps: TrackStep[];
  /** What the track's island (TrackSteps.client.ts) reads from its data attributes, but for its strings: JSON lists and ids. */
  island: { track: string; teams: string; mentors: string; defaultMentor?: string };
}

/** /start/<id>/: the track's mentors, steps and island data. */
export async function trackPage(track: Entry<'tracks'>): Promise<TrackPage> {
  const mentors = (await published('people')).filter((p) => p.data.mentor);
  const defaultMentor = track.data.mentor ? await findPublished('people', track.data.mentor) : undefined;
  const keys = stepKeys(track.data.steps);
  const steps = await Promise.all(
    track.data.steps.map(async (step, index): Promise<TrackStep | undefined> => {
      const key = keys[index]!;
      if (step.task) return { key, label: step.task, task: step.task };
      const { collection, id } = parseRef(step.ref!);
      const entry = await findPublished(collection, id);
      return entry && { key, label: entryTitle(entry), href: entryPath(collection, id), title: entryTitle(entry), kind: t(`kind.${collection}`) };
    }),
  );
  return {
    mentors,
    defaultMentor,
    teams: settings.teams.filter((team) => team !== 'all'),
    steps: steps.filter((step) => step !== undefined),
    island: {
      track: track.id,
      teams: JSON.stringify(settings.teams),
      mentors: JSON.stringify(mentors.map((m) => m.id)),
      defaultMentor: defaultMentor?.id,
    },
  };
}
