/**
 * The Markdown renderer's safety net (a Sätteri hast plugin): raw HTML in a
 * .md body is parsed into elements (`features.rawHtml`), then every element
 * outside the allowlist of safe-html.ts is removed or unwrapped, event
 * handlers and unsafe link and image addresses are dropped, and links to
 * other sites get rel="noopener noreferrer". The content check already
 * rejects all of this with a message; this makes sure that nothing it missed
 * can ever reach a page.
 */
import { defineHastPlugin, type HastNode } from 'satteri';
import { isExternal, judgeElement } from './safe-html.ts';

export interface SanitizeOptions {
  /** The hub's own host (settings.site); links elsewhere get rel="noopener noreferrer". */
  siteHost?: string;
}

export function sanitizeMarkdown(options: SanitizeOptions = {}) {
  return defineHastPlugin({
    name: 'hub:sanitize-markdown',
    // One walk from the root, so nothing inside an element that is removed or unwrapped is touched twice.
    before(root, ctx) {
      // MDX is code (its elements are JSX, not these): reviewed like code, linted, never rewritten.
      if (ctx.sourceFormat === 'mdx') return;
      const walk = (node: HastNode) => {
        if (node.type === 'element') {
          const verdict = judgeElement(node.tagName, node.properties as Record<string, unknown>);
          if (verdict.action !== 'keep') {
            // An unwrapped element keeps its content, cleaned as a copy.
            return ctx.replaceNode(node, verdict.action === 'remove' ? [] : (node.children as HastNode[]).flatMap((child) => clean(child, options)));
          }
          for (const name of verdict.attributes) ctx.setProperty(node, name, undefined);
          const rel = externalRel(node, verdict.attributes, options);
          if (rel) ctx.setProperty(node, 'rel', rel);
        }
        if ('children' in node && node.children) for (const child of node.children as HastNode[]) walk(child);
      };
      walk(root as HastNode);
    },
  });
}

/** rel for a link to another site: the editor's values plus noopener and noreferrer. */
function externalRel(node: { tagName: string; properties: Record<string, unknown> }, dropped: readonly string[], options: SanitizeOptions): string[] | undefined {
  const href = node.properties.href;
  if (node.tagName !== 'a' || typeof href !== 'string' || dropped.includes('href') || !isExternal(href, options.siteHost)) return undefined;
  return [...new Set([...relOf(node.properties.rel), 'noopener', 'noreferrer'])];
}

/** A copy of `node` with the policy applied throughout: no, one or several nodes. */
export function clean(node: HastNode, options: SanitizeOptions = {}): HastNode[] {
  if (node.type !== 'element') return node.type === 'text' ? [{ type: 'text', value: node.value }] : [];
  const verdict = judgeElement(node.tagName, node.properties as Record<string, unknown>);
  const children = (node.children as HastNode[]).flatMap((child) => clean(child, options));
  if (verdict.action === 'remove') return [];
  if (verdict.action === 'unwrap') return children;
  const properties = Object.fromEntries(Object.entries(node.properties).filter(([name]) => !verdict.attributes.includes(name)));
  const rel = externalRel(node, verdict.attributes, options);
  if (rel) properties.rel = rel;
  return [{ type: 'element', tagName: node.tagName, properties, children } as HastNode];
}

function relOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
