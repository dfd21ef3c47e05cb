/**
 * The hub as an installable web app: the manifest and icons are routes
 * (routes/manifest.webmanifest.ts, routes/icons/), the service worker is
 * written here once Astro has written dist/ (src/lib/web-app/service-worker.ts).
 * With `web_app: false` in settings the worker written removes itself.
 */
import { fileURLToPath } from 'node:url';
import { writeServiceWorker } from '../lib/web-app/service-worker.ts';
import type { HubPart } from './part.ts';

export function webApp(enabled: () => boolean): HubPart {
  let base = '/';
  return {
    name: 'hub:web-app',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const on = enabled();
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir), base, { enabled: on });
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          on
            ? `service worker: ${count} files precached (${(size / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(2)} s`
            : 'service worker: web_app is off in settings; sw.js removes any worker installed before',
        );
      },
    },
  };
}
