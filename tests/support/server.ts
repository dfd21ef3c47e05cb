/** Serves a built site (dist/) on a free localhost port, like a static host would. */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { type HeaderRule, headersFor, parseHeadersFile } from '../../src/lib/security/headers.ts';

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Like Netlify or Cloudflare Pages, the server sends the headers of the site's
 * `_headers` file (the hub's security headers) unless `headers` is false,
 * and never serves that file itself.
 */
export async function serveStatic(dir: string, port = 0, options: { headers?: boolean } = {}): Promise<StaticSite> {
  const assets = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const notFoundPage = path.join(dir, '404.html');
  const headersFile = path.join(dir, '_headers');
  const rules: HeaderRule[] = options.headers !== false && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(headersFor(rules, pathname))) res.setHeader(name, value);
    // As Netlify and Cloudflare Pages answer what _headers leaves open: revalidate every time. Without it the browser
    // keeps a page fresh by heuristics (a tenth of its age) and a new build would not show at once.
    if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
    if (pathname === '/_headers') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    return assets(req, res, () => {
      // Static hosts answer unknown paths with the site's own 404 page.
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Kept-alive connections too: a browser would otherwise go on asking this server, not the next one on the port.
        server.closeAllConnections();
      }),
  };
}
