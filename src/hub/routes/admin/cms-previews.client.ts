/**
 * Previews in Decap CMS that read like the hub's pages, in the hub's
 * stylesheet: a snippet shows each wording as the post each network gets
 * (hashtags, disclosure, tagged link) with the count the build checks; a
 * guideline its Do and Don't lists apart; a training module its questions
 * with the right option marked, not "Answer: 1". Decap's default preview
 * would list every field as "Name: value".
 */
import { type PreviewNode, type PreviewSettings, guidelineView, pageView, snippetView, trainingView } from '../../../lib/cms/preview.ts';

type Immutable = { get(key: string): unknown; toJS?(): unknown };
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface PreviewProps {
  entry: Immutable;
  widgetFor(name: string): unknown;
  getAsset(path: string): { toString(): string } | undefined;
}
interface Cms {
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(name: string, component: (props: PreviewProps) => unknown): void;
}

const { CMS, h } = window as unknown as { CMS: Cms; h: H };
const { share } = JSON.parse(document.body.dataset.hubCms ?? '{}') as { share: PreviewSettings };

/** A preview tree (plain data, built and tested in src/lib/cms/preview.ts) as React elements. */
function render(node: PreviewNode | string, props: PreviewProps, key?: number): unknown {
  if (typeof node === 'string') return node;
  if (node.tag === 'body') return h('div', { key, className: 'prose' }, props.widgetFor('body'));
  if (node.tag === 'img') {
    const src = String(node.attrs?.src ?? '');
    return h('img', { key, className: node.className, alt: node.attrs?.alt ?? '', src: props.getAsset(src)?.toString() ?? src });
  }
  return h(node.tag, { key, className: node.className, ...node.attrs }, ...(node.children ?? []).map((child, index) => render(child, props, index)));
}

const dataOf = (entry: Immutable) => ((entry.get('data') as Immutable).toJS?.() ?? {}) as Record<string, unknown>;

CMS.registerPreviewStyle(new URL('preview.css', document.baseURI).href);
CMS.registerPreviewTemplate('snippets', (props) => render(snippetView(dataOf(props.entry), share, String(props.entry.get('slug') ?? 'new')), props));
CMS.registerPreviewTemplate('guidelines', (props) => render(guidelineView(dataOf(props.entry)), props));
CMS.registerPreviewTemplate('training', (props) => render(trainingView(dataOf(props.entry)), props));
for (const collection of ['articles', 'campaigns', 'people', 'tracks']) {
  CMS.registerPreviewTemplate(collection, (props) => render(pageView(collection, dataOf(props.entry)), props));
}
