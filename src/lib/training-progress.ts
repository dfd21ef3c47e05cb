/**
 * A learner's training progress: quiz scores, the passed state of each module
 * and whether every module of their role is passed (the completion badge).
 * Pure, so it is tested without a browser; src/client/progress-store.ts
 * keeps it in localStorage.
 */
import { isId } from '../model/ids.ts';

/** Share of right answers a quiz needs: 3 of 4, 4 of 5. */
export const PASS_RATIO = 0.75;

/** Right answers needed to pass a quiz of `total` questions. */
export function passMark(total: number): number {
  return Math.max(1, Math.ceil(total * PASS_RATIO - 1e-9));
}

export interface QuizOutcome {
  correct: number;
  total: number;
  passed: boolean;
  /** Per question: answered right. */
  right: boolean[];
}

/**
 * Scores the options a learner chose (`undefined`: not answered, counted
 * wrong) against the right ones.
 */
export function scoreQuiz(chosen: readonly (number | undefined)[], answers: readonly number[]): QuizOutcome {
  const right = answers.map((answer, index) => chosen[index] === answer);
  const correct = right.filter(Boolean).length;
  return { correct, total: answers.length, passed: answers.length > 0 && correct >= passMark(answers.length), right };
}

export interface ModuleProgress {
  /** Best score so far. */
  best: number;
  /** Questions in the quiz when it was last taken (0: a module without a quiz, marked done). */
  total: number;
  /** Passed at least once; a later failed attempt does not take it away. */
  passed: boolean;
  /** When it was first passed (ISO). */
  passedAt?: string;
  attempts: number;
}

/** Module id → progress. */
export type TrainingProgress = Record<string, ModuleProgress>;

const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
const isoInstant = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined);

/** Stored progress, tolerating anything an older version or a person left in storage. */
export function parseTrainingProgress(raw: string | null): TrainingProgress {
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const progress: TrainingProgress = {};
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!isId(id) || !entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    const best = count(e.best);
    const total = count(e.total);
    if (best === undefined || total === undefined || best > total) continue;
    const module: ModuleProgress = { best, total, passed: e.passed === true, attempts: count(e.attempts) ?? 1 };
    const passedAt = isoInstant(e.passedAt);
    if (module.passed && passedAt) module.passedAt = passedAt;
    progress[id] = module;
  }
  return progress;
}

/** Progress after one quiz attempt: the best score and the passed state are kept. */
export function recordAttempt(progress: TrainingProgress, moduleId: string, outcome: Pick<QuizOutcome, 'correct' | 'total' | 'passed'>, at: Date): TrainingProgress {
  const before = progress[moduleId];
  const passed = Boolean(before?.passed) || outcome.passed;
  const next: ModuleProgress = {
    best: before && before.total === outcome.total ? Math.max(before.best, outcome.correct) : outcome.correct,
    total: outcome.total,
    passed,
    attempts: (before?.attempts ?? 0) + 1,
  };
  const passedAt = before?.passedAt ?? (outcome.passed ? at.toISOString() : undefined);
  if (passed && passedAt) next.passedAt = passedAt;
  return { ...progress, [moduleId]: next };
}

/** A module without a quiz is passed by marking it done. */
export function markDone(progress: TrainingProgress, moduleId: string, at: Date): TrainingProgress {
  if (progress[moduleId]?.passed) return progress;
  return { ...progress, [moduleId]: { best: 0, total: 0, passed: true, passedAt: at.toISOString(), attempts: (progress[moduleId]?.attempts ?? 0) + 1 } };
}

/** Forgets one module (to take its quiz afresh). */
export function resetModule(progress: TrainingProgress, moduleId: string): TrainingProgress {
  const { [moduleId]: _gone, ...rest } = progress;
  return rest;
}

export type ModuleStatus = 'passed' | 'tried' | 'new';

export function moduleStatus(progress: TrainingProgress, moduleId: string): ModuleStatus {
  const module = progress[moduleId];
  return module?.passed ? 'passed' : module ? 'tried' : 'new';
}

export interface ModuleInfo {
  id: string;
  /** The advocacy role a module trains, or "all". */
  role: string;
}

/** The modules a learner of `role` takes: theirs and the ones for everyone, in the given order. */
export function modulesForRole<M extends ModuleInfo>(modules: readonly M[], role: string | undefined): M[] {
  return modules.filter((module) => module.role === 'all' || (role !== undefined && module.role === role));
}

export interface RoleCompletion {
  role?: string;
  /** Ids of the modules the role requires, in order. */
  required: string[];
  passed: string[];
  remaining: string[];
  /** Every required module passed (and a role chosen): the completion badge. */
  complete: boolean;
  /** When the last required module was passed (ISO), once complete. */
  completedAt?: string;
}

export function roleCompletion(modules: readonly ModuleInfo[], progress: TrainingProgress, role: string | undefined): RoleCompletion {
  const required = modulesForRole(modules, role).map((m) => m.id);
  const passed = required.filter((id) => progress[id]?.passed);
  const remaining = required.filter((id) => !progress[id]?.passed);
  const complete = role !== undefined && required.length > 0 && remaining.length === 0;
  const result: RoleCompletion = { required, passed, remaining, complete };
  if (role !== undefined) result.role = role;
  if (complete) {
    const dates = passed
      .map((id) => progress[id]!.passedAt)
      .filter((d): d is string => d !== undefined)
      .sort();
    if (dates.length) result.completedAt = dates[dates.length - 1];
  }
  return result;
}
