/** Built pages read with parse5 (the HTML standard's parser), for checks over every file of dist/. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';

export interface FoundElement {
  tag: string;
  attrs: Record<string, string>;
  /** Text of a <script> or <style>. */
  text: string;
}

type Parse5Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Parse5Node[]; content?: Parse5Node; value?: string };

/** Every element of an HTML document, in document order (template contents included). */
export function elementsOf(html: string): FoundElement[] {
  const out: FoundElement[] = [];
  const walk = (node: Parse5Node) => {
    if (node.tagName) {
      const text = (node.childNodes ?? []).map((c) => (c.nodeName === '#text' ? (c.value ?? '') : '')).join('');
      out.push({ tag: node.tagName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), text });
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Parse5Node);
  return out;
}

/** Files under `dir` whose names end with one of `extensions`, relative with forward slashes. */
export function filesWith(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => extensions.some((ext) => f.endsWith(ext)))
    .sort();
}

export function readText(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

/** Attributes that hold a URL a browser may navigate to or load. */
export const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite', 'background', 'srcset'];

/** Does a URL start with a scheme that runs script (as browsers read it, ignoring control characters and spaces)? */
export function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what browsers strip from a URL, so what this looks for
  return /^(?:javascript|vbscript):/i.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
}

/**
 * Every script URL (javascript:, vbscript:) a reader could follow in a built
 * site: URL attributes of HTML and SVG elements, links of the RSS and sitemap
 * feeds, url/link/href values of JSON files, and URL properties of iCalendar
 * files. Text that merely mentions "javascript:" (escaped content) is not a link.
 */
export function scriptUrlsIn(dir: string): string[] {
  const found: string[] = [];
  for (const file of filesWith(dir, ['.html', '.svg'])) {
    for (const element of elementsOf(readText(dir, file))) {
      for (const name of URL_ATTRIBUTES) {
        const value = element.attrs[name];
        if (value !== undefined && value.split(',').some((part) => isScriptUrl(part.trim()))) found.push(`${file}: <${element.tag} ${name}="${value}">`);
      }
    }
  }
  for (const file of filesWith(dir, ['.xml'])) {
    for (const [, url] of readText(dir, file).matchAll(/<(?:link|loc|guid|url)\b[^>]*>\s*(?:<!\[CDATA\[)?([^<\]]*)/g)) {
      if (isScriptUrl(url!.trim())) found.push(`${file}: ${url}`);
    }
  }
  for (const file of filesWith(dir, ['.json'])) {
    const walk = (value: unknown, key = ''): void => {
      if (typeof value === 'string' && /url|link|href/i.test(key) && isScriptUrl(value)) found.push(`${file}: ${key} ${value}`);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, Array.isArray(value) ? key : k);
    };
    walk(JSON.parse(readText(dir, file)));
  }
  for (const file of filesWith(dir, ['.ics'])) {
    for (const [, url] of readText(dir, file)
      .replace(/\r?\n[ \t]/g, '')
      .matchAll(/^URL[^:]*:(.*)$/gm))
      if (isScriptUrl(url!)) found.push(`${file}: ${url}`);
  }
  return found;
}

/** The URL of a built file as the site serves it: `articles/a/index.html` → `<site>/articles/a/`. */
export function pageUrl(file: string, site: string): URL {
  return new URL(file.replace(/(^|\/)index\.html$/, '$1'), new URL('/', site));
}

/**
 * Every link (`<a>`, `<area>`) of the built pages under `dir` whose address,
 * resolved the way a browser resolves it against its page (WHATWG URL: so
 * `//host/`, `/\host/` and `http:` count as well as `https:`), leaves the
 * origin of `site`: mailto:, tel: and webcal: links too. `missing` are those
 * without both "noopener" and "noreferrer" in rel, as `file: href`.
 */
export function offSiteLinks(dir: string, site: string): { count: number; missing: string[] } {
  const origin = new URL(site).origin;
  let count = 0;
  const missing: string[] = [];
  for (const file of filesWith(dir, ['.html'])) {
    const base = pageUrl(file, site);
    for (const element of elementsOf(readText(dir, file))) {
      if ((element.tag !== 'a' && element.tag !== 'area') || element.attrs.href === undefined) continue;
      // A javascript: link leads nowhere (the one the hub ships, /compose/'s bookmarklet, is checked by scriptUrlsIn).
      if (/^\s*javascript:/i.test(element.attrs.href)) continue;
      let target: string;
      try {
        target = new URL(element.attrs.href, base).origin;
      } catch {
        target = 'unreadable';
      }
      if (target === origin) continue;
      count++;
      const rel = (element.attrs.rel ?? '').toLowerCase().split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) missing.push(`${file}: ${element.attrs.href}`);
    }
  }
  return { count, missing };
}
