/**
 * /snippets.json, the share feed (content model): every published snippet
 * with, per variant and network, the composed text, its counted length, the
 * limit and the share URL, all without an advocate code, for chat bots,
 * newsletters and intranets. `feedSchema` is the source of truth for the
 * JSON Schema published beside it (/snippets.schema.json).
 */
import { z } from 'astro/zod';
import { NETWORK_IDS, type NetworkId } from '../../model/networks.ts';
import { addressPattern } from '../../model/urls.ts';
import { type Shareable, type ShareSettings, networksOfVariant } from './draft.ts';
import { sharePost } from './posts.ts';

export const FEED_VERSION = 1;

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
    url: z.string().describe("The share URL that opens the network's composer (mailto: for e-mail)"),
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

export function feedSchema() {
  return z
    .object({
      $schema: z.url().describe('This JSON Schema'),
      version: z.literal(FEED_VERSION),
      hub: z.object({ name: z.string(), site: z.url() }).strict(),
      generated: isoDate().describe('The instant the hub was built for'),
      utm: z
        .object({
          medium: z.string(),
          note: z.string(),
        })
        .strict(),
      snippets: z.array(snippet),
    })
    .strict()
    .meta({ title: 'Share feed of the advocacy hub', description: 'Every published snippet, ready to share on each network.' });
}

export type Feed = z.output<ReturnType<typeof feedSchema>>;

/** The JSON Schema (draft 2020-12) of the feed. */
export function feedJsonSchema(schemaUrl: string): Record<string, unknown> {
  return { $id: schemaUrl, ...z.toJSONSchema(feedSchema(), { target: 'draft-2020-12' }) };
}

export interface FeedSnippet extends Shareable {
  title: string;
  url: string;
  topics: readonly string[];
  teams: readonly string[];
  publish?: Date;
  expires?: Date;
}

export function buildFeed(options: {
  /** The absolute URL of the feed's JSON Schema. */
  schemaUrl: string;
  hub: { name: string; site: string };
  now: Date;
  settings: ShareSettings;
  snippets: readonly FeedSnippet[];
}): Feed {
  const { settings } = options;
  return {
    $schema: options.schemaUrl,
    version: FEED_VERSION,
    hub: options.hub,
    generated: options.now.toISOString(),
    utm: {
      medium: settings.medium,
      note: 'Add utm_content=<advocate code> to a link (before its #fragment) to attribute a share to an advocate.',
    },
    snippets: options.snippets.map((item) => ({
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
        networks: networksOfVariant(item, index).map((network: NetworkId) => {
          const { network: id, text, link, linkInText, length, limit, fits, clipboard, url } = sharePost(network, v.text, item, settings);
          return { network: id, text, link, linkInText, length, limit, fits, clipboard, url };
        }),
      })),
    })),
  };
}
