/**
 * Bodies as Decap's save check reads them in the browser, where Sätteri
 * (a native parser whose WebAssembly build needs threads, so a
 * cross-origin-isolated page, which would cut the CMS's login pop-ups off)
 * cannot run: micromark with GFM (CommonMark's reference parser, as
 * Sätteri follows CommonMark and GFM) finds raw HTML and addresses, parse5
 * (the HTML standard's parsing) reads the HTML into elements. The build's
 * reader and this one give the same pieces and lines
 * (tests/unit/body-readers.test.ts). MDX is left to the build: the CMS
 * writes .md files only.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { BodyReader, ReadBody } from './body-safety.ts';

export const mdastReader: BodyReader = {
  markdown(body) {
    const read: ReadBody = { html: [], addresses: [] };
    const walk = (node: Nodes) => {
      const line = node.position?.start.line ?? 1;
      if (node.type === 'html') read.html.push({ value: node.value, line });
      else if (node.type === 'link' || node.type === 'definition') read.addresses.push({ url: node.url, use: 'link', line, alt: '' });
      else if (node.type === 'image') read.addresses.push({ url: node.url, use: 'image', line, alt: node.alt ?? '' });
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
    return read;
  },
  mdx: () => undefined,
  html: (html) => fromHtml(html, { fragment: true }),
};
