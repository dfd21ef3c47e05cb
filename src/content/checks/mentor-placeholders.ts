/**
 * A track's welcome text and task steps may name its mentor only through the
 * placeholders of src/lib/mentor-placeholder.ts; an unknown one, or one on a
 * track without a mentor, would show as "{mentor.nmae}" or as nothing, so the
 * build refuses it with the file, line and field.
 */
import { placeholderProblems } from '../../lib/mentor-placeholder.ts';
import type { Problem } from '../../lib/problems.ts';
import type { CheckedEntry } from '../entry.ts';

export function checkMentorPlaceholders(entries: readonly CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'tracks') continue;
    const hasMentor = typeof entry.data.mentor === 'string';
    for (const { index, message } of placeholderProblems(entry.body, hasMentor)) {
      problems.push({ severity: 'error', file: entry.file, line: entry.bodyLine(index), field: 'body', message });
    }
    const steps = (entry.data.steps ?? []) as { task?: string }[];
    steps.forEach((step, i) => {
      if (!step.task) return;
      for (const { message } of placeholderProblems(step.task, hasMentor)) {
        problems.push({ severity: 'error', file: entry.file, line: entry.lineOf(['steps', i, 'task']), field: `steps[${i}].task`, message });
      }
    });
  }
  return problems;
}
