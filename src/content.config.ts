import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { load } from 'js-yaml';
import { articleSchema } from './schemas/articles.ts';
import { campaignSchema } from './schemas/campaigns.ts';
import type { CollectionName } from './schemas/context.ts';
import { guidelineSchema } from './schemas/guidelines.ts';
import { personSchema } from './schemas/people.ts';
import { settingsSchema } from './schemas/settings.ts';
import { snippetSchema } from './schemas/snippets.ts';
import { trackSchema } from './schemas/tracks.ts';
import { trainingSchema } from './schemas/training.ts';
import { SETTINGS_FILE, contentRoot, entryPattern, listFiles } from './lib/content/files.ts';
import { filesWithAnchors } from './lib/content/yaml-safety.ts';
import { schemaInputs } from './lib/content/validate.ts';

// The hub's content check (src/integrations/content-check.ts) has already
// reported every problem by the time Astro reads these collections.
const root = contentRoot();
const { settings, ids } = schemaInputs(root);

/**
 * Entries are the files of content/<collection>/; the id is the file name, never slugified.
 * Only people pages read an entry's raw Markdown (`body`, for a description): the other
 * collections keep just the rendered HTML, which halves the data store of a large hub.
 */
function files(collection: CollectionName) {
  const base = path.join(root, collection);
  // The content check refused files with YAML anchors; `astro dev` goes on after errors and must not walk them.
  const refused = filesWithAnchors(base, listFiles(base)).map((file) => `!${file}`);
  return glob({
    pattern: refused.length ? [entryPattern(collection), ...refused] : entryPattern(collection),
    base,
    generateId: ({ entry }) => path.basename(entry, path.extname(entry)),
    retainBody: collection === 'people',
  });
}

// Astro calls a schema given as a function once per entry (to hand it an image() bound to that entry),
// which rebuilt the whole zod schema for every file: only collections with images need that form.
const withoutImages = { settings, ids, image: () => z.never() };

export const collections = {
  settings: defineCollection({
    loader: file(path.join(root, SETTINGS_FILE), { parser: (text) => ({ settings: load(text) as Record<string, unknown> }) }),
    schema: settingsSchema(),
  }),
  snippets: defineCollection({ loader: files('snippets'), schema: snippetSchema(withoutImages) }),
  articles: defineCollection({ loader: files('articles'), schema: ({ image }) => articleSchema({ settings, ids, image }) }),
  guidelines: defineCollection({ loader: files('guidelines'), schema: guidelineSchema(withoutImages) }),
  training: defineCollection({ loader: files('training'), schema: trainingSchema(withoutImages) }),
  campaigns: defineCollection({ loader: files('campaigns'), schema: campaignSchema(withoutImages) }),
  people: defineCollection({ loader: files('people'), schema: ({ image }) => personSchema({ settings, ids, image }) }),
  tracks: defineCollection({ loader: files('tracks'), schema: trackSchema(withoutImages) }),
};
