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
 * Raw HTML is found by Sätteri, the parser that renders the page (so code
 * spans and code blocks are never mistaken for HTML), then each piece is
 * parsed into elements with decoded attributes and judged by the allowlist.
 */
import { defineHastPlugin, defineMdastPlugin, markdownToHtml, mdxToJs, type MdastNode, type HastNode } from 'satteri';
import { type AddressUse, judgeAddress, judgeElement } from '../../lib/markdown/safe-html.ts';
import { maskCode } from './lint.ts';
import type { Problem } from '../../lib/problems.ts';
import { quote } from '../../model/words.ts';
import type { CheckedEntry } from '../entry.ts';

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
export function judgeRawHtml(html: string, site: string): { removed: string[]; unwrapped: string[] } {
  const removed: string[] = [];
  const unwrapped: string[] = [];
  const collect = defineHastPlugin({
    name: 'hub:judge-raw-html',
    before(root) {
      const walk = (node: HastNode) => {
        if (node.type === 'element') {
          const verdict = judgeElement(node.tagName, node.properties as Record<string, unknown>, site);
          (verdict.action === 'unwrap' ? unwrapped : removed).push(...verdict.reasons);
          if (verdict.action === 'remove') return;
        }
        if ('children' in node && node.children) for (const child of node.children as HastNode[]) walk(child);
      };
      walk(root as HastNode);
    },
  });
  markdownToHtml(html, { hastPlugins: [collect], features: { rawHtml: true, gfm: false } });
  return { removed: [...new Set(removed)], unwrapped: [...new Set(unwrapped)] };
}

/** A visitor of the Markdown links, images and link definitions of a body, reporting each address the renderer would drop. */
function addressScan(site: string, found: Found[]) {
  const judge = (node: MdastNode, url: string, use: AddressUse) => {
    const verdict = judgeAddress(url, use, site);
    if (verdict.ok) return;
    const line = node.position?.start.line ?? 1;
    if (use === 'image' && /^https?:\/\//i.test(url) && !/\s/.test(url)) {
      const alt = 'alt' in node ? (node.alt ?? '') : '';
      found.push({
        line,
        message: `shows the image ${quote(url)} from another site, which readers' browsers would fetch from there (the hub never calls elsewhere); save the image next to the entry and write ![${alt}](./file.jpg)`,
      });
    } else found.push({ line, message: `has ${verdict.reason}` });
  };
  return defineMdastPlugin({
    name: 'hub:body-addresses',
    options: { position: true },
    link: (node) => judge(node, node.url, 'link'),
    definition: (node) => judge(node, node.url, 'link'),
    image: (node) => judge(node, node.url, 'image'),
  });
}

/** Problems of a Markdown (.md) body: raw HTML the page would lose, addresses it would drop. */
export function markdownBodyProblems(body: string, site: string): Found[] {
  const found: Found[] = [];
  const scan = defineMdastPlugin({
    name: 'hub:body-safety',
    options: { position: true },
    html(node) {
      const { removed, unwrapped } = judgeRawHtml(node.value, site);
      const tag = quote(`${/<[a-z][^\s/>]*/i.exec(node.value)?.[0] ?? node.value.slice(0, 20)}…`);
      const line = node.position?.start.line ?? 1;
      if (removed.length) {
        found.push({ line, message: `has raw HTML that is not allowed (${removed.join('; ')}) in ${tag}; write Markdown instead, or ask a developer for a component in an .mdx file` });
      } else if (unwrapped.length) {
        found.push({ line, severity: 'warning', message: `has raw HTML the page leaves out (${unwrapped.join('; ')}) in ${tag}` });
      }
    },
  });
  markdownToHtml(body, { mdastPlugins: [scan, addressScan(site, found)] });
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
export function mdxBodyProblems(body: string, site: string): Found[] {
  const code = maskCode(body);
  const found: Found[] = [];
  try {
    mdxToJs(body, { mdastPlugins: [addressScan(site, found)] });
  } catch {
    // Not valid MDX: Astro's MDX compiler reports it with its line when the page is built.
  }
  for (const rule of MDX_RULES) {
    for (const match of code.matchAll(rule.pattern)) {
      found.push({ line: code.slice(0, match.index).split('\n').length, message: rule.message(match) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

export function checkBodySafety(entries: readonly CheckedEntry[], site: string): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.body.trim()) continue;
    const found = entry.file.toLowerCase().endsWith('.mdx') ? mdxBodyProblems(entry.body, site) : markdownBodyProblems(entry.body, site);
    // Line 1 of the body is the closing "---" line's remainder, as bodyLine counts it.
    const lineStarts = [0, ...[...entry.body.matchAll(/\n/g)].map((m) => m.index! + 1)];
    for (const { line, message, severity = 'error' } of found) {
      problems.push({ severity, file: entry.file, line: entry.bodyLine(lineStarts[line - 1] ?? 0), field: 'body', message });
    }
  }
  return problems;
}
