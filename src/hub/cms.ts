/**
 * Decap CMS at /admin/: the page, its configuration generated from the
 * schemas, the preview stylesheet and the pinned Decap bundle's files, all
 * routes of the hub() integration. Keeps the CMS out of the sitemap and, in
 * `astro dev`, answers /admin (no slash) with a redirect to /admin/, as
 * static hosts do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { HubPart } from './part.ts';

const route = (file: string) => new URL(`./routes/admin/${file}`, import.meta.url);

export function cms(): HubPart {
  return {
    name: 'hub:cms',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig }) => {
        injectRoute({ pattern: '/admin', entrypoint: route('index.astro') });
        injectRoute({ pattern: '/admin/config.yml', entrypoint: route('config.yml.ts') });
        injectRoute({ pattern: '/admin/preview.css', entrypoint: route('preview.css.ts') });
        injectRoute({ pattern: '/admin/manual-init.js', entrypoint: route('manual-init.js.ts') });
        for (const extension of ['js', 'txt', 'wasm']) injectRoute({ pattern: `/admin/[file].${extension}`, entrypoint: route(`[file].${extension}.ts`) });
        updateConfig({ vite: { plugins: [adminSlash(`${config.base.replace(/\/?$/, '/')}admin`)] } });
      },
    },
  };
}

/** `astro dev`: /admin → /admin/. */
function adminSlash(admin: string): Plugin {
  return {
    name: 'hub:cms-admin-slash',
    enforce: 'post',
    configureServer(server) {
      // Astro puts its trailing-slash guard first in the stack once servers are configured;
      // this post hook runs after it and goes in front of it.
      return () => {
        server.middlewares.stack.unshift({
          route: '',
          handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => {
            const [pathname, query] = (req.url ?? '').split('?');
            if (pathname !== admin) return next();
            res.writeHead(301, { Location: `${admin}/${query ? `?${query}` : ''}` });
            res.end();
          },
        });
      };
    },
  };
}

/** For @astrojs/sitemap's filter: the CMS is not a page of the hub. */
export function notCms(base: string) {
  return (page: string) => !new URL(page).pathname.startsWith(`${base.replace(/\/?$/, '/')}admin`);
}
