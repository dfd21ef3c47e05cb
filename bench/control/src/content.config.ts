// Every collection folder of HUB_CONTENT_DIR through the plain glob loader, without a schema.
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const root = path.resolve(process.env.HUB_CONTENT_DIR ?? '../../content');
const folder = (name: string) => defineCollection({ loader: glob({ pattern: '*.md', base: path.join(root, name) }) });

export const collections = {
  snippets: folder('snippets'),
  articles: folder('articles'),
  guidelines: folder('guidelines'),
  training: folder('training'),
  campaigns: folder('campaigns'),
  people: folder('people'),
  tracks: folder('tracks'),
};
