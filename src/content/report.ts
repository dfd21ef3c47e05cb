/** The lint report: one line per problem — file:line, severity, field, message — sorted by file and line. */
import type { Problem } from '../lib/problems.ts';

export function formatLintReport(problems: Problem[], { color = false } = {}): string {
  const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const lines = sorted.map((p) => {
    const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
    const level = p.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
    return `${where}  ${level}  ${p.field ? `${p.field}: ` : ''}${p.message}`;
  });
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return [...lines, errors ? paint(31, `✖ ${summary}`) : paint(32, `✔ ${summary}`)].join('\n');
}
