/**
 * `npm run lint:content`: every check the build runs on content (schemas,
 * references, share lengths, banned phrases, links, images, expiry notices),
 * as a compact report for editors who work in Git. Exit code 1 on errors.
 *
 *   npm run lint:content                  # the content folder (or HUB_CONTENT_DIR)
 *   npm run lint:content -- path/to/tree  # another tree
 *   HUB_NOW=2027-01-15 npm run lint:content
 *
 * In GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as a
 * workflow command, so a pull request shows the message on its file and line.
 */
import { contentRoot } from '../src/content/tree.ts';
import { formatGithubAnnotations, formatLintReport } from '../src/content/report.ts';
import { checkContent } from '../src/content/check.ts';
import { InvalidNowError, resolveNow } from '../src/lib/publish.ts';

try {
  const root = contentRoot(process.argv[2] ?? process.env.HUB_CONTENT_DIR);
  const { problems } = checkContent({ root, now: resolveNow(process.env.HUB_NOW) });
  console.log(formatLintReport(problems, { color: process.stdout.isTTY && !process.env.NO_COLOR }));
  if (process.env.GITHUB_ACTIONS === 'true' && problems.length) console.log(formatGithubAnnotations(problems));
  process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
} catch (error) {
  if (!(error instanceof InvalidNowError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
