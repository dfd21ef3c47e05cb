/** An onboarding track's page: its mentors, its steps resolved to published entries, and what its island reads. */
import { guidelinesVersion } from './page-key.ts';
import { fillMentorHtml, fillMentorText, mentorSegments, type MentorField } from '../lib/mentor-placeholder.ts';
import { stepKeys } from '../lib/onboarding.ts';
import type { TrackSummary } from '../lib/track-progress.ts';
import { entryPath, parseRef } from '../lib/urls.ts';
import { type Entry, entryTitle, findPublished, published, settings, t } from './hub.ts';

/** A step of the checklist: a task in words, or a link to an entry. `key` keeps its tick across edits. */
export type TrackStep = { key: string; label: string; ref?: string } & (
  { task: string; segments: (string | { field: MentorField })[] } | { href: string; title: string; kind: string }
);

export interface TrackPage {
  /** Every published mentor: the advocate may have chosen another one on their onboarding link. */
  mentors: Entry<'people'>[];
  /** The track's own mentor, when published. */
  defaultMentor?: Entry<'people'>;
  /** The teams an onboarding link can preset (all but "all"). */
  teams: string[];
  /** Steps pointing to unpublished entries are left out; the content check warns about them. */
  steps: TrackStep[];
  /** The welcome text as HTML, the mentor's placeholders filled with the track's own mentor in swappable spans. */
  welcome: string;
  /** The name a placeholder of a task shows without JS: the track's own mentor. */
  mentorName?: string;
  /** What the track's island (TrackSteps.client.ts) reads from its data attributes, but for its strings: JSON lists and ids. */
  island: { track: string; teams: string; mentors: string; mentorNames: string; guidelinesVersion: string; defaultMentor?: string };
}

/** /start/<id>/: the track's mentors, steps and island data. */
export async function trackPage(track: Entry<'tracks'>): Promise<TrackPage> {
  const mentors = (await published('people')).filter((p) => p.data.mentor);
  const defaultMentor = track.data.mentor ? await findPublished('people', track.data.mentor) : undefined;
  const keys = stepKeys(track.data.steps);
  const steps = await Promise.all(
    track.data.steps.map(async (step, index): Promise<TrackStep | undefined> => {
      const key = keys[index]!;
      if (step.task) return { key, label: fillMentorText(step.task, defaultMentor?.data.name), task: step.task, segments: mentorSegments(step.task) };
      const { collection, id } = parseRef(step.ref!);
      const entry = await findPublished(collection, id);
      return entry && { key, ref: step.ref!, label: entryTitle(entry), href: entryPath(collection, id), title: entryTitle(entry), kind: t(`kind.${collection}`) };
    }),
  );
  return {
    mentors,
    defaultMentor,
    teams: settings.teams.filter((team) => team !== 'all'),
    steps: steps.filter((step) => step !== undefined),
    welcome: fillMentorHtml(track.rendered?.html ?? '', defaultMentor?.data.name),
    mentorName: defaultMentor?.data.name,
    island: {
      track: track.id,
      teams: JSON.stringify(settings.teams),
      mentors: JSON.stringify(mentors.map((m) => m.id)),
      guidelinesVersion: await guidelinesVersion(),
      mentorNames: JSON.stringify(Object.fromEntries(mentors.map((m) => [m.id, m.data.name]))),
      defaultMentor: defaultMentor?.id,
    },
  };
}

/**
 * Every published track as the path islands read it (PathNav: "Back to your
 * path", "Continue your path"): its page, and its steps with their keys,
 * refs and words; only the tracks with a step on `ref` when one is given.
 */
export async function trackSummaries(ref?: string): Promise<TrackSummary[]> {
  const tracks = (await published('tracks')).filter((track) => !ref || track.data.steps.some((step) => step.ref === ref));
  return Promise.all(
    tracks.map(async (track) => {
      const { steps } = await trackPage(track);
      return {
        id: track.id,
        title: track.data.title,
        href: entryPath('tracks', track.id),
        steps: steps.map(({ key, ref, label }) => ({ key, ...(ref && { ref }), label })),
      };
    }),
  );
}
