import { z } from 'astro/zod';
import { NETWORK_IDS } from '../networks.ts';
import { HOST_PATTERN, ID_PATTERN, ID_RULE } from '../ids.ts';
import { emailAddress, expect, found, httpUrl, list, oneOf, text } from './fields.ts';
import { addressProblem } from '../urls.ts';
import { closest, quote, showInvisible } from '../words.ts';

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** Decap CMS backends the hub configures. */
export const CMS_BACKENDS = ['github', 'gitlab', 'git-gateway', 'test-repo'] as const;
/** Where "Suggest a post" sends a suggestion (settings.suggest.channel). */
export const SUGGEST_CHANNELS = ['github', 'gitlab', 'email'] as const;

const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** One segment of a path the hub builds URLs on: no empty, hidden, "." or ".." segment, nothing to encode. */
const SEGMENT = '[A-Za-z0-9_~-][A-Za-z0-9._~-]*';

const SITE_ALLOWED =
  'an absolute http(s) URL the hub is served from, such as https://voices.example.com or https://acme.github.io/hub/ (an ASCII host, then path segments of letters, digits, "-", ".", "_" or "~"; no user name, query or fragment)';
const SITE_PATTERN = new RegExp(`^https?://[A-Za-z0-9.-]+(?::\\d+)?(?:/${SEGMENT})*/?$`);

/**
 * settings.site: the URL rule of every address (src/model/urls.ts), and more,
 * because every page, feed, post, invite link, QR code and the base path of
 * every route is built on it: an ASCII host and a plain path, which Astro's
 * routes, _headers rules and feeds take as they are.
 */
function siteAddress() {
  return z
    .string({ error: expect(SITE_ALLOWED) })
    .trim()
    .superRefine((value, ctx) => {
      const problem = addressProblem(value, ['http', 'https']) ?? (SITE_PATTERN.test(value) ? undefined : {});
      if (problem) ctx.addIssue({ code: 'custom', input: value, message: `${found(value)}${problem.why ? `, which ${problem.why}` : ''}; expected ${SITE_ALLOWED}` });
    })
    .meta({ format: 'url' });
}

const LOGO_ALLOWED = 'a path under public/ such as /brand/logo.svg (segments of letters, digits, "-", ".", "_" or "~", ending in .svg, .png, .jpg or .webp)';
const LOGO_PATTERN = new RegExp(`^(?:/${SEGMENT})+\\.(?:svg|png|jpe?g|webp)$`, 'i');

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

/** Days a weekly digest may go out on. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** What a digest may hold, in the order it shows them (docs/digest.md). */
export const DIGEST_SECTIONS = ['new', 'campaigns', 'expiring', 'spotlight'] as const;
/** The id of the digest for everyone: all new content, whatever its teams (HUB_DIGEST_TO_ALL). */
export const EVERYONE = 'all';

/** The image limits a hub has unless settings.yaml says otherwise (docs/content-model.md says why). */
export const DEFAULT_IMAGE_LIMITS = { max_megapixels: 25, max_megabytes: 20 } as const;

/** A limit: a number above 0. */
function limit(example: string) {
  return z.number({ error: expect(`a number of ${example}`) }).positive({ error: expect(`a number above 0, e.g. ${example}`) });
}

