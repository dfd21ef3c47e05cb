/**
 * Bodies as the build reads them: with Sätteri, the parser that renders the
 * page, so the check finds raw HTML and addresses exactly where the page has
 * them. Sätteri's nodes live only while its plugins run, so what the rules
 * need is copied out there.
 */
import type { Element, ElementContent, Root } from 'hast';
import { defineHastPlugin, defineMdastPlugin, markdownToHtml, mdxToJs, type HastNode, type MdastNode } from 'satteri';
import type { BodyReader, ReadBody } from './body-safety.ts';

function collector(read: ReadBody) {
  const line = (node: MdastNode) => node.position?.start.line ?? 1;
  return defineMdastPlugin({
    name: 'hub:body-safety',
    options: { position: true },
    html: (node) => void read.html.push({ value: node.value, line: line(node) }),
    link: (node) => void read.addresses.push({ url: node.url, use: 'link', line: line(node), alt: '' }),
    definition: (node) => void read.addresses.push({ url: node.url, use: 'link', line: line(node), alt: '' }),
    image: (node) => void read.addresses.push({ url: node.url, use: 'image', line: line(node), alt: node.alt ?? '' }),
  });
}

/** A plain copy of the elements and text of a Sätteri hast tree. */
function copy(node: HastNode): ElementContent[] {
  if (node.type === 'element') {
    const children = 'children' in node && node.children ? (node.children as HastNode[]).flatMap(copy) : [];
    return [{ type: 'element', tagName: node.tagName, properties: { ...(node.properties as Element['properties']) }, children } satisfies Element];
  }
  if (node.type === 'text') return [{ type: 'text', value: node.value }];
  if ('children' in node && node.children) return (node.children as HastNode[]).flatMap(copy);
  return [];
}

export const satteriReader: BodyReader = {
  markdown(body) {
    const read: ReadBody = { html: [], addresses: [] };
    markdownToHtml(body, { mdastPlugins: [collector(read)] });
    return read;
  },
  mdx(body) {
    const read: ReadBody = { html: [], addresses: [] };
    try {
      mdxToJs(body, { mdastPlugins: [collector(read)] });
    } catch {
      // Not valid MDX: Astro's MDX compiler reports it with its line when the page is built.
    }
    return read.addresses;
  },
  html(html) {
    const root: Root = { type: 'root', children: [] };
    const collect = defineHastPlugin({
      name: 'hub:judge-raw-html',
      before(tree) {
        root.children = copy(tree as HastNode);
      },
    });
    markdownToHtml(html, { hastPlugins: [collect], features: { rawHtml: true, gfm: false } });
    return root;
  },
};
