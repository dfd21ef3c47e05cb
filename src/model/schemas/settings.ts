import { z } from 'astro/zod';
import { NETWORK_IDS } from '../networks.ts';
import { HOST_PATTERN, ID_PATTERN, ID_RULE } from '../ids.ts';
import { expect, found, httpUrl, list, oneOf, text } from './fields.ts';

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** Decap CMS backends the hub configures. */
export const CMS_BACKENDS = ['github', 'gitlab', 'git-gateway', 'test-repo'] as const;

const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function hexColour() {
  return z
    .string({ error: expect('a hex colour such as "#0b3d91" (quote it: # starts a YAML comment)') })
    .regex(HEX_COLOUR, { error: expect('a hex colour such as "#0b3d91"') });
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
    name: text(60),
    /** The company behind the hub. */
    organization: text(120),
    /** Meta description of the home page. Default: a sentence built from name and organization. */
    description: text(200).optional(),
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
    /** Phrases the content lint rejects, case-insensitive. Default: none. */
    banned: list(text()).default([]),
    /**
     * Where Decap CMS at /admin/ reads and commits content (docs/editing.md explains each backend).
     * Default: the in-memory demo backend, which saves nothing.
     */
    cms: z
      .strictObject({
        /** github, gitlab, git-gateway, or test-repo (an in-memory demo that saves nothing). Default: test-repo. */
        backend: oneOf(CMS_BACKENDS, 'a CMS backend').default('test-repo'),
        /** The repository as owner/name; required for github and gitlab. */
        repo: z
          .string({ error: expect('owner/name, e.g. acme/advocacy-hub') })
          .regex(/^[\w.-]+\/[\w.-]+$/, { error: expect('owner/name, e.g. acme/advocacy-hub') })
          .optional(),
        /** The branch the CMS commits to. Default: main. */
        branch: z
          .string({ error: expect('a branch name such as main') })
          .trim()
          .min(1)
          .default('main'),
        /** github, gitlab: the OAuth server editors log in through (an OAuth proxy outside Netlify). Default: Netlify's (github), gitlab.com (gitlab). */
        base_url: httpUrl().optional(),
        /** github, gitlab: the path of the login on base_url, e.g. "auth" or "api/auth". Default: Decap's ("auth"; "oauth/authorize" for gitlab). */
        auth_endpoint: z
          .string({ error: expect('a path such as auth or api/auth') })
          .regex(/^\/?[\w.~-]+(?:\/[\w.~-]+)*$/, { error: expect('a path on base_url such as auth or api/auth (no https://, no spaces)') })
          .optional(),
        /** gitlab: "pkce" logs in from the browser with the OAuth application's id, without a server. Default: an OAuth server (base_url). */
        auth_type: oneOf(['pkce'], 'a GitLab login flow').optional(),
        /** gitlab with auth_type pkce: the Application ID of the GitLab OAuth application. */
        app_id: z
          .string({ error: expect('the Application ID GitLab shows for the OAuth application') })
          .regex(/^[\w-]+$/, { error: expect('the Application ID GitLab shows for the OAuth application (letters and digits)') })
          .optional(),
        /** github, gitlab: the API of a self-hosted server (GitHub Enterprise, your own GitLab). Default: api.github.com, gitlab.com/api/v4. */
        api_root: httpUrl().optional(),
        /** git-gateway on a host other than Netlify: the Netlify site's Identity, e.g. https://hub.netlify.app/.netlify/identity. Default: this site's /.netlify/identity. */
        identity_url: httpUrl().optional(),
        /** git-gateway on a host other than Netlify: the Netlify site's Git Gateway, e.g. https://hub.netlify.app/.netlify/git. Default: this site's /.netlify/git. */
        gateway_url: httpUrl().optional(),
        /** Drafts go through draft → in review → ready before they are published (github, gitlab, git-gateway). Default: true. */
        editorial_workflow: z.boolean({ error: expect('true or false') }).default(true),
      })
      .superRefine((cms, ctx) => {
        const oauth = cms.backend === 'github' || cms.backend === 'gitlab';
        if (oauth && !cms.repo) {
          ctx.addIssue({ code: 'custom', path: ['repo'], input: undefined, message: `is missing; the ${cms.backend} backend needs the repository as owner/name` });
        }
        // A field the chosen backend ignores is refused, not dropped: the editor would believe it applies.
        const onlyFor: [keyof typeof cms, boolean, string][] = [
          ['repo', oauth, 'github and gitlab'],
          ['base_url', oauth, 'github and gitlab'],
          ['auth_endpoint', oauth, 'github and gitlab'],
          ['api_root', oauth, 'github and gitlab'],
          ['auth_type', cms.backend === 'gitlab', 'gitlab'],
          ['app_id', cms.backend === 'gitlab', 'gitlab'],
          ['identity_url', cms.backend === 'git-gateway', 'git-gateway'],
          ['gateway_url', cms.backend === 'git-gateway', 'git-gateway'],
        ];
        for (const [field, applies, backends] of onlyFor) {
          if (cms[field] !== undefined && !applies) {
            ctx.addIssue({
              code: 'custom',
              path: [field],
              input: cms[field],
              message: `${found(cms[field])}, but backend ${cms.backend} does not use it; it applies to ${backends} only`,
            });
          }
        }
        if (cms.auth_type === 'pkce' && !cms.app_id) {
          ctx.addIssue({
            code: 'custom',
            path: ['app_id'],
            input: undefined,
            message: "is missing; GitLab's PKCE login needs the Application ID of the OAuth application (docs/editing.md → GitLab)",
          });
        }
        if (cms.app_id !== undefined && cms.backend === 'gitlab' && cms.auth_type !== 'pkce') {
          ctx.addIssue({
            code: 'custom',
            path: ['auth_type'],
            input: cms.auth_type,
            message: `${found(cms.auth_type)}; app_id is used by the PKCE login only: add "auth_type: pkce", or remove app_id`,
          });
        }
      })
      .default({ backend: 'test-repo', branch: 'main', editorial_workflow: true }),
  });
}

export type Settings = z.output<ReturnType<typeof settingsSchema>>;
