/**
 * The UI strings each island reads, listed once: its component hands them
 * over with `clientStrings(t, ISLAND_STRINGS.quiz)` and the island reads them
 * through `stringsOf<IslandKey<'quiz'>>(root)`, so the compiler refuses a key
 * that src/i18n/en.json lacks and a string the island reads but is not given.
 * (The islands import only the type: no list reaches the browser.)
 */
import type { UiKey } from '../lib/i18n.ts';

export const ISLAND_STRINGS = {
  guidelinesAck: ['guidelines.ackDone'],
  onboardingLink: ['tracks.copied', 'tracks.copyFailed', 'tracks.inviteCodeInvalid'],
  quiz: ['quiz.right', 'quiz.wrong', 'quiz.score', 'quiz.passed', 'quiz.failed', 'quiz.unanswered', 'quiz.passedBefore', 'quiz.doneOn'],
  teamFilter: ['teamFilter.forTeam', 'teamFilter.forAll', 'teamFilter.pickedForTeam', 'teamFilter.pickedForAll', 'teamFilter.noneForTeam', 'teamFilter.showAll', 'teamFilter.showTeam'],
  trackSteps: ['tracks.progress', 'tracks.complete'],
  trainingProgress: ['training.pickRole', 'training.pathProgress', 'training.status.passed', 'training.status.tried', 'training.status.new', 'training.badgeText'],
} as const satisfies Record<string, readonly UiKey[]>;

/** The keys island `I` is handed. */
export type IslandKey<I extends keyof typeof ISLAND_STRINGS> = (typeof ISLAND_STRINGS)[I][number];
