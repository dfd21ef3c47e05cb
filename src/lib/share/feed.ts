/**
 * The share feed (content model): every published snippet with, per variant
 * and network, the composed text, its counted length, the limit and the
 * tagged link, all without an advocate code, for chat bots, newsletters and
 * intranets. It comes in pages (`/snippets/<n>.json`, at most
 * FEED_PAGE_SNIPPETS snippets and FEED_PAGE_MAX_BYTES each) listed by an
 * index (`/snippets.json`), so no file outgrows what static hosts serve at
 * 10,000 entries. Share URLs are templates, one per network
 * (`shareUrls`), which a consumer fills with a post's text and link
 * (`expandShareUrl`): the URL repeated the text percent-encoded and was
 * 40 % of the bytes. A post whose URL no template makes (e-mail: its subject
 * is taken from the text) carries its `url`.
 *
 * `feedSchema` is the source of truth for the JSON Schema published beside it
 * (/snippets.schema.json), for the index and the pages alike.
 */
import { z } from 'astro/zod';
import { NETWORK_IDS, type NetworkId, network } from '../../model/networks.ts';
import { addressPattern } from '../../model/urls.ts';
import { type Shareable, type ShareSettings, networksOfVariant } from './draft.ts';
import { sharePost } from './posts.ts';

export const FEED_VERSION = 2;

/** Snippets a page of the feed holds at most. */
export const FEED_PAGE_SNIPPETS = 100;
/** Bytes a page may reach before it ends early (well under the 5 MB the feed promises, and 25 MiB static hosts allow). */
export const FEED_PAGE_MAX_BYTES = 4_000_000;

const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/)
    .describe('ISO 8601 date or date-time (UTC)');

/**
 * A link of the feed, under the URL rule every content address passed
 * (src/model/urls.ts), as a pattern its JSON Schema states too: a snippet's
 * link may hold characters RFC 3986 would want encoded (é, |, {}), which
 * `format: uri` would refuse, but never whitespace, controls, bidirectional
 * characters or credentials.
 */
const link = () => z.string().regex(new RegExp(addressPattern(['http', 'https'])));

const networkPost = z
  .object({
    network: z.enum(NETWORK_IDS).describe('Network id, also the utm_source of the link'),
    text: z.string().describe('The text to put in the composer: variant, hashtags, disclosure and (unless linkInText is false) the tagged link'),
    link: link().describe('The tagged link, without utm_content (no advocate code)'),
    linkInText: z.boolean().describe('False where the network takes the link as a field of its own (Reddit: the text is the title; Telegram)'),
    length: z.number().int().nonnegative().describe("The text's length counted by the network's own rules"),
    limit: z.number().int().positive().describe("The network's limit for that length"),
    fits: z.boolean().describe('length <= limit'),
    clipboard: z.boolean().describe('True where the share URL takes no text (LinkedIn, Facebook): paste the text yourself'),
    url: z.string().optional().describe("The share URL that opens the network's composer, only where shareUrls has no template for the network (e-mail)"),
  })
  .strict();

const variant = z
  .object({
    number: z.number().int().positive().describe('1-based, as in /share/<id>/?v=N'),
    text: z.string().describe('The wording as written by the editors'),
    networks: z.array(networkPost).describe('One post per network this variant is offered on, in button order'),
  })
  .strict();

const snippet = z
  .object({
    id: z.string().describe('File name without extension; /share/<id>/ on the hub'),
    title: z.string().describe('For advocates, not posted'),
    url: z.url().describe("The snippet's page on the hub"),
    link: link().describe('The shared link as written, untagged'),
    campaign: z.string().nullable().describe('Campaign id, or null'),
    topics: z.array(z.string()),
    teams: z.array(z.string()),
    hashtags: z.array(z.string()).describe('Without "#"'),
    publish: isoDate().nullable(),
    expires: isoDate().nullable(),
    variants: z.array(variant).min(1),
  })
  .strict();

const hub = z.object({ name: z.string(), site: z.url() }).strict();

const utm = z
  .object({
    medium: z.string(),
    note: z.string(),
  })
  .strict();

const shareUrls = z
  .partialRecord(z.enum(NETWORK_IDS), z.string())
  .describe(
    "Per network, its share URL with {text} and {link} in place of the post's text and tagged link, each percent-encoded as encodeURIComponent does " +
      '(utm_content=<code> added to the link first, to attribute a share). A network without a template gives each post its url.',
  );

const page = z
  .object({
    number: z.number().int().positive(),
    url: z.url().describe('The page: /snippets/<number>.json'),
    snippets: z.number().int().nonnegative().describe('Snippets on the page'),
  })
  .strict();

