/**
 * Keeps Decap CMS out of the sitemap and, in `astro dev`, answers /admin
 * (no slash) with a redirect to /admin/, as static hosts do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';

export function cms(): AstroIntegration {
  return {
    name: 'hub:cms',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const admin = `${config.base.replace(/\/?$/, '/')}admin`;
        updateConfig({
          vite: {
            plugins: [
              {
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
              },
            ],
          },
        });
      },
    },
  };
}

/** For @astrojs/sitemap's filter: the CMS is not a page of the hub. */
export function notCms(base: string) {
  return (page: string) => !new URL(page).pathname.startsWith(`${base.replace(/\/?$/, '/')}admin`);
}
