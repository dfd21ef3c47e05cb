/**
 * Previews in Decap CMS styled like the hub: its stylesheet, and a snippet
 * template that shows each wording as advocates will see it.
 */
type Immutable = { get(key: string): unknown; getIn(path: string[]): unknown; toJS?(): unknown };
type H = (tag: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;
interface PreviewProps {
  entry: Immutable;
  widgetFor(name: string): unknown;
}
interface Cms {
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(name: string, component: (props: PreviewProps) => unknown): void;
}

const { CMS, h } = window as unknown as { CMS: Cms; h: H };

CMS.registerPreviewStyle(new URL('preview.css', document.baseURI).href);

CMS.registerPreviewTemplate('snippets', ({ entry, widgetFor }) => {
  const data = (entry.get('data') as Immutable).toJS?.() as { title?: string; link?: string; hashtags?: string[]; variants?: { text?: string; networks?: string[] }[] };
  const tags = (data.hashtags ?? []).map((tag) => `#${tag}`).join(' ');
  return h(
    'article',
    { className: 'container' },
    h('p', { className: 'eyebrow' }, 'Ready to share'),
    h('h1', null, data.title ?? ''),
    h('div', { className: 'prose' }, widgetFor('body')),
    ...(data.variants ?? []).map((variant, index) =>
      h(
        'figure',
        { className: 'variant', key: index },
        h('figcaption', null, `Wording ${index + 1}${variant.networks?.length ? ` · ${variant.networks.join(', ')}` : ''}`),
        h('blockquote', null, [variant.text ?? '', tags, data.link ?? ''].filter(Boolean).join('\n\n')),
      ),
    ),
  );
});
