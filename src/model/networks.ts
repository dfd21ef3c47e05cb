/**
 * The network registry: one record per network the hub can share to, holding
 * every fact about it — its name, what its composer's URL can prefill, how it
 * counts a post and up to what limit, how that URL is built, and whether a
 * person may list a profile on it. Adding a network is one record here plus
 * its tests (tests/unit/share-intents.test.ts, share-length.test.ts).
 *
 * The order of the records is the order of the share buttons;
 * `settings.networks` picks and orders a subset. Sources for each URL format
 * and counting rule: docs/sharing.md. Imported by browser code too: keep it
 * free of imports.
 */

/**
 * How a network counts a post; src/lib/share/length.ts implements each rule.
 * - `utf16`: UTF-16 code units, as a plain text field counts (LinkedIn, Facebook, WhatsApp, e-mail);
 * - `code-points`: Unicode code points (Reddit's title);
 * - `x-weighted`: X's weighted length (twitter-text v3: every link 23, CJK and emoji 2);
 * - `graphemes-links-23`: grapheme clusters, every http(s) link 23 (Mastodon);
 * - `graphemes-short-links`: grapheme clusters, links as Bluesky shortens them;
 * - `code-points-emoji-bytes`: code points, an emoji as many as its UTF-8 bytes (Threads);
 * - `utf16-with-link`: UTF-16 code units of the text plus the link field and a line break (Telegram).
 */
export type CountingRule = 'utf16' | 'code-points' | 'x-weighted' | 'graphemes-links-23' | 'graphemes-short-links' | 'code-points-emoji-bytes' | 'utf16-with-link';

/**
 * What a network's share URL prefills:
 * - `post`: the whole post, link included, as one text;
 * - `link`: only the link; the share panel copies the post first, for the advocate to paste;
 * - `title-and-link`: a one-line title, and the link as a field of its own (Reddit);
 * - `text-and-link`: the text, and the link as a field of its own (Telegram).
 */
export type Prefill = 'post' | 'link' | 'title-and-link' | 'text-and-link';

/** A composed post as a share URL takes it: the text the network prefills and the tagged link. */
export interface PostForUrl {
  text: string;
  link: string;
}

export interface ShareUrlOptions {
  /** The advocate's Mastodon instance host, e.g. "mastodon.social". */
  mastodon: string;
}

export interface NetworkRecord<Id extends string = string> {
  id: Id;
  /** The network's name on buttons, counters and in messages. */
  label: string;
  /**
   * `label` is a word of English, not a brand name ("E-mail"): pages show the UI string `network.<id>` in
   * the hub's language instead (src/views/labels.ts), which `astro check` asks every such network to have;
   * `label` stays for build messages. Default: a brand name, shown as it is in every language.
   */
  translated?: true;
  prefill: Prefill;
  counting: CountingRule;
  /** `counting` in words, for build messages: "X's weighted length: every link 23, CJK and emoji 2". */
  countingRule: string;
  /** The longest post the network accepts, as `counting` counts it. */
  limit: number;
  /** The URL that opens the network's composer with the post. */
  shareUrl(post: PostForUrl, options: ShareUrlOptions): string;
  /**
   * For a network whose documented URL takes only the link (`prefill: 'link'`):
   * an undocumented composer URL that takes the whole post, and where it does
   * (`desktop`: the desktop web; phone browsers and apps get `shareUrl` and the
   * clipboard). `settings.linkedin.link_only` turns it off.
   */
  textShareUrl?: { url(post: PostForUrl): string; works: 'desktop' };
  /** People may list a profile on this network (`profiles.<id>` of a person). */
  profile: boolean;
}

const q = encodeURIComponent;

/** RFC 6068: line breaks in a mailto: body are CRLF. */
export function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** The longest e-mail subject: RFC 5322's recommended line length. */
const SUBJECT_MAX = 78;

/**
 * The subject of a shared e-mail: the first line of the text, at most 78
 * characters; a longer line is cut after its last whole word, and "…" says so.
 */
export function emailSubject(text: string): string {
  const line = [...text.trim().split(/[\r\n]/, 1)[0]!];
  if (line.length <= SUBJECT_MAX) return line.join('');
  // The 78th character tells whether the 77th ends a word; a word that runs on past them is left out whole.
  const head = line.slice(0, SUBJECT_MAX).join('');
  const space = head.search(/\s\S*$/);
  const cut = (space > 0 ? head.slice(0, space) : line.slice(0, SUBJECT_MAX - 1).join('')).replace(/[\s,;:.!?\u2013\u2014-]+$/u, '');
  return `${cut}…`;
}

/** Keeps each record's literal types (its id, whether it takes profiles). */
const record = <const R extends NetworkRecord>(network: R) => network;

