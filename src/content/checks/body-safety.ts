/**
 * What a body may not do, checked with the file and line:
 *
 * - .md bodies: raw HTML outside the allowlist of src/lib/markdown/safe-html.ts
 *   (<script>, <iframe>, forms, styles, on…= event handlers, javascript: and
 *   data: addresses, however they are written), and images from other sites
 *   (the hub never makes readers' browsers call elsewhere). The renderer
 *   removes the same things; the check says what and where, so nothing is
 *   dropped silently.
 * - .mdx bodies are code: components and expressions run at build time, and
 *   their editors are trusted like developers (docs/security.md). Still, a
 *   <script> element, an event handler, dangerouslySetInnerHTML or a
 *   javascript: address in content is a mistake or an attack, and is refused.
 *
 * Raw HTML is found by Sätteri, the parser that renders the page (so code
 * spans and code blocks are never mistaken for HTML), then each piece is
 * parsed into elements with decoded attributes and judged by the allowlist.
 */
import { defineHastPlugin, defineMdastPlugin, markdownToHtml, type HastNode } from 'satteri';
import { isLocalSource, judgeElement, schemeOf } from '../../lib/markdown/safe-html.ts';
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
export function judgeRawHtml(html: string): { removed: string[]; unwrapped: string[] } {
  const removed: string[] = [];
  const unwrapped: string[] = [];
  const collect = defineHastPlugin({
    name: 'hub:judge-raw-html',
    before(root) {
      const walk = (node: HastNode) => {
        if (node.type === 'element') {
          const verdict = judgeElement(node.tagName, node.properties as Record<string, unknown>);
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

/** Problems of a Markdown (.md) body: raw HTML the page would lose, images from other sites. */
export function markdownBodyProblems(body: string): Found[] {
  const found: Found[] = [];
  const scan = defineMdastPlugin({
    name: 'hub:body-safety',
    options: { position: true },
    html(node) {
      const { removed, unwrapped } = judgeRawHtml(node.value);
      const tag = quote(`${/<[a-z][^\s/>]*/i.exec(node.value)?.[0] ?? node.value.slice(0, 20)}…`);
      const line = node.position?.start.line ?? 1;
      if (removed.length) {
        found.push({ line, message: `has raw HTML that is not allowed (${removed.join('; ')}) in ${tag}; write Markdown instead, or ask a developer for a component in an .mdx file` });
      } else if (unwrapped.length) {
        found.push({ line, severity: 'warning', message: `has raw HTML the page leaves out (${unwrapped.join('; ')}) in ${tag}` });
      }
    },
    image(node) {
      if (!isLocalSource(node.url) && !schemeOf(node.url)?.match(/^(javascript|data|vbscript)$/)) {
        found.push({
          line: node.position?.start.line ?? 1,
          message: `shows the image ${quote(node.url)} from another site, which readers' browsers would fetch from there (the hub never calls elsewhere); save the image next to the entry and write ![${node.alt ?? ''}](./file.jpg)`,
        });
      }
    },
  });
  markdownToHtml(body, { mdastPlugins: [scan] });
  return found;
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

/** Problems of an MDX body: script, handlers, raw HTML injection and script addresses. */
export function mdxBodyProblems(body: string): Found[] {
  const code = maskCode(body);
  const found: Found[] = [];
  for (const rule of MDX_RULES) {
    for (const match of code.matchAll(rule.pattern)) {
      found.push({ line: code.slice(0, match.index).split('\n').length, message: rule.message(match) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

export function checkBodySafety(entries: readonly CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.body.trim()) continue;
    const found = entry.file.toLowerCase().endsWith('.mdx') ? mdxBodyProblems(entry.body) : markdownBodyProblems(entry.body);
    // Line 1 of the body is the closing "---" line's remainder, as bodyLine counts it.
    const lineStarts = [0, ...[...entry.body.matchAll(/\n/g)].map((m) => m.index! + 1)];
    for (const { line, message, severity = 'error' } of found) {
      problems.push({ severity, file: entry.file, line: entry.bodyLine(lineStarts[line - 1] ?? 0), field: 'body', message });
    }
  }
  return problems;
}
