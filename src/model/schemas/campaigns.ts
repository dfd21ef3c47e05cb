import { z } from 'astro/zod';
import { type SchemaContext, tuple } from './context.ts';
import { dateOrder, isoDate, list, oneOf, publishingFields, text } from './fields.ts';

export function campaignSchema({ settings }: SchemaContext) {
  return z
    .strictObject({
      title: text(120),
      summary: text(300),
      /** First day of the campaign. */
      starts: isoDate(),
      /** Last day of the campaign; on or after `starts`. */
      ends: isoDate(),
      topics: list(oneOf(tuple(settings.topics), 'a topic from settings.yaml'), 1),
      teams: list(oneOf(tuple(settings.teams), 'a team from settings.yaml'), 1),
      ...publishingFields(),
    })
    .superRefine((campaign, ctx) => {
      dateOrder(ctx, { field: 'ends', date: campaign.ends }, { field: 'starts', date: campaign.starts }, true);
      dateOrder(ctx, { field: 'expires', date: campaign.expires }, { field: 'publish', date: campaign.publish });
    });
}