export const NETWORKS = [
  record({
    id: 'linkedin',
    label: 'LinkedIn',
    // share-offsite takes only the link (the documented endpoint); the post is pasted.
    prefill: 'link',
    counting: 'utf16',
    countingRule: 'characters',
    limit: 3000,
    shareUrl: ({ link }) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(link)}`,
    // The feed's composer takes the whole post, logged in, on the desktop web only (docs/sharing.md, "LinkedIn").
    textShareUrl: { url: ({ text }) => `https://www.linkedin.com/feed/?shareActive=true&text=${q(text)}`, works: 'desktop' },
    profile: true,
  }),
  record({
    id: 'x',
    label: 'X',
    prefill: 'post',
    counting: 'x-weighted',
    countingRule: "X's weighted length: every link 23, CJK and emoji 2",
    limit: 280,
    shareUrl: ({ text }) => `https://x.com/intent/post?text=${q(text)}`,
    profile: true,
  }),
  record({
    id: 'bluesky',
    label: 'Bluesky',
    prefill: 'post',
    counting: 'graphemes-short-links',
    countingRule: 'graphemes, links as Bluesky shortens them',
    // Enforced on the stored record.
    limit: 300,
    shareUrl: ({ text }) => `https://bsky.app/intent/compose?text=${q(text)}`,
    profile: true,
  }),
  record({
    id: 'mastodon',
    label: 'Mastodon',
    prefill: 'post',
    counting: 'graphemes-links-23',
    countingRule: 'graphemes, every link 23',
    // Mastodon's default; instances may allow more, never less.
    limit: 500,
    shareUrl: ({ text }, { mastodon }) => `https://${mastodon}/share?text=${q(text)}`,
    profile: true,
  }),
  record({
    id: 'threads',
    label: 'Threads',
    prefill: 'post',
    counting: 'code-points-emoji-bytes',
    countingRule: 'characters, emoji as their UTF-8 bytes',
    limit: 500,
    shareUrl: ({ text }) => `https://www.threads.com/intent/post?text=${q(text)}`,
    profile: true,
  }),
  record({
    id: 'facebook',
    label: 'Facebook',
    // The sharer takes only the link; `quote` no longer prefills.
    prefill: 'link',
    counting: 'utf16',
    countingRule: 'characters',
    limit: 63206,
    shareUrl: ({ link }) => `https://www.facebook.com/sharer/sharer.php?u=${q(link)}`,
    profile: false,
  }),
  record({
    id: 'reddit',
    label: 'Reddit',
    prefill: 'title-and-link',
    counting: 'code-points',
    countingRule: 'characters of the title',
    // The title's limit; the link is a field of its own.
    limit: 300,
    shareUrl: ({ text, link }) => `https://www.reddit.com/submit?url=${q(link)}&title=${q(text)}`,
    profile: false,
  }),
  record({
    id: 'whatsapp',
    label: 'WhatsApp',
    prefill: 'post',
    counting: 'utf16',
    countingRule: 'characters',
    limit: 65536,
    shareUrl: ({ text }) => `https://wa.me/?text=${q(text)}`,
    profile: false,
  }),
  record({
    id: 'telegram',
    label: 'Telegram',
    prefill: 'text-and-link',
    counting: 'utf16-with-link',
    countingRule: 'characters, link included',
    // The message: the link, a line break, the text.
    limit: 4096,
    shareUrl: ({ text, link }) => `https://t.me/share/url?url=${q(link)}&text=${q(text)}`,
    profile: false,
  }),
  record({
    id: 'email',
    label: 'E-mail',
    translated: true,
    prefill: 'post',
    counting: 'utf16',
    countingRule: 'characters of the body',
    // Mail programs cut long mailto: links; 2,000 characters of body stay well inside them.
    limit: 2000,
    shareUrl: ({ text }) => `mailto:?subject=${q(emailSubject(text))}&body=${q(crlf(text))}`,
    profile: false,
  }),
] as const;

export type NetworkId = (typeof NETWORKS)[number]['id'];
export type Network = NetworkRecord<NetworkId>;
/** Networks whose name is a word, shown through the UI string `network.<id>`. */
export type TranslatedNetworkId = Extract<(typeof NETWORKS)[number], { translated: true }>['id'];
/** Networks people may list a profile on. */
export type ProfileNetworkId = Extract<(typeof NETWORKS)[number], { profile: true }>['id'];

/** Every network id, in button order (a tuple, as `z.enum` wants it). */
export const NETWORK_IDS = NETWORKS.map((network) => network.id) as unknown as readonly [NetworkId, ...NetworkId[]];

const BY_ID = new Map<string, Network>(NETWORKS.map((network) => [network.id, network]));

/** The record of a network. */
export function network(id: NetworkId): Network {
  return BY_ID.get(id)!;
}

export function isNetworkId(value: unknown): value is NetworkId {
  return typeof value === 'string' && BY_ID.has(value);
}

/** Networks whose composer takes no text: the share panel copies the post before opening them. */
export function needsClipboard(id: NetworkId): boolean {
  return network(id).prefill === 'link';
}

/** Networks that take the link as a field of its own, apart from the text. */
export function takesLinkApart(id: NetworkId): boolean {
  const { prefill } = network(id);
  return prefill === 'title-and-link' || prefill === 'text-and-link';
}

/** The networks a person may list profiles on, in registry order. */
export const PROFILE_NETWORKS = NETWORKS.filter((n) => n.profile).map((n) => n.id) as ProfileNetworkId[];

/** The networks a snippet offers, in the button order of settings.networks. */
export function offeredNetworks(settingsNetworks: readonly NetworkId[], snippetNetworks?: readonly NetworkId[]): NetworkId[] {
  return settingsNetworks.filter((id) => !snippetNetworks || snippetNetworks.includes(id));
}
