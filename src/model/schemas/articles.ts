import { z } from 'astro/zod';
import { type SchemaContext, tuple } from './context.ts';
import { dateOrder, entryRef, expect, httpUrl, isoDate, list, oneOf, text } from './fields.ts';

export function articleSchema<Image extends z.ZodType>({ settings, ids, image }: SchemaContext<Image>) {
  return z
    .strictObject({
      title: text(200),
      /** Meta description and card text. At most 200 characters. */
      description: text(200),
      /** The person who wrote it (an id from content/people). */
      author: entryRef('people', ids?.people),
      /** Publication date; the article is not published before it. */
      published: isoDate(),
      /** Date of the last substantial update. Default: none. */
      updated: isoDate().optional(),
      topics: list(oneOf(tuple(settings.topics), 'a topic from settings.yaml'), 1),
      /** Cover image next to the file, with its text alternative. Default: none. */
      cover: z
        .strictObject(
          {
            src: image(),
            alt: text(300),
          },
          { error: expect('{ src: ./cover.jpg, alt: "what the image shows" }') },
        )
        .optional(),
      /** Where the article was first published, for the canonical link. Default: this page. */
      canonical: httpUrl().optional(),
      /** Drafts are never built. Default: false. */
      draft: z.boolean({ error: expect('true or false') }).default(false),
      /** Not published after this date. Default: never expires. */
      expires: isoDate().optional(),
    })
    .superRefine((article, ctx) => {
      dateOrder(ctx, { field: 'updated', date: article.updated }, { field: 'published', date: article.published }, true);
      dateOrder(ctx, { field: 'expires', date: article.expires }, { field: 'published', date: article.published });
    });
}
