import { z } from 'astro/zod';
import { type SchemaContext, tuple } from './context.ts';
import { entryRef, expect, dateOrder, found, httpUrl, list, oneOf, publishingFields, text } from './fields.ts';

const HASHTAG = /^[\p{L}\p{N}_]+$/u;

function hashtag() {
  return z
    .string({ error: expect('a hashtag without "#", e.g. ClimateAction') })
    .trim()
    .superRefine((tag, ctx) => {
      if (HASHTAG.test(tag)) return;
      const message = tag.startsWith('#')
        ? `${found(tag)}; write hashtags without "#" (the hub adds it), e.g. ${JSON.stringify(tag.replace(/^#+/, ''))}`
        : `${found(tag)}; a hashtag may hold letters, digits and "_" only, no spaces or punctuation`;
      ctx.addIssue({ code: 'custom', input: tag, message });
    })
    .meta({ textPattern: HASHTAG, rule: 'Hashtags without "#", separated by commas: letters, digits and "_" only, e.g. ClimateAction, HeatPumps' });
}

export function snippetSchema({ settings, ids }: SchemaContext) {
  const network = oneOf(tuple(settings.networks), 'a network enabled in settings.yaml');
  return z
    .strictObject({
      /** For advocates, not posted. At most 120 characters. */
      title: text(120),
      /** The absolute http(s) URL being shared; it keeps its own query and fragment when tagged. */
      link: httpUrl(),
      /** The campaign this snippet belongs to. Default: none. */
      campaign: entryRef('campaigns', ids?.campaigns).optional(),
      topics: list(oneOf(tuple(settings.topics), 'a topic from settings.yaml'), 1),
      /** Who the snippet is for; "all" means everyone. */
      teams: list(oneOf(tuple(settings.teams), 'a team from settings.yaml'), 1),
      /** Networks to offer. Default: every network of settings. */
      networks: list(network, 1).optional(),
      /** Hashtags without "#", appended to the text. Default: none. */
      // Words of a language (#Wärmepumpe): each translation picks its own.
      hashtags: list(hashtag()).meta({ list: 'compact', i18n: 'translate' }).default([]),
      /** Several wordings so colleagues do not post the same words; at least 1, better 2 or more. */
      variants: list(
        z.strictObject(
          {
            text: text(),
            /** Only offer this variant on these networks. Default: all of the snippet's networks. */
            networks: list(network, 1).optional(),
          },
          { error: expect('a variant such as { text: "…" }') },
        ),
        1,
      ),
      ...publishingFields(),
    })
    .superRefine((snippet, ctx) => {
      dateOrder(ctx, { field: 'expires', date: snippet.expires }, { field: 'publish', date: snippet.publish });
      if (!snippet.networks) return;
      snippet.variants.forEach((variant, index) => {
        variant.networks?.forEach((id, at) => {
          if (!snippet.networks!.includes(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['variants', index, 'networks', at],
              input: id,
              message: `${found(id)}, which is not among the snippet's networks; allowed: ${snippet.networks!.join(', ')}`,
            });
          }
        });
      });
    });
}
