/**
 * `astro dev` (and so `npm run cms`) with a settings.yaml that has errors:
 * a half-written or invalid file must not take the server down, nor turn
 * every page into a stack trace. Astro restarts the dev server when the
 * file changes (hub() watches it); while it has errors, every page and
 * /admin/ answer with the content check's report (file:line — field —
 * value — allowed), and the report page asks again every few seconds, so
 * it turns back into the page once the file is fixed. An /admin/ tab that
 * is already open is left alone (cms.ts keeps Vite's reloads out of it).
 *
 * `astro build` still stops on such a file, with the same report.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { SETTINGS_FILE } from '../model/collections.ts';
import { type Settings, settingsSchema } from '../model/schemas/settings.ts';
import { type Problem, formatProblem } from '../lib/problems.ts';

const LAST_GOOD = Symbol.for('advocacy-hub.last-good-settings');

/** Remembers the settings of the last start that had no errors (the dev server restarts in the same process). */
export function keepSettings(settings: Settings): void {
  (globalThis as Record<symbol, Settings | undefined>)[LAST_GOOD] = settings;
}

/**
 * What Astro starts with while settings.yaml has errors: the last good
 * settings of this process, else a neutral placeholder. No page is rendered
 * with them (the report answers every request) and no entry is checked
 * against them (the content loader waits for good settings).
 */
export function lastGoodSettings(): Settings {
  return (
    (globalThis as Record<symbol, Settings | undefined>)[LAST_GOOD] ??
    settingsSchema().parse({
      name: 'Advocacy hub',
      organization: 'Advocacy hub',
      site: 'http://localhost/',
      brand: { primary: '#000000', accent: '#ffffff' },
      teams: ['all'],
      topics: ['general'],
    })
  );
}

/** Seconds between the report page's attempts to load the real page again. */
export const RETRY_SECONDS = 3;

/** The page every request gets while settings.yaml has errors. */
export function settingsProblemsPage(problems: readonly Problem[]): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const items = problems.map((problem) => `<li><code>${escape(formatProblem(problem))}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS}">
<title>${SETTINGS_FILE} has errors</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; color: #9b1c1c; }
li { margin: 0.5rem 0; }
code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.95rem; }
</style>
</head>
<body>
<main role="alert">
<h1>${SETTINGS_FILE} has errors</h1>
<p>The hub cannot be shown until they are fixed. Nothing is lost: fix the file and save it; this page turns back into the hub by itself.</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}

/**
 * `astro dev` only: watches settings.yaml (Astro restarts on a change of a watched file, but only
 * sees it when Vite watches it, and a content folder outside the project is not), and while the file
 * has errors answers every page request with the report (Vite's own files still load). The report is
 * of the file as it is at each request (`check` reads it again): a save seen half-written (a write
 * truncates the file before it fills it, and the watcher may fire in between) never leaves a stale
 * report, and a file found fixed without the restart that should follow restarts the server.
 */
export function settingsProblemsPlugin(problems: readonly Problem[], settingsFile: string, check: () => readonly Problem[] = () => problems): Plugin {
  return {
    name: 'hub:settings-problems',
    apply: 'serve',
    configureServer(server) {
      server.watcher.add(settingsFile);
      if (!problems.length) return;
      let restarting = false;
      const handle = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const pathname = (req.url ?? '/').split('?')[0]!;
        // Vite's client, modules and dependencies are not pages.
        if (/^\/(?:@|node_modules\/|src\/|__)/.test(pathname)) return next();
        const now = check();
        if (!now.length && !restarting) {
          // As if the watcher had seen the last write: Astro restarts the way it does on any settings change.
          restarting = true;
          server.watcher.emit('change', settingsFile);
        }
        res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_SECONDS) });
        res.end(settingsProblemsPage(now.length ? now : problems));
      };
      // In front of Astro's own handlers, which would render pages with placeholder settings.
      return () => void server.middlewares.stack.unshift({ route: '', handle: handle as never });
    },
  };
}
