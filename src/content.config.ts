import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { load } from 'js-yaml';
import { collectionSchemas } from './schemas/index.ts';
import { COLLECTIONS, type CollectionName } from './schemas/context.ts';
import { settingsSchema } from './schemas/settings.ts';
import { SETTINGS_FILE, contentRoot, entryPattern } from './lib/content/files.ts';
import { schemaInputs } from './lib/content/validate.ts';

// The hub's content check (src/integrations/content-check.ts) has already
// reported every problem by the time Astro reads these collections.
const root = contentRoot();
const { settings, ids } = schemaInputs(root);

function entries<C extends CollectionName>(collection: C) {
  return defineCollection({
    loader: glob({
      pattern: entryPattern(collection),
      base: path.join(root, collection),
      // The id is the file name, as the content model says: never slugified, never from front matter.
      generateId: ({ entry }) => path.basename(entry, path.extname(entry)),
    }),
    schema: ({ image }) => collectionSchemas[collection]({ settings, ids, image }) as ReturnType<(typeof collectionSchemas)[C]>,
  });
}

export const collections = {
  settings: defineCollection({
    loader: file(path.join(root, SETTINGS_FILE), { parser: (text) => ({ settings: load(text) as Record<string, unknown> }) }),
    schema: settingsSchema(),
  }),
  ...(Object.fromEntries(COLLECTIONS.map((c) => [c, entries(c)])) as { [C in CollectionName]: ReturnType<typeof entries<C>> }),
};
