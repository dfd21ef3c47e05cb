import { z } from 'astro/zod';
import { NETWORK_IDS } from '../lib/share/networks.ts';
import { ID_PATTERN, expect, found, httpUrl, list, oneOf, text } from './fields.ts';

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function hexColour() {
  return z.string({ error: expect('a hex colour such as "#0b3d91" (quote it: # starts a YAML comment)') })
    .regex(HEX_COLOUR, { error: expect('a hex colour such as "#0b3d91"') });
}

/** A list of short ids (teams, topics) without repeats. */
function idList(what: string) {
  return list(
    z.string({ error: expect(`${what} id`) }).regex(ID_PATTERN, {
      error: expect(`${what} id in lowercase letters, digits and hyphens, e.g. "customer-care"`),
    }),
    1,
  ).superRefine(noRepeats);
}

function noRepeats(values: readonly string[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], input: value, message: `${found(value)}, which is listed twice; each value may appear once` });
    seen.add(value);
  });
}

export function settingsSchema() {
  return z.strictObject({
    /** Hub name shown in the header and in titles. */
    name: text(60),
    /** The company behind the hub. */
    organization: text(120),
    /** Meta description of the home page. Default: a sentence built from name and organization. */
    description: text(200).optional(),
    /** Language of the hub's interface (BCP 47). Default: "en". */
    lang: z.string({ error: expect('a language tag such as "en" or "de-CH"') })
      .regex(LANG, { error: expect('a language tag such as "en" or "de-CH"') })
      .default('en'),
    /** Absolute base URL the hub is served from; used for canonical links, cards and feeds. */
    site: httpUrl(),
    brand: z.strictObject({
      /** Main brand colour (links, buttons, card background). */
      primary: hexColour(),
      /** Accent colour for highlights. */
      accent: hexColour(),
      /** Path of a logo under public/, e.g. /brand/logo.svg. Default: no logo. */
      logo: z.string({ error: expect('a path under public/ such as /brand/logo.svg') })
        .regex(/^\/[^\s]*\.(?:svg|png|jpe?g|webp)$/i, { error: expect('a path under public/ such as /brand/logo.svg') })
        .optional(),
    }, { error: expect('brand colours: { primary: "#0b3d91", accent: "#f5a623" }') }),
    /** Appended to shared text where a network needs it; "" disables it. Default: "". */
    disclosure: z.string({ error: expect('text such as "#AcmeEmployee", or "" to disable') }).trim().default(''),
    utm: z.strictObject({
      /** utm_medium of every tagged link. */
      medium: z.string({ error: expect('a short id such as employee-advocacy') })
        .regex(/^[A-Za-z0-9._-]+$/, { error: expect('a short id such as employee-advocacy') }),
    }).default({ medium: 'employee-advocacy' }),
    /** Networks offered for sharing, in button order. Default: all supported networks. */
    networks: list(oneOf(NETWORK_IDS, 'a network the hub supports'), 1)
      .superRefine(noRepeats)
      .default([...NETWORK_IDS]),
    mastodon: z.strictObject({
      /** Default Mastodon instance; each advocate may change theirs. */
      instance: z.string({ error: expect('a host name such as mastodon.social') })
        .regex(HOSTNAME, { error: expect('a host name such as mastodon.social (no https://)') }),
    }).default({ instance: 'mastodon.social' }),
    /** Teams advocates belong to; snippets, people and tracks pick from these. */
    teams: idList('a team'),
    /** Topics content is filed under. */
    topics: idList('a topic'),
    /** Phrases the content lint rejects, case-insensitive. Default: none. */
    banned: list(text()).default([]),
  });
}

export type Settings = z.output<ReturnType<typeof settingsSchema>>;