export function settingsSchema() {
  return z
    .strictObject({
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
      /**
       * The languages the hub publishes in, `lang` (the default) among them. Each other language gets its
       * own pages under /<language>/ (docs/content-model.md → Languages); an entry's translation into it is
       * the file <id>.<language>.md next to the entry. Default: [lang], one language.
       */
      languages: list(z.string({ error: expect('a language tag such as "en" or "de-CH"') }).regex(LANG, { error: expect('a language tag such as "en" or "de-CH"') }), 1)
        .superRefine(noRepeats)
        .optional(),
      /**
       * What a language's pages do with an entry that has no translation into it: "show" the default
       * language's version, marked as such, or "hide" it there. Default: show.
       */
      untranslated: oneOf(UNTRANSLATED, 'a way to treat untranslated entries').default('show'),
      /**
       * What name and description say in another of `languages`, by language, e.g.
       * `de: { description: "…" }`. What a language leaves out is the default language's (the disclosure
       * is the same in every language: share lengths are checked with it). Default: none.
       */
      translations: z
        .record(
          z.string({ error: expect('a language of languages, such as de') }),
          z.strictObject({ name: line(60).optional(), description: line(200).optional() }, { error: expect('the fields in that language: name, description') }),
          { error: expect('a language of languages, then its name or description') },
        )
        .optional(),
      /** Absolute base URL the hub is served from; used for canonical links, cards and feeds. */
      site: siteAddress(),
      brand: z.strictObject(
        {
          /** Main brand colour (links, buttons, card background). */
          primary: hexColour(),
          /** Accent colour for highlights. */
          accent: hexColour(),
          /** Path of a logo under public/, e.g. /brand/logo.svg. Default: no logo. */
          logo: z
            .string({ error: expect(LOGO_ALLOWED) })
            .regex(LOGO_PATTERN, { error: expect(LOGO_ALLOWED) })
            .optional(),
        },
        { error: expect('brand colours: { primary: "#0b3d91", accent: "#f5a623" }') },
      ),
      /**
       * The hub as an installable web app: a manifest and icons, a share target that opens /compose/, and a
       * service worker that keeps visited pages readable offline (docs/web-app.md). false turns all of it off
       * and removes a worker that phones already have. Default: true.
       */
      web_app: z.boolean({ error: expect('true or false') }).default(true),
      /** Appended to shared text where a network needs it; "" disables it. Default: "". */
      disclosure: disclosure().default(''),
      utm: z
        .strictObject({
          /** utm_medium of every tagged link. */
          medium: z
            .string({ error: expect('a short id such as employee-advocacy') })
            .regex(/^[A-Za-z0-9._-]+$/, { error: expect('a short id such as employee-advocacy') }),
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
      /**
       * Limits on every image the hub ships or processes (covers, avatars, images in bodies, public/),
       * read from each file's header before anything decodes it: a larger file is a build error.
       */
      images: z
        .strictObject({
          /**
           * Most pixels an image may have, in megapixels (width × height ÷ 1,000,000). Default: 25,
           * so a 24-megapixel camera photo (6000 × 4000) passes; decoding one takes about 100 MB, and
           * a 20,000 × 20,000 PNG (400 megapixels, 1.6 GB decoded) does not.
           */
          max_megapixels: limit('megapixels such as 25').default(DEFAULT_IMAGE_LIMITS.max_megapixels),
          /**
           * Largest image file in megabytes (1 MB = 1,000,000 bytes). Default: 20, above a
           * full-quality 24-megapixel camera JPEG (about 8–15 MB) and far below an 84 MB photo.
           */
          max_megabytes: limit('megabytes such as 20').default(DEFAULT_IMAGE_LIMITS.max_megabytes),
        })
        .default({ ...DEFAULT_IMAGE_LIMITS }),
      /** The weekly digest (/digest/, e-mail, Slack, Teams) and what it holds (docs/digest.md). */
      digest: z
        .strictObject({
          /** The day the digest covers the week up to, and goes out on. Default: monday. */
          day: oneOf(WEEKDAYS, 'a day of the week').default('monday'),
          /**
           * The digests sent: team ids from `teams`, and "all" for the digest for everyone.
           * Default: "all" and every team.
           */
          teams: list(z.string({ error: expect('a team id from teams, or "all"') }))
            .superRefine(noRepeats)
            .optional(),
          /** The sections, in this order: new, campaigns, expiring, spotlight. Default: all four. */
          sections: list(oneOf(DIGEST_SECTIONS, 'a digest section'), 1)
            .superRefine(noRepeats)
            .default([...DIGEST_SECTIONS]),
        })
        .default({ day: 'monday', sections: [...DIGEST_SECTIONS] }),
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
          /**
           * github: Decap's open authoring: people without write access log in with GitHub, and their saves become
           * pull requests from a fork of theirs (docs/editing.md → Suggestions). Needs editorial_workflow. Default: false.
           */
          open_authoring: z.boolean({ error: expect('true or false') }).optional(),
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
            ['open_authoring', cms.backend === 'github', 'github'],
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
          if (cms.open_authoring && cms.backend === 'github' && !cms.editorial_workflow) {
            ctx.addIssue({
              code: 'custom',
              path: ['open_authoring'],
              input: true,
              message:
                'is true, but open authoring turns saves into pull requests through the editorial workflow: set "editorial_workflow: true", or remove open_authoring',
            });
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
      /** /compose/, where advocates share any link in their own words (docs/content-model.md → Compose). */
      compose: z
        .strictObject({
          /**
           * The company's own domains: links to them (and their subdomains) get UTM tags, links elsewhere are
           * shared untouched. Default: the host of `site` and the hosts of the snippets' links.
           */
          own_domains: list(
            z
              .string({ error: expect('a host name such as tidewater.example.com') })
              .regex(HOST_PATTERN, { error: expect('a host name such as tidewater.example.com (no https://, no path)') }),
            1,
          )
            .superRefine(noRepeats)
            .optional(),
        })
        .optional(),
      /**
       * Where "Suggest a post" sends advocates' suggestions (docs/editing.md → Suggestions). Default: an issue in
       * cms.repo when the cms backend is github or gitlab; otherwise the action is hidden.
       */
      suggest: z
        .strictObject({
          /** github or gitlab (a prefilled issue), or email (a prefilled e-mail to the editors). */
          channel: oneOf(SUGGEST_CHANNELS, 'a suggestion channel'),
          /** github, gitlab: the repository as owner/name (GitLab: group/…/project). */
          repo: z
            .string({ error: expect('owner/name, e.g. acme/advocacy-hub') })
            .regex(/^(?!\.\.?\/)[\w.-]+(?:\/(?!\.\.?(?:\/|$))[\w.-]+)+$/, { error: expect('owner/name, e.g. acme/advocacy-hub') })
            .optional(),
          /** github, gitlab on your own server: its address. Default: https://github.com, https://gitlab.com. */
          base_url: httpUrl().optional(),
          /** email: the editors' address. */
          email: emailAddress().optional(),
        })
        .superRefine((suggest, ctx) => {
          const issue = suggest.channel !== 'email';
          if (issue && !suggest.repo)
            ctx.addIssue({ code: 'custom', path: ['repo'], input: undefined, message: `is missing; the ${suggest.channel} channel needs the repository as owner/name` });
          if (!issue && !suggest.email)
            ctx.addIssue({ code: 'custom', path: ['email'], input: undefined, message: "is missing; the email channel needs the editors' address" });
          const onlyFor: [keyof typeof suggest, boolean, string][] = [
            ['repo', issue, 'github and gitlab'],
            ['base_url', issue, 'github and gitlab'],
            ['email', !issue, 'email'],
          ];
          for (const [field, applies, channels] of onlyFor) {
            if (suggest[field] !== undefined && !applies)
              ctx.addIssue({
                code: 'custom',
                path: [field],
                input: suggest[field],
                message: `${found(suggest[field])}, but channel ${suggest.channel} does not use it; it applies to ${channels} only`,
              });
          }
        })
        .optional(),
    })
    .superRefine((settings, ctx) => {
      // Pages of the default language are the hub's own URLs; it has to be one of the hub's languages.
      if (settings.languages && !settings.languages.some((language) => sameLanguage(language, settings.lang))) {
        ctx.addIssue({
          code: 'custom',
          path: ['languages'],
          input: settings.languages,
          message: `is [${settings.languages.join(', ')}], which leaves out the default language lang: ${settings.lang}; list it too, e.g. [${[settings.lang, ...settings.languages].join(', ')}]`,
        });
      }
      // A translation of settings for a language the hub does not publish in would never show.
      for (const language of Object.keys(settings.translations ?? {})) {
        const others = hubLanguages(settings).slice(1);
        if (others.some((other) => sameLanguage(other, language))) continue;
        ctx.addIssue({
          code: 'custom',
          path: ['translations', language],
          input: language,
          message: `is for ${quote(language)}, ${sameLanguage(language, settings.lang) ? 'the default language, whose words are the fields above' : 'which is not one of languages'}; allowed: ${others.length ? others.join(', ') : 'none (add the language to languages first)'}`,
        });
      }
      // A digest for a team nobody belongs to would go out empty every week, or to the wrong people.
      settings.digest.teams?.forEach((team, index) => {
        if (team === EVERYONE || settings.teams.includes(team)) return;
        const hint = closest(team, settings.teams);
        ctx.addIssue({
          code: 'custom',
          path: ['digest', 'teams', index],
          input: team,
          message: `${found(team)}, which is not a team of this hub; allowed: ${[EVERYONE, ...settings.teams.filter((t) => t !== EVERYONE)].join(', ')} ("all" is the digest for everyone)${hint ? ` (did you mean ${quote(hint)}?)` : ''}`,
        });
      });
    });
}

/** The disclosure appended to shared text: one line of at most 150 characters. */
function disclosure() {
  return z
    .string({ error: expect('text such as "#AcmeEmployee", or "" to disable') })
    .trim()
    .max(150, { error: (iss) => `is ${String(iss.input).length} characters long; at most 150 are allowed, as it is added to every post` })
    .refine(oneLine, { error: unseenMessage });
}

/** Settings as a language's pages see them: its name and description from `translations`, and `lang`. */
export function settingsIn<S extends Pick<Settings, 'lang' | 'translations'>>(settings: S, language: string): S {
  const own = Object.entries(settings.translations ?? {}).find(([tag]) => sameLanguage(tag, language))?.[1] ?? {};
  const defined = Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined));
  return { ...settings, ...defined, lang: language };
}

/** What a language's pages do with an entry not translated into it (settings.untranslated). */
export const UNTRANSLATED = ['show', 'hide'] as const;

/** Whether two language tags name the same language (tags are case-insensitive: de-CH, de-ch). */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The hub's languages, the default (settings.lang) first: settings.languages, or the default alone. */
export function hubLanguages(settings: Pick<Settings, 'lang' | 'languages'>): string[] {
  const others = (settings.languages ?? []).filter((language) => !sameLanguage(language, settings.lang));
  return [settings.lang, ...others];
}

/** The digests a hub sends: settings.digest.teams, or "all" and every team. */
export function digestTeams(settings: Pick<Settings, 'teams' | 'digest'>): string[] {
  return settings.digest.teams?.length ? settings.digest.teams : [EVERYONE, ...settings.teams.filter((team) => team !== EVERYONE)];
}

export type Settings = z.output<ReturnType<typeof settingsSchema>>;
