/**
 * The `_headers` file of the build (the format Netlify and Cloudflare Pages
 * read): the Content Security Policy of each page as an HTTP header, the same
 * policy Astro writes into the page's <meta>, plus what a <meta> cannot say
 * (frame-ancestors) and the other security headers.
 *
 * How hosts combine rules: every rule whose path matches applies, and a
 * header named by several matching rules is sent once with the values joined
 * by ", " (Cloudflare Pages documents this; for Content-Security-Policy that
 * means every policy is enforced). So the rule for every path (`/*`) only
 * carries what every response may have, including /admin/'s, and each
 * section of pages (`/share/*`, `/admin/*`, …) carries its own full policy,
 * which also repeats the `/*` directives, so a host that lets the later rule
 * win instead gets the same result. The folders of files served as they are
 * (`/_astro/*`, `/uploads/*`, `/brand/*`, `/og/*`) get a policy of their own
 * that runs no script (ASSET_DIRECTIVES): enforced together with `/*`'s, the
 * stricter of the two wins, and nosniff comes from `/*`.
 */
import { Parser } from 'htmlparser2';
import { scanHtml } from './html-scan.ts';
import { ASSET_DIRECTIVES, HEADER_ONLY_DIRECTIVES, type Policy, allow, hashOf, parsePolicy, serializePolicy, unionOf } from './policy.ts';

/** Headers of every response. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  // Features no page uses are off. Copying (clipboard-write) and the share sheet (web-share) keep their
  // default, this site only; naming web-share here makes Chromium on Linux warn about an unknown feature.
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
};

/**
 * Headers of hub pages (not /admin/): a window the hub opens (a share link)
 * cannot reach back into it, and it cannot be reached from a window that opened it.
 * Decap's login popup needs its opener, so /admin/ does not get this.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Folders of files served as they are, which get ASSET_DIRECTIVES: Astro's
 * bundles and processed images (`build.assets`, `_astro` unless configured),
 * Decap's media folder (public/uploads), the brand files (public/brand) and
 * the share cards (/og/).
 */
export function assetFolders(buildAssets = '_astro'): string[] {
  return [buildAssets.replace(/^\/+|\/+$/g, ''), 'uploads', 'brand', 'og'];
}

/** Cloudflare Pages reads at most 100 rules and 2,000 characters a line. */
export const MAX_RULES = 100;
export const MAX_LINE = 2000;

export interface HeaderRule {
  /** A path pattern: `/`, `/404.html`, `/share/*`. */
  path: string;
  headers: Record<string, string>;
}

/** Script types a browser runs; data blocks (application/json, text/pagefind-template) are not subject to script-src. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

export interface InlineCode {
  scripts: string[];
  styles: string[];
  /** The content of <meta http-equiv="content-security-policy">, if any. */
  meta?: string;
}

/**
 * The inline scripts and styles of a built page, and its CSP <meta>. Tags
 * are found by scanning the page as the HTML standard reads it
 * (html-scan.ts): content can put "<script>" into an attribute value
 * (escaped only for quotes), where it is text, not an element. The
 * attributes of the few tags that matter (<script>, <meta http-equiv>) are
 * read by an HTML parser, entities decoded.
 */
export function inlineCode(html: string): InlineCode {
  const found: InlineCode = { scripts: [], styles: [] };
  let runs = false;
  scanHtml(html, {
    startTag({ name, start, end }) {
      if (name !== 'script' && (name !== 'meta' || found.meta !== undefined)) return;
      const tag = html.slice(start, end);
      if (name === 'meta' && !HTTP_EQUIV.test(tag)) return;
      const attributes = attributesOf(tag);
      if (name === 'script') runs = attributes.src === undefined && EXECUTABLE_TYPES.has((attributes.type ?? '').trim().toLowerCase());
      else if (attributes['http-equiv']?.toLowerCase() === 'content-security-policy') found.meta = attributes.content ?? '';
    },
    rawText(name, text) {
      if (name === 'style') found.styles.push(text);
      else if (runs) found.scripts.push(text);
    },
  });
  return found;
}

/** An attribute named http-equiv (names cannot hold entities; its value can). */
const HTTP_EQUIV = /http-equiv/i;

/**
 * The attributes of one start tag (its source, `<` to `>`), lower-cased
 * names, entities decoded; the first of a name wins. The same few tags
 * (`<script type="module">`, the policy's <meta>) open thousands of pages,
 * so each is read once (up to READ_TAGS_KEPT of them).
 */
