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

/**
 * The same problems as GitHub Actions workflow commands, so a pull request shows each message on
 * its file and line (`::error file=…,line=…,title=…::message`). Values are escaped as the runner
 * expects: % and line breaks everywhere, and also : and , in the properties.
 */
export function formatGithubAnnotations(problems: Problem[]): string {
  const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return problems
    .map((p) => {
      const properties = [`file=${property(p.file)}`, ...(p.line ? [`line=${p.line}`] : []), ...(p.field ? [`title=${property(p.field)}`] : [])];
      return `::${p.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${data(`${p.field ? `${p.field}: ` : ''}${p.message}`)}`;
    })
    .join('\n');
}