const common = {
  $schema: z.url().describe('This JSON Schema'),
  version: z.literal(FEED_VERSION),
  hub,
  generated: isoDate().describe('The instant the hub was built for'),
  utm,
  shareUrls,
};

/** /snippets.json: where the pages are. */
const feedIndex = z
  .object({
    ...common,
    kind: z.literal('index'),
    total: z.number().int().nonnegative().describe('Published snippets, on all pages together'),
    pages: z.array(page).describe('Every page, in order; each snippet is on exactly one'),
  })
  .strict()
  .meta({ title: 'Share feed of the advocacy hub: index', description: 'Where the pages of the share feed are.' });

/** /snippets/<n>.json: a page of snippets. */
const feedPage = z
  .object({
    ...common,
    kind: z.literal('page'),
    page: z.number().int().positive(),
    pages: z.number().int().positive().describe('How many pages there are'),
    index: z.url().describe('/snippets.json'),
    previous: z.url().nullable(),
    next: z.url().nullable().describe('The next page, or null on the last'),
    snippets: z.array(snippet),
  })
  .strict()
  .meta({ title: 'Share feed of the advocacy hub: a page', description: 'Published snippets, ready to share on each network.' });

export function feedSchema() {
  return z
    .discriminatedUnion('kind', [feedIndex, feedPage])
    .meta({ title: 'Share feed of the advocacy hub', description: 'Every published snippet, ready to share on each network: an index and its pages.' });
}

export type FeedIndex = z.output<typeof feedIndex>;
export type FeedPage = z.output<typeof feedPage>;
export type FeedSnippet = z.output<typeof snippet>;

export type Feed = z.output<ReturnType<typeof feedSchema>>;

/** The JSON Schema (draft 2020-12) of the feed. */
export function feedJsonSchema(schemaUrl: string): Record<string, unknown> {
  return { $id: schemaUrl, ...z.toJSONSchema(feedSchema(), { target: 'draft-2020-12' }) };
}

/** A snippet as the feed takes it. */
export interface SnippetForFeed extends Shareable {
  title: string;
  url: string;
  topics: readonly string[];
  teams: readonly string[];
  publish?: Date;
  expires?: Date;
}

const TEXT = '{text}';
const LINK = '{link}';

/** A share URL template filled in: `{text}` and `{link}` replaced by the percent-encoded text and link. */
export function expandShareUrl(template: string, post: { text: string; link: string }): string {
  return template.replaceAll(TEXT, encodeURIComponent(post.text)).replaceAll(LINK, encodeURIComponent(post.link));
}

/** Posts a template must make exactly: several lines, characters encodeURIComponent escapes, a link with a query and fragment. */
const PROBES = [
  { text: 'One line', link: 'https://a.example/' },
  { text: 'Line one, with “quotes” & 100%\nLine two #tag 🙂 https://b.example/x?y=1&z=2#f', link: 'https://c.example/p?utm_source=x&a=%20#top' },
];

/**
 * The share URL template of each network whose URL is the text and the link
 * put into it, and nothing else: found by giving the network's URL two
 * markers, and kept only if it then makes the URL of every probe post exactly.
 */
export function shareUrlTemplates(settings: Pick<ShareSettings, 'mastodon'>): Partial<Record<NetworkId, string>> {
  const templates: Partial<Record<NetworkId, string>> = {};
  for (const id of NETWORK_IDS) {
    const url = (post: { text: string; link: string }) => network(id).shareUrl(post, { mastodon: settings.mastodon });
    const template = url({ text: 'HUBFEEDTEXTMARKER', link: 'HUBFEEDLINKMARKER' }).replaceAll('HUBFEEDTEXTMARKER', TEXT).replaceAll('HUBFEEDLINKMARKER', LINK);
    if (PROBES.every((probe) => expandShareUrl(template, probe) === url(probe))) templates[id] = template;
  }
  return templates;
}

/** A snippet of the feed, with each post's URL left to its network's template where there is one. */
export function feedSnippet(item: SnippetForFeed, settings: ShareSettings, templates: Partial<Record<NetworkId, string>>): FeedSnippet {
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    link: item.link,
    campaign: item.campaign ?? null,
    topics: [...item.topics],
    teams: [...item.teams],
    hashtags: [...item.hashtags],
    publish: item.publish?.toISOString() ?? null,
    expires: item.expires?.toISOString() ?? null,
    variants: item.variants.map((v, index) => ({
      number: index + 1,
      text: v.text,
      networks: networksOfVariant(item, index).map((id: NetworkId) => {
        const { network: name, text, link, linkInText, length, limit, fits, clipboard, url } = sharePost(id, v.text, item, settings);
        const post = { network: name, text, link, linkInText, length, limit, fits, clipboard };
        const template = templates[id];
        // By construction a template makes the URL; a post it would not make keeps its own rather than publish a wrong one.
        return template !== undefined && expandShareUrl(template, post) === url ? post : { ...post, url };
      }),
    })),
  };
}

