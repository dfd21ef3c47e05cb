import { z } from 'astro/zod';
import { type SchemaContext, tuple } from './context.ts';
import { dateOrder, expect, httpUrl, list, oneOf, publishingFields, text } from './fields.ts';

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
      profiles: z
        .strictObject(
          {
            linkedin: httpUrl().optional(),
            x: httpUrl().optional(),
            bluesky: httpUrl().optional(),
            mastodon: httpUrl().optional(),
            threads: httpUrl().optional(),
            website: httpUrl().optional(),
          },
          { error: expect('profile links such as { linkedin: https://… }') },
        )
        .default({}),
      /** Portrait next to the file, e.g. ./ana.jpg. Default: initials. */
      avatar: image().optional(),
      ...publishingFields(),
    })
    .superRefine((person, ctx) => {
      dateOrder(ctx, { field: 'expires', date: person.expires }, { field: 'publish', date: person.publish });
    });
}
