import { z } from 'astro/zod';
import type { SchemaContext } from './context.ts';
import { dateOrder, isoDate, list, position, publishingFields, text } from './fields.ts';

export function guidelineSchema(_: SchemaContext) {
  return z
    .strictObject({
      title: text(160),
      /** One sentence shown in lists and as the meta description. */
      summary: text(300),
      /** Position in the guideline list; lower comes first. */
      order: position(),
      /** What to do, one short line each; at least 1. */
      do: list(text(300), 1),
      /** What not to do, one short line each; at least 1. */
      dont: list(text(300), 1),
      /** When the guideline last changed. Default: none. */
      updated: isoDate().optional(),
      ...publishingFields(),
    })
    .superRefine((guideline, ctx) => {
      dateOrder(ctx, { field: 'expires', date: guideline.expires }, { field: 'publish', date: guideline.publish });
    });
}
