/**
 * Decap CMS at /admin/: the page, its configuration generated from the
 * schemas, the preview stylesheet and the pinned Decap bundle's files, all
 * routes of the hub() integration. Keeps the CMS out of the sitemap and, in
 * `astro dev`, answers /admin (no slash) with a redirect to /admin/, as
 * static hosts do, and serves /admin/ without Vite's client: a content
 * write (a save in another tab, a `git pull`) makes Astro send every page a
 * full reload, and an open editor would lose its unsaved text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { HubPart } from './part.ts';

const route = (file: string) => new URL(`./routes/admin/${file}`, import.meta.url);

/** `enabled`: false in the build of a language other than the default, whose pages have no /admin/ of their own. */
export function cms(enabled: () => boolean = () => true): HubPart {
  return {
    name: 'hub:cms',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig }) => {
        if (!enabled()) return;
        injectRoute({ pattern: '/admin', entrypoint: route('index.astro') });
        injectRoute({ pattern: '/admin/config.yml', entrypoint: route('config.yml.ts') });
        injectRoute({ pattern: '/admin/preview.css', entrypoint: route('preview.css.ts') });
        injectRoute({ pattern: '/admin/manual-init.js', entrypoint: route('manual-init.js.ts') });
        injectRoute({ pattern: '/admin/content-facts.json', entrypoint: route('content-facts.json.ts') });
        for (const extension of ['js', 'txt', 'wasm']) injectRoute({ pattern: `/admin/[file].${extension}`, entrypoint: route(`[file].${extension}.ts`) });
        updateConfig({ vite: { plugins: [adminInDev(`${config.base.replace(/\/?$/, '/')}admin`)] } });
      },
    },
  };
}

/** `astro dev`: /admin → /admin/, and /admin/ without Vite's client (no reload on content writes). */
function adminInDev(admin: string): Plugin {
  return {
    name: 'hub:cms-admin-dev',
    enforce: 'post',
    configureServer(server) {
      // Astro puts its trailing-slash guard first in the stack once servers are configured;
      // this post hook runs after it and goes in front of it.
      return () => {
        server.middlewares.stack.unshift({
          route: '',
          handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => {
            const [pathname, query] = (req.url ?? '').split('?');
            if (pathname === `${admin}/` || pathname === `${admin}/index.html`) return withoutViteClient(res, next);
            if (pathname !== admin) return next();
            res.writeHead(301, { Location: `${admin}/${query ? `?${query}` : ''}` });
            res.end();
          },
        });
      };
    },
  };
}

/**
 * Vite's client (and Astro's dev toolbar, which starts it) reloads a page on every content change and
 * on every restart of the dev server; Decap needs neither, and its unsaved edits would not survive.
 */
export const DEV_CLIENT_SCRIPTS = [
  /<script type="module" src="[^"]*\/@vite\/client"><\/script>/g,
  /<script type="module" src="[^"]*dev-toolbar\/entrypoint\.js"><\/script>/g,
  /<script>window\.__astro_dev_toolbar__ = [^<]*<\/script>/g,
];

export function stripDevClient(html: string): string {
  return DEV_CLIENT_SCRIPTS.reduce((out, pattern) => out.replace(pattern, ''), html);
}

/** Lets the page render as usual, then sends it without the dev client's scripts. */
function withoutViteClient(res: ServerResponse, next: () => void) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  res.write = ((chunk: unknown, encoding?: unknown, callback?: () => void) => {
    chunks.push(toBuffer(chunk, encoding));
    if (typeof encoding === 'function') (encoding as () => void)();
    else callback?.();
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: () => void) => {
    if (chunk !== undefined && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
    let body = Buffer.concat(chunks);
    if (String(res.getHeader('content-type') ?? '').startsWith('text/html')) body = Buffer.from(stripDevClient(body.toString('utf8')));
    if (!res.headersSent) res.setHeader('Content-Length', body.length);
    write(body);
    return end(typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback);
  }) as typeof res.end;
  next();
}

/** For @astrojs/sitemap's filter: the CMS is not a page of the hub. */
export function notCms(base: string) {
  return (page: string) => !new URL(page).pathname.startsWith(`${base.replace(/\/?$/, '/')}admin`);
}
