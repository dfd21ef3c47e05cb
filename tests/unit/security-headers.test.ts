import { describe, expect, it } from 'vitest';
import {
  COMMON_HEADERS,
  assetFolders,
  formatHeadersFile,
  headerRules,
  headersFor,
  inlineCode,
  matchesRule,
  pagePolicy,
  parseHeadersFile,
  sectionOf,
} from '../../src/lib/security/headers.ts';
import { adminPolicy, hashOf, parsePolicy, serializePolicy, unionOf } from '../../src/lib/security/policy.ts';

const page = (policy: string, body = '') =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy.replace(/'/g, '&#39;')}"></head><body>${body}</body></html>`;

describe('inline code of a built page', () => {
  it('finds scripts that run and styles, not data blocks, external scripts or commented-out code', () => {
    const html = `<script type="module">a()</script><script src="/x.js"></script><script type="application/json">{"a":"<"}</script>
      <script type="text/pagefind-template"><li></li></script><!-- <script>old()</script> --><style>p{}</style><script>b()</script>`;
    expect(inlineCode(html)).toEqual({ scripts: ['a()', 'b()'], styles: ['p{}'] });
  });

  it('reads script text raw, and markup inside attribute values as text (hostile content puts it there)', () => {
    const html = `<meta name="description" content="<script>window.x=1</script>"><title>&lt;style&gt;</title><script>a &amp;&amp; b</script><style>q::before{content:"&lt;"}</style>`;
    expect(inlineCode(html)).toEqual({ scripts: ['a &amp;&amp; b'], styles: ['q::before{content:"&lt;"}'] });
  });
});

describe('the header policy of a page', () => {
  const script = 'document.title = 1';
  const style = ':root{--brand:#0b5563}';
  const meta = `default-src 'none'; script-src 'self' '${hashOf(script)}' '${hashOf('bundle')}'; style-src 'self' '${hashOf(style)}'`;

  it('is the page’s meta policy with hashes of its own inline code only, and frame-ancestors', () => {
    const result = pagePolicy(page(meta, `<script>${script}</script><style>${style}</style>`))!;
    expect(result.blocked).toEqual([]);
    expect(result.policy.get('script-src')).toEqual(["'self'", `'${hashOf(script)}'`]);
    expect(result.policy.get('style-src')).toEqual(["'self'", `'${hashOf(style)}'`]);
    expect(result.policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names inline code the page’s own policy blocks (an unhashed style such as the brand colours were)', () => {
    const result = pagePolicy(page(meta, `<style>${style}</style><style>body{color:red}</style>`))!;
    expect(result.blocked).toEqual(['<style> body{color:red}…']);
  });

  it('keeps unsafe-inline without hashes where the page allows any inline style (Decap CMS)', () => {
    const result = pagePolicy(page("style-src 'self' 'unsafe-inline'; script-src 'self'", '<style>x{}</style>'))!;
    expect(result.blocked).toEqual([]);
    expect(result.policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('the rules of _headers', () => {
  const share = page(`default-src 'none'; script-src 'self' '${hashOf('a()')}'; style-src 'self'`, '<script>a()</script>');
  const search = page(`default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`);
  const admin = page("default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'");
  const { rules, problems } = headerRules([
    { path: '/', html: share },
    { path: '/404.html', html: share },
    { path: '/share/a/', html: share },
    { path: '/share/', html: share },
    { path: '/search/', html: search },
    { path: '/admin/', html: admin },
  ]);
  const csp = (path: string) => rules.find((r) => r.path === path)!.headers['Content-Security-Policy']!;

  it('has one rule for every path, then one per section of pages, /admin/ last', () => {
    expect(problems).toEqual([]);
    expect(rules.map((r) => r.path)).toEqual(['/*', '/_astro/*', '/uploads/*', '/brand/*', '/og/*', '/', '/404.html', '/search/*', '/share/*', '/admin/*']);
    expect(rules[0]!.headers).toEqual(COMMON_HEADERS);
    expect(sectionOf('/hub/share/a/', '/hub/')).toBe('/hub/share/*');
    expect(sectionOf('/hub/', '/hub/')).toBe('/hub/');
  });

  it('keeps each section to what its pages need', () => {
    expect(csp('/share/*')).toContain(`'${hashOf('a()')}'`);
    expect(csp('/share/*')).not.toContain('wasm-unsafe-eval');
    expect(csp('/search/*')).toContain("'wasm-unsafe-eval'");
    expect(csp('/admin/*')).toContain("'unsafe-eval'");
    expect(rules.find((r) => r.path === '/admin/*')!.headers['Cross-Origin-Opener-Policy']).toBeUndefined();
    for (const rule of rules) expect(rule.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it('round-trips through the file format, and hosts send every matching rule, joining repeated headers', () => {
    const parsed = parseHeadersFile(formatHeadersFile(rules, 'generated\nby a test'));
    expect(parsed).toEqual(rules);
    const sent = headersFor(parsed, '/share/a/');
    expect(sent['X-Content-Type-Options']).toBe('nosniff');
    expect(sent['Content-Security-Policy']).toBe(`${COMMON_HEADERS['Content-Security-Policy']}, ${csp('/share/*')}`);
    expect(headersFor(parsed, '/og/hub.png')['Content-Security-Policy']).toBe(`${COMMON_HEADERS['Content-Security-Policy']}, ${csp('/og/*')}`);
  });

  it('gives every folder of files served as they are a policy that runs no script, on top of the one of every response', () => {
    for (const folder of ['/_astro/*', '/uploads/*', '/brand/*', '/og/*']) {
      const policy = parsePolicy(csp(folder));
      expect(policy.get('script-src'), folder).toEqual(["'none'"]);
      expect(policy.get('default-src'), folder).toEqual(["'none'"]);
      expect(policy.has('sandbox'), folder).toBe(true);
      // What SVGs draw with; nothing that loads or runs anything.
      expect(policy.get('style-src'), folder).toEqual(["'unsafe-inline'"]);
      // A host that lets the later rule win still sends what every response has.
      expect(policy.get('frame-ancestors'), folder).toEqual(["'none'"]);
    }
    const sent = headersFor(rules, '/uploads/evil.svg');
    expect(sent['X-Content-Type-Options']).toBe('nosniff');
    expect(sent['Content-Security-Policy']).toBe(`${COMMON_HEADERS['Content-Security-Policy']}, ${csp('/uploads/*')}`);
    // Astro's build.assets, when it is configured, and the base path.
    expect(headerRules([], { base: '/hub/', assets: assetFolders('/static/') }).rules.map((r) => r.path)).toEqual([
      '/hub/*',
      '/hub/static/*',
      '/hub/uploads/*',
      '/hub/brand/*',
      '/hub/og/*',
    ]);
  });

  it('stops the build for a page inside a folder of files served as they are, whose scripts would never run', () => {
    const result = headerRules([{ path: '/brand/story/', html: share }]);
    expect(result.blocking).toEqual([
      '/brand/story/ is a page in /brand/, where files are served as they are with a policy that runs no script; move it to another folder',
    ]);
  });

  it('reports a page that blocks its own inline code, and a page without a policy', () => {
    const result = headerRules([
      { path: '/a/', html: page("script-src 'self'; style-src 'self'", '<style>x{}</style>') },
      { path: '/b/', html: '<html><body></body></html>' },
      { path: '/roadblocks/', html: '<html><body></body></html>' },
    ]);
    expect(result.problems).toEqual([
      '/a/ has inline code its own policy blocks: <style> x{}…',
      '/b/ has no Content-Security-Policy <meta>; is security.csp set in astro.config.mjs?',
      '/roadblocks/ has no Content-Security-Policy <meta>; is security.csp set in astro.config.mjs?',
    ]);
    // Only blocked inline code stops the build, whatever words a page's path holds.
    expect(result.blocking).toEqual(['/a/ has inline code its own policy blocks: <style> x{}…']);
  });
});

describe('rule paths', () => {
  it('match as Netlify and Cloudflare Pages match them', () => {
    expect(matchesRule('/*', '/anything/at/all')).toBe(true);
    expect(matchesRule('/', '/')).toBe(true);
    expect(matchesRule('/', '/share/')).toBe(false);
    expect(matchesRule('/share/*', '/share/')).toBe(true);
    expect(matchesRule('/share/*', '/share/a/')).toBe(true);
    expect(matchesRule('/share/*', '/shared/')).toBe(false);
    expect(matchesRule('/start/:id/qr.svg', '/start/a/qr.svg')).toBe(true);
    expect(matchesRule('/404.html', '/404xhtml')).toBe(false);
  });
});

describe('policies', () => {
  it('parse, print and unite directive by directive; a lone none gives way', () => {
    const a = parsePolicy("default-src 'none'; img-src 'none'; script-src 'self'");
    const b = parsePolicy("img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'");
    expect(serializePolicy(unionOf([a, b]))).toBe("default-src 'none'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'");
  });

  it('open /admin/ to the configured Git host only', () => {
    expect(adminPolicy({ name: 'github', repo: 'a/b' }).directives).toContain("connect-src 'self' https://api.github.com");
    expect(adminPolicy({ name: 'gitlab', repo: 'a/b' }).directives).toContain("connect-src 'self' https://gitlab.com");
    expect(adminPolicy({ name: 'test-repo' }).directives).toContain("connect-src 'self'");
    expect(adminPolicy({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' }).directives).toContain("connect-src 'self' http://127.0.0.1:8081");
  });
});
