import path from 'node:path';
import { defineCollection } from 'astro:content';
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

/** Entries are the files of content/<collection>/; the id is the file name, never slugified. */
function files(collection: CollectionName) {
  const base = path.join(root, collection);
  // The content check refused files with YAML anchors; `astro dev` goes on after errors and must not walk them.
  const refused = filesWithAnchors(base, listFiles(base)).map((file) => `!${file}`);
  return glob({
    pattern: refused.length ? [entryPattern(collection), ...refused] : entryPattern(collection),
    base,
    generateId: ({ entry }) => path.basename(entry, path.extname(entry)),
  });
}

export const collections = {
  settings: defineCollection({
    loader: file(path.join(root, SETTINGS_FILE), { parser: (text) => ({ settings: load(text) as Record<string, unknown> }) }),
    schema: settingsSchema(),
  }),
  snippets: defineCollection({ loader: files('snippets'), schema: ({ image }) => snippetSchema({ settings, ids, image }) }),
  articles: defineCollection({ loader: files('articles'), schema: ({ image }) => articleSchema({ settings, ids, image }) }),
  guidelines: defineCollection({ loader: files('guidelines'), schema: ({ image }) => guidelineSchema({ settings, ids, image }) }),
  training: defineCollection({ loader: files('training'), schema: ({ image }) => trainingSchema({ settings, ids, image }) }),
  campaigns: defineCollection({ loader: files('campaigns'), schema: ({ image }) => campaignSchema({ settings, ids, image }) }),
  people: defineCollection({ loader: files('people'), schema: ({ image }) => personSchema({ settings, ids, image }) }),
  tracks: defineCollection({ loader: files('tracks'), schema: ({ image }) => trackSchema({ settings, ids, image }) }),
};
