/**
 * Checks content before Astro reads it: a build with bad content stops with
 * one readable paragraph per problem and exit code 1, never a stack trace.
 * In `astro dev` the report is printed again whenever a content file changes.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentRoot } from '../lib/content/files.ts';
import { formatProblem } from '../lib/content/problems.ts';
import { checkContent } from '../lib/content/validate.ts';
import { InvalidNowError, resolveNow } from '../lib/publish.ts';

function run(logger: AstroIntegrationLogger): { errors: number } {
  const now = resolveNow();
  const { problems } = checkContent({ root: contentRoot(), now });
  const errors = problems.filter((p) => p.severity === 'error');
  for (const problem of problems) {
    if (problem.severity === 'error') logger.error(formatProblem(problem));
    else logger.warn(formatProblem(problem));
  }
  if (errors.length) logger.error(`${errors.length} content error${errors.length === 1 ? '' : 's'}: fix ${errors.length === 1 ? 'it' : 'them'} and build again.`);
  return { errors: errors.length };
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'hub:content',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        try {
          // One instant for the whole build, so every route agrees on what is published.
          process.env.HUB_NOW = resolveNow().toISOString();
        } catch (error) {
          if (!(error instanceof InvalidNowError)) throw error;
          logger.error(error.message);
          process.exit(1);
        }
        const { errors } = run(logger);
        if (errors && command !== 'dev') process.exit(1);
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = contentRoot();
        server.watcher.add(root);
        let timer: NodeJS.Timeout | undefined;
        const recheck = (file: string) => {
          if (!file.startsWith(root)) return;
          clearTimeout(timer);
          timer = setTimeout(() => run(logger), 150);
        };
        server.watcher.on('change', recheck).on('add', recheck).on('unlink', recheck);
      },
    },
  };
}
