import { z } from 'astro/zod';
import { NETWORK_IDS } from '../networks.ts';
import { HOST_PATTERN, ID_PATTERN, ID_RULE } from '../ids.ts';
import { expect, found, httpUrl, list, oneOf, text } from './fields.ts';
import { quote, showInvisible } from '../words.ts';

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** Decap CMS backends the hub configures. */
export const CMS_BACKENDS = ['github', 'gitlab', 'git-gateway', 'test-repo'] as const;

const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function hexColour() {
  return z
    .string({ error: expect('a hex colour such as "#0b3d91" (quote it: # starts a YAML comment)') })
    .regex(HEX_COLOUR, { error: expect('a hex colour such as "#0b3d91"') });
}

/**
 * What settings text may not hold: control characters, line and paragraph
 * separators, and direction overrides and isolates (they would reverse what
 * follows them on every page, in every feed and post).
 */
const UNSEEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const ONE_LINE = 'one line of visible text (it reaches every page, feed and post), without control characters, line breaks or direction overrides';

function oneLine(value: string): boolean {
  return !UNSEEN.test(value);
}

function unseenMessage(iss: { input?: unknown }): string {
  return `is ${quote(showInvisible(String(iss.input)))}; expected ${ONE_LINE}`;
}

/** A setting's text (the hub's name, its organisation): trimmed, not empty, at most `max` characters, one visible line. */
function line(max?: number) {
  return text(max).refine(oneLine, { error: unseenMessage });
}

/**
 * A branch name as git accepts it (git check-ref-format --branch): Decap CMS
 * puts it into the paths of its API calls, where "?", "#", ".." or a space
 * would change what is asked for.
 */
function isBranchName(name: string): boolean {
  return (
    !/[\p{Cc} ~^:?*[\\]|\.\.|@\{|\/\/|^[-/]|[/.]$|\.lock$/u.test(name) &&
    name !== '@' &&
    name.split('/').every((part) => !part.startsWith('.') && !part.endsWith('.lock'))
  );
}

/** A list of short ids (teams, topics) without repeats. */
function idList(what: string) {
  return list(
    z.string({ error: expect(`${what} id`) }).regex(ID_PATTERN, {
      error: expect(`${what} id in ${ID_RULE}, e.g. "customer-care"`),
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
    name: line(60),
    /** The company behind the hub. */
    organization: line(120),
    /** Meta description of the home page. Default: a sentence built from name and organization. */
    description: line(200).optional(),
    /** Language of the hub's interface (BCP 47). Default: "en". */
    lang: z
      .string({ error: expect('a language tag such as "en" or "de-CH"') })
      .regex(LANG, { error: expect('a language tag such as "en" or "de-CH"') })
      .default('en'),
    /** Absolute base URL the hub is served from; used for canonical links, cards and feeds. */
    site: httpUrl(),
    brand: z.strictObject(
      {
        /** Main brand colour (links, buttons, card background). */
        primary: hexColour(),
        /** Accent colour for highlights. */
        accent: hexColour(),
        /** Path of a logo under public/, e.g. /brand/logo.svg. Default: no logo. */
        logo: z
          .string({ error: expect('a path under public/ such as /brand/logo.svg') })
          .regex(/^\/[^\s]*\.(?:svg|png|jpe?g|webp)$/i, { error: expect('a path under public/ such as /brand/logo.svg') })
          .optional(),
      },
      { error: expect('brand colours: { primary: "#0b3d91", accent: "#f5a623" }') },
    ),
    /** Appended to shared text where a network needs it; "" disables it. Default: "". */
    disclosure: z
      .string({ error: expect('text such as "#AcmeEmployee", or "" to disable') })
      .trim()
      .max(150, { error: (iss) => `is ${String(iss.input).length} characters long; at most 150 are allowed, as it is added to every post` })
      .refine(oneLine, { error: unseenMessage })
      .default(''),
    utm: z
      .strictObject({
        /** utm_medium of every tagged link. */
        medium: z.string({ error: expect('a short id such as employee-advocacy') }).regex(/^[A-Za-z0-9._-]+$/, { error: expect('a short id such as employee-advocacy') }),
      })
      .default({ medium: 'employee-advocacy' }),
    /** Networks offered for sharing, in button order. Default: all supported networks. */
    networks: list(oneOf(NETWORK_IDS, 'a network the hub supports'), 1)
      .superRefine(noRepeats)
      .default([...NETWORK_IDS]),
    mastodon: z
      .strictObject({
        /** Default Mastodon instance; each advocate may change theirs. */
        instance: z
          .string({ error: expect('a host name such as mastodon.social') })
          .regex(HOST_PATTERN, { error: expect('a host name such as mastodon.social (no https://)') }),
      })
      .default({ instance: 'mastodon.social' }),
    linkedin: z
      .strictObject({
        /**
         * Always open LinkedIn's documented share-offsite page, which takes only the link (the post is pasted),
         * instead of its feed composer with the whole post on the desktop web. Default: false.
         */
        link_only: z.boolean({ error: expect('true or false') }).default(false),
      })
      .default({ link_only: false }),
    /** Teams advocates belong to; snippets, people and tracks pick from these. */
    teams: idList('a team'),
    /** Topics content is filed under. */
    topics: idList('a topic'),
    /**
     * Phrases the content check rejects in snippets, however they are written: in any case or width,
     * with other spaces, line breaks or invisible characters between their letters. Default: none.
     */
    banned: list(
      line().refine((phrase) => /[\p{L}\p{N}]/u.test(phrase), {
        error: (iss) => `is ${quote(showInvisible(String(iss.input)))}, which has no letter or digit; a banned phrase is words, such as "guaranteed savings"`,
      }),
    ).default([]),
    /** Where Decap CMS at /admin/ reads and commits content. Default: the in-memory demo backend. */
    cms: z
      .strictObject({
        /** github, gitlab, git-gateway, or test-repo (an in-memory demo that saves nothing). Default: test-repo. */
        backend: oneOf(CMS_BACKENDS, 'a CMS backend').default('test-repo'),
        /** The repository as owner/name; required for github and gitlab. */
        repo: z
          .string({ error: expect('owner/name, e.g. acme/advocacy-hub') })
          // Neither part "." nor "..": the repository goes into the paths of the CMS's API calls.
          .regex(/^(?!\.\.?\/)[\w.-]+\/(?!\.\.?$)[\w.-]+$/, { error: expect('owner/name, e.g. acme/advocacy-hub') })
          .optional(),
        /** The branch the CMS commits to. Default: main. */
        branch: z
          .string({ error: expect('a branch name such as main') })
          .trim()
          .min(1)
          .refine(isBranchName, { error: expect('a branch name git accepts, such as main or content/edits: no spaces, "..", ~ ^ : ? * [ or \\') })
          .default('main'),
        /** The OAuth server for github/gitlab logins outside Netlify. Default: Netlify's. */
        base_url: httpUrl().optional(),
        /** Drafts go through draft → in review → ready before they are published (github, gitlab, git-gateway). Default: true. */
        editorial_workflow: z.boolean({ error: expect('true or false') }).default(true),
      })
      .superRefine((cms, ctx) => {
        if ((cms.backend === 'github' || cms.backend === 'gitlab') && !cms.repo) {
          ctx.addIssue({ code: 'custom', path: ['repo'], input: undefined, message: `is missing; the ${cms.backend} backend needs the repository as owner/name` });
        }
      })
      .default({ backend: 'test-repo', branch: 'main', editorial_workflow: true }),
  });
}

export type Settings = z.output<ReturnType<typeof settingsSchema>>;