/**
 * Snippets in pages, in their order: a page ends at FEED_PAGE_SNIPPETS
 * snippets, or earlier when the next one would take it past `maxBytes` of
 * JSON. `sizes` are the snippets' JSON lengths in bytes. A hub without
 * snippets has one empty page, so /snippets/1.json always exists.
 */
export function pageBreaks(sizes: readonly number[], limits: { snippets?: number; maxBytes?: number } = {}): number[][] {
  const most = limits.snippets ?? FEED_PAGE_SNIPPETS;
  const maxBytes = limits.maxBytes ?? FEED_PAGE_MAX_BYTES;
  const pages: number[][] = [[]];
  let bytes = 0;
  sizes.forEach((size, index) => {
    const current = pages.at(-1)!;
    if (current.length && (current.length >= most || bytes + size + 1 > maxBytes)) {
      pages.push([index]);
      bytes = size;
    } else {
      current.push(index);
      bytes += size + 1;
    }
  });
  return pages;
}

export interface FeedOptions {
  /** The absolute URL of the feed's JSON Schema. */
  schemaUrl: string;
  /** The absolute URLs of the index and of page `n`. */
  indexUrl: string;
  pageUrl: (n: number) => string;
  hub: { name: string; site: string };
  now: Date;
  settings: ShareSettings;
  snippets: readonly SnippetForFeed[];
}

export interface BuiltFeed {
  index: FeedIndex;
  /** Page `n`'s JSON (from 1), composed when asked; undefined for a page the feed does not have. */
  page(n: number): string | undefined;
}

/**
 * The index of the feed, and its pages composed when asked. Where the pages
 * break depends on every snippet's size, so each snippet is composed once to
 * measure it and again for its page: keeping every snippet's JSON (106 MB at
 * 10,000 entries) and the pages made of it was what the build held at its
 * largest while the card workers drew (docs/benchmarks.md, sixth pass).
 */
export function buildFeed(options: FeedOptions): BuiltFeed {
  const { settings } = options;
  const templates = shareUrlTemplates(settings);
  const common = {
    $schema: options.schemaUrl,
    version: FEED_VERSION,
    hub: options.hub,
    generated: options.now.toISOString(),
    utm: {
      medium: settings.medium,
      note: 'Add utm_content=<advocate code> to a link (before its #fragment) to attribute a share to an advocate.',
    },
    shareUrls: templates,
  } as const;
  const json = (at: number) => JSON.stringify(feedSnippet(options.snippets[at]!, settings, templates));
  const breaks = pageBreaks(options.snippets.map((_, at) => Buffer.byteLength(json(at))));
  const index: FeedIndex = {
    ...common,
    kind: 'index',
    total: options.snippets.length,
    pages: breaks.map((members, at) => ({ number: at + 1, url: options.pageUrl(at + 1), snippets: members.length })),
  };
  return {
    index,
    page(n) {
      const members = Number.isInteger(n) ? breaks[n - 1] : undefined;
      if (!members) return undefined;
      const head: Omit<FeedPage, 'snippets'> = {
        ...common,
        kind: 'page',
        page: n,
        pages: breaks.length,
        index: options.indexUrl,
        previous: n > 1 ? options.pageUrl(n - 1) : null,
        next: n < breaks.length ? options.pageUrl(n + 1) : null,
      };
      // The snippets are serialized on their own: the page is its head with them spliced in.
      return `${JSON.stringify(head).slice(0, -1)},"snippets":[${members.map(json).join(',')}]}`;
    },
  };
}

/**
 * The pages of a feed as a consumer walks them: from the index's first page,
 * then by `next`, each read with `read` (a page's absolute URL in, its JSON
 * out). Stops with an error if the pages go on past the index's count.
 */
export function walkFeed(index: Pick<FeedIndex, 'pages'>, read: (url: string) => FeedPage): { url: string; page: FeedPage }[] {
  const walked: { url: string; page: FeedPage }[] = [];
  for (let url: string | null = index.pages[0]?.url ?? null; url; url = walked.at(-1)!.page.next) {
    if (walked.length >= index.pages.length) throw new Error(`share feed: its pages go on past the ${index.pages.length} the index lists`);
    walked.push({ url, page: read(url) });
  }
  return walked;
}
