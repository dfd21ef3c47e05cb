/** What the content checks find, and how an editor reads it. */

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file, when it can be told. */
  line?: number;
  /** Dotted path of the field, e.g. `variants[1].text`. */
  field?: string;
  /** What is wrong and what is allowed, e.g. `is "x", which is not a topic; allowed: a, b`. */
  message: string;
}

/** `variants[1].text` from zod's path `['variants', 1, 'text']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** One readable paragraph: `file:line — field "x" is …; allowed …`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `field "${problem.field}" ` : '';
  const text = `${where} — ${field}${problem.message}`;
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The whole report, errors first, then a one-line summary. */
export function formatReport(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines = sortProblems(problems).map((p) => `${p.severity === 'error' ? 'error' : 'warning'}: ${formatProblem(p)}`);
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in content`;
  return [...lines, summary].join('\n');
}
