/** /snippets.schema.json: the JSON Schema of /snippets.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { settings } from '../../views/hub.ts';
import { feedJsonSchema } from '../../lib/share/feed.ts';
import { SHARE_FEED_SCHEMA, absolute, path } from '../../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(feedJsonSchema(absolute(path(SHARE_FEED_SCHEMA), site ?? settings.site)), null, 2), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
