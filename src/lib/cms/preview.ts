/**
 * What Decap's preview pane shows for an entry being edited, as plain trees
 * the admin page turns into React elements (routes/admin/cms-previews.client.ts).
 * The snippet preview composes and counts each post with the hub's own
 * sharing code (src/lib/share), the way the build's length check does.
 */
import { CODE_MAX_LENGTH, LONGEST_CODE } from '../../model/ids.ts';
import { type NetworkId, isNetworkId, network, offeredNetworks } from '../../model/networks.ts';
import { type Shareable, type ShareSettings, networksOfVariant } from '../share/draft.ts';
import { sharePost } from '../share/posts.ts';
import { humanize } from '../labels.ts';

export interface PreviewNode {
  tag: string;
  className?: string;
  attrs?: Record<string, string>;
  children?: (PreviewNode | string)[];
}

export interface PreviewSettings extends ShareSettings {
  /** settings.networks, in button order. */
  networks: NetworkId[];
}

type Data = Record<string, unknown>;

const el = (tag: string, className: string | undefined, ...children: (PreviewNode | string | undefined | false)[]): PreviewNode => ({
  tag,
  ...(className && { className }),
  children: children.filter((child): child is PreviewNode | string => child !== undefined && child !== false),
});
/** Decap's rendered Markdown body goes where this node is. */
const BODY: PreviewNode = { tag: 'body' };
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown) => list(value).filter((item): item is string => typeof item === 'string' && item.trim() !== '');

function pageHead(eyebrow: string, title: unknown, lede?: unknown, ...meta: (PreviewNode | undefined)[]): PreviewNode {
  return el('header', 'page-head container', el('p', 'eyebrow', eyebrow), el('h1', undefined, text(title)), text(lede) && el('p', 'lede', text(lede)), ...meta);
}

function bulleted(className: string | undefined, items: string[]): PreviewNode {
  return el('ul', className, ...items.map((item) => el('li', undefined, item)));
}

/** One line per network: its count as the build counts it (longest advocate code), against its limit. */
export interface NetworkCount {
  network: NetworkId;
  label: string;
  length: number;
  limit: number;
  fits: boolean;
}

/** One wording's posts: each distinct composed text with the networks that get it and their counts. */
export interface WordingPosts {
  index: number;
  posts: { text: string; counts: NetworkCount[] }[];
}

/** Every wording of a snippet as each network gets it, counted as the build's check counts it. */
export function wordingPosts(data: Data, settings: PreviewSettings, id: string): WordingPosts[] {
  const variants = list(data.variants).map((v) => {
    const variant = (v ?? {}) as { text?: unknown; networks?: unknown };
    const only = strings(variant.networks).filter(isNetworkId);
    return { text: text(variant.text), ...(only.length && { networks: only }) };
  });
  const snippetNetworks = strings(data.networks).filter(isNetworkId);
  const item: Shareable = {
    id,
    // While the link is being typed, count with a placeholder of the same length.
    link: URL.canParse(text(data.link)) ? text(data.link) : `https://example.com/${'x'.repeat(Math.max(0, text(data.link).length - 20))}`,
    ...(text(data.campaign) && { campaign: text(data.campaign) }),
    hashtags: strings(data.hashtags).map((tag) => tag.trim()),
    variants,
    networks: offeredNetworks(settings.networks, snippetNetworks.length ? snippetNetworks : undefined),
  };
  return variants.map((variant, index) => {
    const posts: WordingPosts['posts'] = [];
    for (const id of networksOfVariant(item, index)) {
      const shown = sharePost(id, variant.text, item, settings);
      const counted = sharePost(id, variant.text, item, settings, LONGEST_CODE);
      const count = { network: id, label: network(id).label, length: counted.length, limit: counted.limit, fits: counted.fits };
      // Networks differ in the link's utm_source only: one post per shape, shown with the link as written.
      const post = shown.text.replace(shown.link, item.link);
      const same = posts.find((p) => p.text === post);
      if (same) same.counts.push(count);
      else posts.push({ text: post, counts: [count] });
    }
    return { index, posts };
  });
}

