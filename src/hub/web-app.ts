/**
 * The hub as an installable web app: the manifest and icons are routes
 * (routes/manifest.webmanifest.ts, routes/icons/), the service worker is
 * written here once Astro has written dist/ (src/lib/web-app/service-worker.ts).
 * With `web_app: false` in settings the worker written removes itself.
 */
import { fileURLToPath } from 'node:url';
import { BundleUse, writeServiceWorker } from '../lib/web-app/service-worker.ts';
import { onPageRead } from '../lib/build-channel.ts';
import type { HubPart } from './part.ts';
import { htmlFiles, outputFileOf } from './rendered-pages.ts';

export function webApp(enabled: () => boolean): HubPart {
  let base = '/';
  let cacheDir: string | undefined;
  let bundles: BundleUse | undefined;
  let stopListening: (() => void) | undefined;
  return {
    name: 'hub:web-app',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        if (!enabled()) return;
        // Which bundles each page names, read while Astro renders the next pages (the CMS's are left out of the precache).
        const use = (bundles = new BundleUse(base));
        stopListening = onPageRead<string[]>({
          name: 'web-app',
          read: ({ html }) => use.named(html),
          take: ({ pathname }, named) => {
            const file = outputFileOf(pathname, base);
            if (file) use.take(file, named);
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening?.();
        const started = performance.now();
        const on = enabled();
        const outDir = fileURLToPath(dir);
        const pages = htmlFiles(outDir).map(({ file }) => file);
        const { count, size, warnings } = await writeServiceWorker(outDir, base, { enabled: on, bundles, cacheDir, pages });
        bundles = undefined;
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
