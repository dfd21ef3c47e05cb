/**
 * The hub's Content Security Policy, in one place: what Astro writes into
 * every page's <meta http-equiv="content-security-policy"> (astro.config.mjs,
 * `security.csp`) and what the build's `_headers` file sends as HTTP headers
 * (src/lib/security/headers.ts) start from these lists.
 *
 * The hub pages load nothing from elsewhere, so everything is `'self'`;
 * scripts and styles Astro renders inline are allowed by their hashes, never
 * by `'unsafe-inline'`. Decap CMS at /admin/ gets its own, wider policy.
 */
import { createHash } from 'node:crypto';

/** `sha256-…` of an inline script or style, as CSP writes it (without quotes). */
export function hashOf(content: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}

/** Directives of every hub page besides script-src and style-src (which Astro writes with its hashes). */
export const SITE_DIRECTIVES = [
  "default-src 'none'",
  // data: for the icons Pagefind's stylesheet draws as data: SVGs; images cannot run script.
  "img-src 'self' data:",
  "font-src 'self'",
  // Pagefind fetches its index and WebAssembly; nothing else is fetched.
  "connect-src 'self'",
  // Pagefind 1.5 searches in a worker loaded from /pagefind/pagefind-worker.js (no blob: worker).
  "worker-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
] as const;

/**
 * Directives a <meta> policy cannot carry (browsers ignore them there), sent
 * as a header on every response: no other site may frame the hub (clickjacking).
 */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/**
 * The policy of files served as they are (Astro's bundles and images under
 * /_astro/, Decap's /uploads/, /brand/, the share cards under /og/). An SVG
 * opened on its own is a document: without this policy, a script in it
 * would run with the hub's origin and read localStorage (Decap's login, an
 * advocate's drafts). The content check refuses such SVGs
 * (src/lib/security/svg.ts); this is the second wall, for what it misses.
 *
 * - `script-src 'none'` and `default-src 'none'`: nothing runs, nothing loads;
 * - `sandbox` (without allow-scripts): no script even where a browser
 *   ignored script-src, and an opaque origin, so no storage or cookies;
 * - `style-src 'unsafe-inline'`: the <style> and style="…" SVGs draw with;
 * - `img-src 'self' data:`: a browser may show a PNG or JPEG opened on its own.
 *
 * Pages are not affected: the policy of a script or stylesheet a page
 * loads from /_astro/ never applies to that page, only to the file opened
 * as a document (or to a worker started from it; the hub starts none there).
 */
export const ASSET_DIRECTIVES = ["default-src 'none'", "script-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", 'sandbox'] as const;

/** What the search page adds: Pagefind compiles its WebAssembly (not JavaScript eval). */
export const SEARCH_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/** The CMS backend as the generated Decap config has it (src/lib/cms/config.ts `cmsBackend`). */
export type CmsBackend = Readonly<Record<string, string | boolean | undefined>>;

/** Hosts a Decap backend talks to (connect-src) and shows avatars and media from (img-src). */
const BACKEND_HOSTS: Record<string, { connect: string[]; img: string[] }> = {
  github: { connect: ['https://api.github.com'], img: ['https://avatars.githubusercontent.com', 'https://raw.githubusercontent.com'] },
  gitlab: { connect: ['https://gitlab.com'], img: ['https://gitlab.com', 'https://secure.gravatar.com'] },
  // Netlify Identity and Git Gateway answer on the site's own origin (/.netlify/identity, /.netlify/git).
  'git-gateway': { connect: [], img: ['https://secure.gravatar.com'] },
  'test-repo': { connect: [], img: [] },
};

/**
 * The policy of /admin/. Decap CMS is a React application from npm:
 * - its styling library (emotion) injects <style> elements at run time: `'unsafe-inline'` styles;
 * - it does not start without `'unsafe-eval'` (its bundle compiles code with `new Function`;
 *   'unsafe-eval' also covers the WebAssembly it ships);
 * - it shows pictures picked in the media library as blob: and data: URLs;
 * - it talks to the Git host's API (connect-src) for the configured backend only.
 * Scripts still only come from the hub itself (no CDN), and nothing may frame the CMS.
 */
export function adminPolicy(backend: CmsBackend): { scripts: string[]; styles: string[]; directives: string[] } {
  const hosts = BACKEND_HOSTS[String(backend.name ?? '')] ?? { connect: [], img: [] };
  const connect = [...hosts.connect];
  // Local decap-server, the OAuth server, a self-hosted API, a Netlify site's Identity and Git Gateway:
  // allowed only when the configured backend names them.
  for (const url of [backend.proxy_url, backend.base_url, backend.api_root, backend.identity_url, backend.gateway_url]) {
    if (typeof url === 'string' && URL.canParse(url)) connect.push(new URL(url).origin);
  }
  return {
    scripts: ["'self'", "'unsafe-eval'"],
    styles: ["'self'", "'unsafe-inline'"],
    directives: [
      `img-src 'self' data: blob: ${hosts.img.join(' ')}`.trim(),
      `connect-src 'self' ${[...new Set(connect)].join(' ')}`.trim(),
      "font-src 'self' data:",
      "media-src 'self' blob:",
      "worker-src 'self' blob:",
      // The preview pane is an about:blank frame of the CMS itself.
      "frame-src 'self' blob:",
    ],
  };
}

/** A policy as directive name → sources, in the order first seen. */
export type Policy = Map<string, string[]>;

/** Parses `a b; c d` into a Policy (names lowercased, repeated sources once). */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    // As in browsers, the first occurrence of a directive wins.
    if (!policy.has(key)) policy.set(key, [...new Set(sources)]);
  }
  return policy;
}

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Adds `sources` to a directive of `policy` (creating it), each source once. */
export function allow(policy: Policy, directive: string, sources: Iterable<string>): void {
  const list = policy.get(directive) ?? [];
  for (const source of sources) if (!list.includes(source)) list.push(source);
  policy.set(directive, list);
}

/** A policy that allows what any of `policies` allows, directive by directive (for pages that share one header rule). */
export function unionOf(policies: Policy[]): Policy {
  const union: Policy = new Map();
  for (const policy of policies) for (const [name, sources] of policy) allow(union, name, sources);
  // `'none'` means nothing only while it is alone.
  for (const [name, sources] of union)
    if (sources.length > 1 && sources.includes("'none'"))
      union.set(
        name,
        sources.filter((s) => s !== "'none'"),
      );
  return union;
}
