import { describe, expect, it } from 'vitest';
import {
  markDone,
  moduleStatus,
  modulesForRole,
  parseTrainingProgress,
  passMark,
  recordAttempt,
  resetModule,
  roleCompletion,
  scoreQuiz,
} from '../../src/lib/training-progress.ts';

const MONDAY = new Date('2026-11-23T09:00:00Z');
const TUESDAY = new Date('2026-11-24T09:00:00Z');

describe('scoring a quiz', () => {
  it('passes at three quarters: 3 of 4, 4 of 5, but not 3 of 5', () => {
    expect([1, 2, 3, 4, 5].map(passMark)).toEqual([1, 2, 3, 3, 4]);
    expect(scoreQuiz([1, 0, 2, 9], [1, 0, 2, 3])).toEqual({ correct: 3, total: 4, passed: true, right: [true, true, true, false] });
    expect(scoreQuiz([1, 0, 2, 3, 0], [1, 0, 2, 3, 1]).passed).toBe(true);
    expect(scoreQuiz([1, 0, 2, 0, 0], [1, 0, 2, 3, 1])).toMatchObject({ correct: 3, passed: false });
  });

  it('counts a question left unanswered as wrong', () => {
    expect(scoreQuiz([1, undefined, 2, 3], [1, 0, 2, 3])).toMatchObject({ correct: 3, passed: true, right: [true, false, true, true] });
    expect(scoreQuiz([], [1, 0])).toMatchObject({ correct: 0, passed: false });
  });
});

describe('recording attempts', () => {
  it('keeps the passed state and the first pass date through a later failed attempt, and the best score', () => {
    let progress = recordAttempt({}, 'basics', { correct: 2, total: 4, passed: false }, MONDAY);
    expect(progress.basics).toEqual({ best: 2, total: 4, passed: false, attempts: 1 });
    expect(moduleStatus(progress, 'basics')).toBe('tried');
    progress = recordAttempt(progress, 'basics', { correct: 4, total: 4, passed: true }, MONDAY);
    progress = recordAttempt(progress, 'basics', { correct: 1, total: 4, passed: false }, TUESDAY);
    expect(progress.basics).toEqual({ best: 4, total: 4, passed: true, passedAt: MONDAY.toISOString(), attempts: 3 });
    expect(moduleStatus(progress, 'basics')).toBe('passed');
    expect(moduleStatus(progress, 'other')).toBe('new');
  });

  it('restarts the best score when the quiz changed length', () => {
    const before = recordAttempt({}, 'basics', { correct: 4, total: 4, passed: true }, MONDAY);
    expect(recordAttempt(before, 'basics', { correct: 2, total: 5, passed: false }, TUESDAY).basics).toMatchObject({ best: 2, total: 5, passed: true });
  });

  it('marks a module without quiz done, and forgets a module on reset', () => {
    const done = markDone({}, 'reading', MONDAY);
    expect(done.reading).toMatchObject({ passed: true, total: 0, passedAt: MONDAY.toISOString() });
    expect(markDone(done, 'reading', TUESDAY)).toBe(done);
    expect(resetModule(done, 'reading')).toEqual({});
  });

  it('does not mutate the progress it is given', () => {
    const before = Object.freeze({});
    expect(() => recordAttempt(before, 'x', { correct: 1, total: 1, passed: true }, MONDAY)).not.toThrow();
  });
});

describe('stored progress', () => {
  it('round-trips and drops anything malformed', () => {
    const progress = recordAttempt({}, 'basics', { correct: 3, total: 4, passed: true }, MONDAY);
    expect(parseTrainingProgress(JSON.stringify(progress))).toEqual(progress);
    expect(
      parseTrainingProgress(
        JSON.stringify({
          'Bad Id': { best: 1, total: 1, passed: true },
          over: { best: 5, total: 4, passed: true },
          negative: { best: -1, total: 4 },
          text: 'x',
          ok: { best: 1, total: 2, passed: 'yes', passedAt: 'never' },
        }),
      ),
    ).toEqual({ ok: { best: 1, total: 2, passed: false, attempts: 1 } });
    for (const raw of [null, '', 'not json', '[]', '42', 'null']) expect(parseTrainingProgress(raw), String(raw)).toEqual({});
  });
});

describe('completion of a role', () => {
  const modules = [
    { id: 'basics', role: 'all' },
    { id: 'listening', role: 'listener' },
    { id: 'curating', role: 'curator' },
    { id: 'ethics', role: 'all' },
  ];

  it('takes the role’s modules and the ones for everyone, in order', () => {
    expect(modulesForRole(modules, 'curator').map((m) => m.id)).toEqual(['basics', 'curating', 'ethics']);
    expect(modulesForRole(modules, undefined).map((m) => m.id)).toEqual(['basics', 'ethics']);
  });

  it('is complete only when every required module is passed, dated by the last pass', () => {
    let progress = recordAttempt({}, 'basics', { correct: 4, total: 4, passed: true }, MONDAY);
    progress = recordAttempt(progress, 'listening', { correct: 4, total: 4, passed: true }, MONDAY);
    progress = recordAttempt(progress, 'ethics', { correct: 1, total: 4, passed: false }, MONDAY);
    expect(roleCompletion(modules, progress, 'listener')).toEqual({
      role: 'listener',
      required: ['basics', 'listening', 'ethics'],
      passed: ['basics', 'listening'],
      remaining: ['ethics'],
      complete: false,
    });
    progress = recordAttempt(progress, 'ethics', { correct: 3, total: 4, passed: true }, TUESDAY);
    expect(roleCompletion(modules, progress, 'listener')).toMatchObject({ complete: true, remaining: [], completedAt: TUESDAY.toISOString() });
    // Another role still misses its own module.
    expect(roleCompletion(modules, progress, 'curator')).toMatchObject({ complete: false, remaining: ['curating'] });
  });

  it('gives no badge without a role, or for a role with nothing to take', () => {
    const all = recordAttempt({}, 'basics', { correct: 1, total: 1, passed: true }, MONDAY);
    expect(roleCompletion([{ id: 'basics', role: 'all' }], all, undefined).complete).toBe(false);
    expect(roleCompletion([], {}, 'creator').complete).toBe(false);
  });
});
