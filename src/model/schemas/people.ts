import { z } from 'astro/zod';
import { type SchemaContext, tuple } from './context.ts';
import { CODE_PATTERN, CODE_RULE, normalizeCode } from '../ids.ts';
import { PROFILE_NETWORKS, type ProfileNetworkId } from '../networks.ts';
import { dateOrder, emailAddress, expect, found, httpUrl, httpsUrl, list, oneOf, publishingFields, text } from './fields.ts';

/** A profile link per network that takes profiles (the network registry says which). */
function profileFields() {
  return Object.fromEntries(PROFILE_NETWORKS.map((id) => [id, httpUrl().optional()])) as Record<
    ProfileNetworkId,
    ReturnType<typeof httpUrl>['optional'] extends () => infer O ? O : never
  >;
}

/** The four advocacy roles. */
export const ROLES = ['listener', 'curator', 'commenter', 'creator'] as const;
export type Role = (typeof ROLES)[number];

export function personSchema<Image extends z.ZodType>({ settings, image }: SchemaContext<Image>) {
  return z
    .strictObject({
      name: text(120),
      /** Job title. */
      title: text(120),
      team: oneOf(tuple(settings.teams), 'a team from settings.yaml'),
      /** Advocacy roles; at least 1. */
      roles: list(oneOf(ROLES, 'an advocacy role'), 1),
      /** Listed in the mentors directory and offered on onboarding tracks. Default: false. */
      mentor: z.boolean({ error: expect('true or false') }).default(false),
      /** A short recognition quote for the "shining stars" spotlight. Default: none. */
      spotlight: text(280).optional(),
      /** Public profiles, each optional. */
      profiles: z.strictObject({ ...profileFields(), website: httpUrl().optional() }, { error: expect('profile links such as { linkedin: https://… }') }).default({}),
      /**
       * How to reach this person, shown as a "Contact" action on mentor cards and track pages;
       * each optional: `email` (an address, opened as mailto:), `chat` (an https link to a chat,
       * e.g. Teams or Slack), `booking` (an https link to book time). Default: none.
       */
      contact: z
        .strictObject(
          { email: emailAddress().optional(), chat: httpsUrl().optional(), booking: httpsUrl().optional() },
          { error: expect('contact ways such as { email: ana@example.com, booking: https://… }') },
        )
        .default({}),
      /** Portrait next to the file, e.g. ./ana.jpg. Default: initials. */
      avatar: image().optional(),
      /**
       * The advocate code(s) this person shares with (`?ref=` links, sent as utm_content), so the
       * impact page can count their visits: one code or a list. Never published. Default: none.
       */
      code: advocateCodes().optional(),
      /** Consent to be named, with their numbers, in the impact page's recognition. Default: false. */
      recognize: z.boolean({ error: expect('true or false') }).default(false),
      ...publishingFields(),
    })
    .superRefine((person, ctx) => {
      dateOrder(ctx, { field: 'expires', date: person.expires }, { field: 'publish', date: person.publish });
    });
}

/** One advocate code or a list of them, each as `normalizeCode` accepts it; always a list after parsing. */
function advocateCodes() {
  const code = z
    .string({ error: expect(`an advocate code: ${CODE_RULE}`) })
    .superRefine((value, ctx) => {
      if (normalizeCode(value) !== value.trim()) {
        ctx.addIssue({ code: 'custom', input: value, message: `${found(value)}, which cannot be an advocate code (it ends up in links); use ${CODE_RULE}` });
      }
    })
    .transform((value) => value.trim())
    .meta({ textPattern: CODE_PATTERN, rule: `Advocate codes separated by commas: ${CODE_RULE}` });
  // Edited in the CMS as one comma-separated line, which also shows a single code written as a string.
  return z.preprocess((value) => (typeof value === 'string' ? [value] : value), list(code, 1).meta({ list: 'compact' }));
}