function attributesOf(tag: string): Readonly<Record<string, string>> {
  let attributes = readTags.get(tag);
  if (attributes) return attributes;
  if (readTags.size >= READ_TAGS_KEPT) readTags.clear();
  attributes = parseAttributes(tag);
  readTags.set(tag, attributes);
  return attributes;
}
const readTags = new Map<string, Readonly<Record<string, string>>>();
const READ_TAGS_KEPT = 1000;

function parseAttributes(tag: string): Record<string, string> {
  let attributes: Record<string, string> = {};
  const parser = new Parser(
    {
      onopentag(_name, found) {
        attributes = found;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(tag);
  return attributes;
}

/** Does `sources` (a script-src or style-src list) let this inline code run? */
function allowsInline(sources: readonly string[] | undefined, content: string): boolean {
  if (!sources) return false;
  const hashes = sources.filter((s) => /^'(sha256|sha384|sha512|nonce)-/.test(s));
  if (sources.includes("'unsafe-inline'") && hashes.length === 0) return true;
  return hashes.includes(`'${hashOf(content)}'`);
}

export interface PagePolicy {
  /** The header policy: the meta's, with hashes only for code the page has inline, plus frame-ancestors. */
  policy: Policy;
  /** Inline code the page's own meta policy would block (a page that breaks itself). */
  blocked: string[];
}

/**
 * The header policy of one built page, from the policy Astro wrote into it.
 * Astro's meta also lists hashes of its external bundles (allowed by 'self'
 * anyway); the header keeps the hashes of the page's inline code only, so it
 * stays short enough for a header line.
 */
export function pagePolicy(html: string): PagePolicy | undefined {
  const code = inlineCode(html);
  if (code.meta === undefined) return undefined;
  const parsed = parsePolicy(code.meta);
  const blocked: string[] = [];
  const policy: Policy = new Map();
  for (const [name, sources] of parsed) {
    if (name !== 'script-src' && name !== 'style-src') {
      policy.set(name, [...sources]);
      continue;
    }
    const inline = name === 'script-src' ? code.scripts : code.styles;
    for (const content of inline) if (!allowsInline(sources, content)) blocked.push(`${name === 'script-src' ? '<script>' : '<style>'} ${content.slice(0, 60)}…`);
    const keywords = sources.filter((s) => !/^'(sha256|sha384|sha512|nonce)-/.test(s));
    const unsafeInline = keywords.includes("'unsafe-inline'");
    policy.set(name, unsafeInline ? keywords : [...keywords, ...new Set(inline.map((c) => `'${hashOf(c)}'`))]);
  }
  for (const directive of [...HEADER_ONLY_DIRECTIVES]) {
    const [name, ...sources] = directive.split(' ');
    allow(policy, name!, sources);
  }
  return { policy, blocked };
}

/** The rule path a page falls under: `/` and top-level files on their own, everything else by its first folder. */
export function sectionOf(pagePath: string, base = '/'): string {
  const relative = pagePath.startsWith(base) ? pagePath.slice(base.length) : pagePath.replace(/^\//, '');
  const first = relative.split('/')[0] ?? '';
  if (relative === '' || relative === 'index.html') return base;
  if (!relative.includes('/')) return `${base}${first}`;
  return `${base}${first}/*`;
}

export interface BuiltPage {
  /** URL path of the page, e.g. `/share/winter-checklist/` or `/404.html`. */
  path: string;
  html: string;
}

export interface HeadersFile {
  rules: HeaderRule[];
  /** Problems the build reports: pages that block their own inline code, rules a host would not read. */
  problems: string[];
  /** Those of `problems` that must fail the build: inline code a page's own policy blocks. */
  blocking: string[];
}

/** A built page's URL path and its policy (`pagePolicy` of its HTML). */
export interface PolicedPage {
  path: string;
  policy: PagePolicy | undefined;
}

/** The rules of `_headers` for a built site: `/*` for everything, then one rule per section of pages. */
export interface RuleOptions {
  /** The site's base path. Default: `/`. */
  base?: string;
  /** The rule path of Decap CMS. Default: `<base>admin/*`. */
  admin?: string;
  /** Folders of files served as they are (`assetFolders()`). Default: assetFolders(). */
  assets?: readonly string[];
}

export function headerRules(pages: readonly BuiltPage[], options: RuleOptions = {}): HeadersFile {
  return headerRulesOf(
    pages.map((page) => ({ path: page.path, policy: pagePolicy(page.html) })),
    options,
  );
}

/** `headerRules` from each page's policy, worked out while the page was rendered or read back from disk. */
export function headerRulesOf(pages: readonly PolicedPage[], options: RuleOptions = {}): HeadersFile {
  const base = options.base ?? '/';
  const admin = options.admin ?? `${base}admin/*`;
  const assetRules = (options.assets ?? assetFolders()).map((folder) => `${base}${folder}/*`);
  const problems: string[] = [];
  const blocking: string[] = [];
  const sections = new Map<string, Policy[]>();
  for (const page of [...pages].sort((a, b) => a.path.localeCompare(b.path))) {
    const result = page.policy;
    if (!result) {
      problems.push(`${page.path} has no Content-Security-Policy <meta>; is security.csp set in astro.config.mjs?`);
      continue;
    }
    for (const code of result.blocked) {
      const problem = `${page.path} has inline code its own policy blocks: ${code}`;
      problems.push(problem);
      blocking.push(problem);
    }
    const section = sectionOf(page.path, base);
    if (assetRules.includes(section)) {
      // Their scripts would never run: the folder's policy forbids script.
      const problem = `${page.path} is a page in ${section.slice(0, -1)}, where files are served as they are with a policy that runs no script; move it to another folder`;
      problems.push(problem);
      blocking.push(problem);
      continue;
    }
    const policies = sections.get(section);
    if (policies) policies.push(result.policy);
    else sections.set(section, [result.policy]);
  }
  const common = parsePolicy(COMMON_HEADERS['Content-Security-Policy']!);
  const rules: HeaderRule[] = [{ path: `${base}*`, headers: { ...COMMON_HEADERS } }];
  const assetPolicy = serializePolicy(unionOf([common, parsePolicy(ASSET_DIRECTIVES.join('; '))]));
  for (const path of assetRules) rules.push({ path, headers: { 'Content-Security-Policy': assetPolicy } });
  const ordered = [...sections.keys()].sort((a, b) => (a === admin ? 1 : b === admin ? -1 : a.localeCompare(b)));
  for (const section of ordered) {
    const policy = unionOf(sections.get(section)!);
    for (const name of ['script-src', 'style-src']) {
      const sources = policy.get(name) ?? [];
      if (sources.includes("'unsafe-inline'") && sources.some((s) => s.startsWith("'sha"))) {
        problems.push(`${section}: pages of one rule mix 'unsafe-inline' and hashes in ${name}; the hashes would switch 'unsafe-inline' off`);
      }
    }
    const csp = serializePolicy(unionOf([common, policy]));
    rules.push({ path: section, headers: { ...(section === admin ? {} : PAGE_HEADERS), 'Content-Security-Policy': csp } });
  }
  if (rules.length > MAX_RULES) problems.push(`_headers has ${rules.length} rules; Cloudflare Pages reads the first ${MAX_RULES}`);
  for (const rule of rules) {
    for (const [name, value] of Object.entries(rule.headers)) {
      const length = `  ${name}: ${value}`.length;
      if (length > MAX_LINE) problems.push(`_headers: ${name} of ${rule.path} is ${length} characters; Cloudflare Pages reads lines of at most ${MAX_LINE}`);
    }
  }
  return { rules, problems, blocking };
}

export function formatHeadersFile(rules: readonly HeaderRule[], comment: string): string {
  const head = comment.split('\n').map((line) => `# ${line}`.trimEnd());
  const body = rules.flatMap((rule) => ['', rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)]);
  return [...head, ...body, ''].join('\n');
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || colon < 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    rule.headers[name] = name in rule.headers ? `${rule.headers[name]}, ${value}` : value;
  }
  return rules;
}

/** Does a rule path (`/share/*`, `/`, `/a/:id/b`) match a request path, as Netlify and Cloudflare Pages match them? */
export function matchesRule(rulePath: string, requestPath: string): boolean {
  const pattern = rulePath
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(requestPath);
}

/** The headers a host sends for `requestPath`: every matching rule, same-named headers joined with ", ". */
export function headersFor(rules: readonly HeaderRule[], requestPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!matchesRule(rule.path, requestPath)) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      out[key] = key in out ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}
