/**
 * The collections of content/. Every one loads through the hub's loader
 * (src/content/loader.ts), which reads the tree once, checks it and reports
 * problems as file:line — field — value — what is allowed. The schemas here
 * give the entries their types; Astro runs them itself only on collections
 * with images, whose image() fields it turns into images.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { command, factLines, language, now, paths, settings, settingsProblems } from 'virtual:hub/config';
import { hubLoader } from './content/loader.ts';
import { articleSchema } from './model/schemas/articles.ts';
import { campaignSchema } from './model/schemas/campaigns.ts';
import { guidelineSchema } from './model/schemas/guidelines.ts';
import { personSchema } from './model/schemas/people.ts';
import { snippetSchema } from './model/schemas/snippets.ts';
import { trackSchema } from './model/schemas/tracks.ts';
import { trainingSchema } from './model/schemas/training.ts';

// While settings.yaml has errors (astro dev), entries wait: checked against placeholder settings they would all be wrong.
// Content is checked against the default language (the one of <id>.md files); this run stores the versions of language.current.
const loader = hubLoader({
  root: paths.content,
  project: paths.project,
  publicDir: paths.public,
  now,
  settings: language.defaultSettings,
  command,
  paused: settingsProblems.length > 0,
  language,
  factLines,
});
const typesOnly = { settings, image: () => z.never() };

export const collections = {
  snippets: defineCollection({ loader: loader('snippets'), schema: snippetSchema(typesOnly) }),
  articles: defineCollection({ loader: loader('articles'), schema: ({ image }) => articleSchema({ settings, image }) }),
  guidelines: defineCollection({ loader: loader('guidelines'), schema: guidelineSchema(typesOnly) }),
  training: defineCollection({ loader: loader('training'), schema: trainingSchema(typesOnly) }),
  campaigns: defineCollection({ loader: loader('campaigns'), schema: campaignSchema(typesOnly) }),
  people: defineCollection({ loader: loader('people'), schema: ({ image }) => personSchema({ settings, image }) }),
  tracks: defineCollection({ loader: loader('tracks'), schema: trackSchema(typesOnly) }),
};
