/** Every collection's schema, by name: the one source of truth for content. */
import { articleSchema } from './articles.ts';
import { campaignSchema } from './campaigns.ts';
import type { CollectionName } from '../collections.ts';
import type { SchemaContext } from './context.ts';
import { guidelineSchema } from './guidelines.ts';
import { personSchema } from './people.ts';
import { snippetSchema } from './snippets.ts';
import { trackSchema } from './tracks.ts';
import { trainingSchema } from './training.ts';

export const collectionSchemas = {
  snippets: snippetSchema,
  articles: articleSchema,
  guidelines: guidelineSchema,
  training: trainingSchema,
  campaigns: campaignSchema,
  people: personSchema,
  tracks: trackSchema,
} satisfies Record<CollectionName, (context: SchemaContext) => unknown>;

export type { SchemaContext } from './context.ts';
export { settingsSchema, type Settings } from './settings.ts';