export function snippetView(data: Data, settings: PreviewSettings, id: string): PreviewNode {
  const wordings = wordingPosts(data, settings, id);
  return el(
    'article',
    undefined,
    pageHead('Ready to share', data.title),
    el(
      'div',
      'container',
      BODY,
      el('p', 'meta', `${settings.disclosure ? `Every post carries the disclosure “${settings.disclosure}”; the` : 'The'} link is tagged for each network (utm_source).`),
      ...wordings.map(({ index, posts }) =>
        el(
          'section',
          'variant',
          el('h2', undefined, `Wording ${index + 1}`),
          ...posts.map((post) =>
            el(
              'figure',
              'preview-post',
              el('blockquote', undefined, post.text),
              el(
                'figcaption',
                undefined,
                ...post.counts.map((c) =>
                  el('span', c.fits ? 'status ok' : 'status error', `${c.label}: ${c.length} / ${c.limit}${c.fits ? '' : ` — too long by ${c.length - c.limit}`}`),
                ),
              ),
            ),
          ),
        ),
      ),
      el('p', 'meta', `Counted as the build counts: the link tagged with the longest advocate code (${CODE_MAX_LENGTH} characters).`),
    ),
  );
}

export function guidelineView(data: Data): PreviewNode {
  return el(
    'article',
    undefined,
    pageHead('Guideline', data.title, data.summary),
    el(
      'div',
      'container',
      el(
        'div',
        'two-col',
        el('div', 'do-list', el('h2', undefined, 'Do'), bulleted(undefined, strings(data.do))),
        el('div', 'dont-list', el('h2', undefined, "Don't"), bulleted(undefined, strings(data.dont))),
      ),
      BODY,
    ),
  );
}

export function trainingView(data: Data): PreviewNode {
  const facts = [
    humanize(text(data.level)),
    text(data.role) === 'all' ? 'Everyone' : humanize(text(data.role)),
    typeof data.minutes === 'number' ? `${data.minutes} min` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const questions = list(data.quiz).map((q, index) => {
    const question = (q ?? {}) as { question?: unknown; options?: unknown; answer?: unknown; explain?: unknown; why?: unknown };
    const why = strings(question.why);
    return el(
      'fieldset',
      'quiz-question',
      el('legend', undefined, `${index + 1}. ${text(question.question)}`),
      el(
        'ol',
        'quiz-options',
        ...list(question.options).map((option, at) =>
          el(
            'li',
            at === question.answer ? 'quiz-option right' : 'quiz-option',
            `${text(option)}${at === question.answer ? ' ✓ right answer' : ''}`,
            why[at] && el('p', 'meta', why[at]),
          ),
        ),
      ),
      text(question.explain) && el('p', 'quiz-answer', text(question.explain)),
    );
  });
  return el(
    'article',
    undefined,
    pageHead('Training', data.title, data.summary, facts ? el('p', 'meta', facts) : undefined),
    el(
      'div',
      'container',
      strings(data.objectives).length > 0 && el('section', undefined, el('h2', undefined, 'You will be able to'), bulleted(undefined, strings(data.objectives))),
      BODY,
      questions.length > 0 && el('section', 'quiz', el('h2', undefined, 'Check what you learned'), ...questions),
    ),
  );
}

/** Articles, campaigns, people and tracks: their page's head and text. */
export function pageView(collection: string, data: Data): PreviewNode {
  if (collection === 'articles') {
    const cover = (data.cover ?? {}) as { src?: unknown; alt?: unknown };
    const image = text(cover.src) ? { tag: 'img', className: 'cover', attrs: { src: text(cover.src), alt: text(cover.alt) } } : undefined;
    return el('article', undefined, pageHead('Article', data.title, data.description), el('div', 'container', image, BODY));
  }
  if (collection === 'campaigns') {
    const when = [text(data.starts), text(data.ends)].filter(Boolean).join(' – ');
    return el('article', undefined, pageHead('Campaign', data.title, data.summary, when ? el('p', 'meta', when) : undefined), el('div', 'container', BODY));
  }
  if (collection === 'people') {
    return el(
      'article',
      undefined,
      pageHead(data.mentor === true ? 'Mentor' : 'Person', data.name, data.title),
      el('div', 'container', text(data.spotlight) && el('blockquote', 'spotlight', text(data.spotlight)), BODY),
    );
  }
  const steps = list(data.steps).map((s) => {
    const step = (s ?? {}) as { ref?: unknown; task?: unknown };
    return el('li', undefined, text(step.task) || text(step.ref));
  });
  return el('article', undefined, pageHead('Onboarding track', data.title, data.summary), el('div', 'container', BODY, el('ol', 'steps', ...steps)));
}
