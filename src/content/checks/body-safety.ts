/**
 * What a body may not do, checked with the file and line:
 *
 * - .md bodies: raw HTML outside the allowlist of src/lib/markdown/safe-html.ts
 *   (<script>, <iframe>, forms, styles, on…= event handlers), and every link
 *   and image address, in raw HTML or Markdown, judged as browsers read it
 *   (judgeAddress): script and data addresses however they are written,
 *   tabs, line breaks, bidirectional characters and backslashes that hide
 *   where an address leads, protocol-relative //host links, user names and
 *   passwords, and images from other sites (the hub never makes readers'
 *   browsers call elsewhere). The renderer removes the same things; the
 *   check says what and where, so nothing is dropped silently.
 * - .mdx bodies are code: components and expressions run at build time, and
 *   their editors are trusted like developers (docs/security.md). Still, a
 *   <script> element, an event handler, dangerouslySetInnerHTML or a
 *   javascript: address in content is a mistake or an attack, and is refused;
 *   their Markdown links and images are judged like those of .md bodies.
 *
 * Raw HTML and addresses are found by a Markdown parser (so code spans and
 * code blocks are never mistaken for HTML), then each piece of HTML is
 * parsed into elements with decoded attributes and judged by the allowlist.
 * The parser is a BodyReader: the build reads bodies with Sätteri, the
 * parser that renders the page (body-reader-satteri.ts); Decap's save check
 * in the browser, where Sätteri's threads cannot run, with micromark and
 * parse5 (body-reader-mdast.ts). Both give the same pieces and lines for the
 * same body (tests/unit/body-readers.test.ts), and these rules judge them, so
 * the CMS and the build refuse a body with the same words.
 */
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import { type AddressUse, judgeAddress, judgeElement } from '../../lib/markdown/safe-html.ts';
import { maskCode } from './lint.ts';
import type { Problem } from '../../lib/problems.ts';
import { quote } from '../../model/words.ts';
import type { CheckedEntry } from '../entry.ts';

/** What a body holds that the rules judge, with 1-based lines within the body. */
export interface ReadBody {
  /** Raw HTML pieces (blocks, and each inline tag), as written. */
  html: { value: string; line: number }[];
  /** Addresses of Markdown links, images and link definitions, entities decoded. */
  addresses: { url: string; use: AddressUse; line: number; alt: string }[];
}

/** A Markdown parser, as the rules need it. */
export interface BodyReader {
  /** The raw HTML and addresses of a Markdown (.md) body. */
  markdown(body: string): ReadBody;
  /** The addresses of an MDX body's Markdown; undefined when the reader cannot parse MDX. */
  mdx(body: string): ReadBody['addresses'] | undefined;
  /** A piece of raw HTML as elements with hast properties (camelCase, decoded), as a browser parses it. */
  html(html: string): HastRoot;
}

interface Found {
  /** 1-based line within the body. */
  line: number;
  message: string;
  /** Default: error. */
  severity?: Problem['severity'];
}

/**
 * What the allowlist would change in a piece of raw HTML, in editor's words:
 * removals (errors) and elements it only unwraps, keeping their text (warnings).
 */
export function judgeRawHtml(html: string, site: string, reader: BodyReader): { removed: string[]; unwrapped: string[] } {
  const removed: string[] = [];
  const unwrapped: string[] = [];
  const walk = (node: HastRoot | HastContent) => {
    if (node.type === 'element') {
      const verdict = judgeElement(node.tagName, node.properties as Record<string, unknown>, site);
      (verdict.action === 'unwrap' ? unwrapped : removed).push(...verdict.reasons);
      if (verdict.action === 'remove') return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(reader.html(html));
  return { removed: [...new Set(removed)], unwrapped: [...new Set(unwrapped)] };
}

/** Each address the renderer would drop, in editor's words. */
function addressProblems(addresses: ReadBody['addresses'], site: string): Found[] {
  const found: Found[] = [];
  for (const { url, use, line, alt } of addresses) {
    const verdict = judgeAddress(url, use, site);
    if (verdict.ok) continue;
    if (use === 'image' && /^https?:\/\//i.test(url) && !/\s/.test(url)) {
      found.push({
        line,
        message: `shows the image ${quote(url)} from another site, which readers' browsers would fetch from there (the hub never calls elsewhere); save the image next to the entry and write ![${alt}](./file.jpg)`,
      });
    } else found.push({ line, message: `has ${verdict.reason}` });
  }
  return found;
}

/** Problems of a Markdown (.md) body: raw HTML the page would lose, addresses it would drop. */
export function markdownBodyProblems(body: string, site: string, reader: BodyReader): Found[] {
  const read = reader.markdown(body);
  const found: Found[] = [];
  for (const { value, line } of read.html) {
    const { removed, unwrapped } = judgeRawHtml(value, site, reader);
    const tag = quote(`${/<[a-z][^\s/>]*/i.exec(value)?.[0] ?? value.slice(0, 20)}…`);
    if (removed.length) {
      found.push({ line, message: `has raw HTML that is not allowed (${removed.join('; ')}) in ${tag}; write Markdown instead, or ask a developer for a component in an .mdx file` });
    } else if (unwrapped.length) {
      found.push({ line, severity: 'warning', message: `has raw HTML the page leaves out (${unwrapped.join('; ')}) in ${tag}` });
    }
  }
  found.push(...addressProblems(read.addresses, site));
  return found.sort((a, b) => a.line - b.line);
}

const MDX_RULES: { pattern: RegExp; message: (match: RegExpMatchArray) => string }[] = [
  { pattern: /<script\b/gi, message: () => "has a <script> element; MDX content may use components, but scripts belong in the hub's code (src/components/), where they are reviewed" },
  { pattern: /<[A-Za-z][\w.:-]*\s[^>]*?\b(on[A-Za-z]+)\s*=/g, message: (m) => `has an event handler (${m[1]}=); handlers belong in components, not content` },
  { pattern: /\b(dangerouslySetInnerHTML|set:html)\b/g, message: (m) => `uses ${m[1]}, which puts unescaped HTML into the page` },
  {
    pattern: /\b(?:href|src|action|formaction|xlinkHref|xlink:href|to|url)\s*=\s*[{"'`\s]*(javascript|vbscript|data)\s*:/gi,
    message: (m) => `has a ${m[1]!.toLowerCase()}: address, which can run code`,
  },
];

/** Problems of an MDX body: script, handlers, raw HTML injection, script addresses, and its Markdown links and images. */
export function mdxBodyProblems(body: string, site: string, reader: BodyReader): Found[] {
  const code = maskCode(body);
  const found = addressProblems(reader.mdx(body) ?? [], site);
  for (const rule of MDX_RULES) {
    for (const match of code.matchAll(rule.pattern)) {
      found.push({ line: code.slice(0, match.index).split('\n').length, message: rule.message(match) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

export function checkBodySafety(entries: readonly CheckedEntry[], site: string, reader: BodyReader): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.body.trim()) continue;
    const found = entry.file.toLowerCase().endsWith('.mdx') ? mdxBodyProblems(entry.body, site, reader) : markdownBodyProblems(entry.body, site, reader);
    // Line 1 of the body is the closing "---" line's remainder, as bodyLine counts it.
    const lineStarts = [0, ...[...entry.body.matchAll(/\n/g)].map((m) => m.index! + 1)];
    for (const { line, message, severity = 'error' } of found) {
      problems.push({ severity, file: entry.file, line: entry.bodyLine(lineStarts[line - 1] ?? 0), field: 'body', message });
    }
  }
  return problems;
}
