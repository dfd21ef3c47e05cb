/**
 * The Markdown renderer's safety net (a Sätteri hast plugin): raw HTML in a
 * .md body is parsed into elements (`features.rawHtml`), then the whole tree
 * goes through hast-util-sanitize with the allowlist of safe-html.ts, every
 * link and image address is judged the way browsers read it (judgeAddress:
 * WHATWG URL parsing against the hub's address), and links that leave the
 * hub get rel="noopener noreferrer". The content check already rejects all
 * of this with a message; this makes sure that nothing it missed can ever
 * reach a page.
 */
import { sanitize } from 'hast-util-sanitize';
import { defineHastPlugin, type HastNode } from 'satteri';
import { judgeAddress, sanitizeSchema } from './safe-html.ts';

export interface SanitizeOptions {
  /** The hub's own address (settings.site): links that resolve elsewhere get rel="noopener noreferrer". */
  site: string;
}

export function sanitizeMarkdown(options: SanitizeOptions) {
  const schema = sanitizeSchema();
  // The first pass leaves schemes to judgeAddress, which reads them as browsers do ("HTTPS:" is https:);
  // the second checks the normalised addresses against the schema's protocols again.
  const elementsOnly = { ...schema, protocols: {} };
  return defineHastPlugin({
    name: 'hub:sanitize-markdown',
    before(root, ctx) {
      // MDX is code (its elements are JSX, not these): reviewed like code, linted, never rewritten.
      if (ctx.sourceFormat === 'mdx') return;
      ctx.replaceNode(root, cleanTree(root, options));
    },
  });

  /** A safe copy of `tree`: the allowlist applied by hast-util-sanitize, every address judged, then the schema once more. */
  function cleanTree(tree: HastNode, { site }: SanitizeOptions): HastNode {
    const clean = sanitize(tree, elementsOnly);
    const visit = (node: HastNode) => {
      if (node.type === 'element') judgeAddresses(node, site);
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(clean);
    return sanitize(clean, schema);
  }
}

/** Drops each address a browser would follow somewhere it should not go, and marks links off the hub. */
function judgeAddresses(element: Extract<HastNode, { type: 'element' }>, site: string): void {
  const properties = element.properties;
  for (const name of ['href', 'src'] as const) {
    const value = properties[name];
    if (value === undefined || value === null) continue;
    const verdict = judgeAddress(String(value), name === 'href' ? 'link' : 'image', site);
    if (!verdict.ok) {
      delete properties[name];
      continue;
    }
    properties[name] = verdict.href;
    if (name === 'href' && element.tagName === 'a' && verdict.external) {
      properties.rel = [...new Set([...relOf(properties.rel), 'noopener', 'noreferrer'])];
    }
  }
}

function relOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
