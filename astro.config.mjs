// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentCheck } from './src/integrations/content-check.ts';
import { cms, notCms } from './src/integrations/cms.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { searchIndex } from './src/integrations/search.ts';
import { readSiteUrl } from './src/lib/content/settings-file.ts';
import { siteAndBase } from './src/lib/site.ts';

// settings.site decides canonical URLs and the base path. When settings.yaml
// is broken, the content check reports why and stops the build.
const { site, base } = siteAndBase(readSiteUrl() ?? 'https://hub.invalid');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Separate caches let tests build several content trees side by side.
  ...(process.env.HUB_CACHE_DIR ? { cacheDir: process.env.HUB_CACHE_DIR } : {}),
  build: { format: 'directory' },
  integrations: [contentCheck(), mdx(), sitemap({ filter: notCms(base) }), cms(), shareCards(), searchIndex()],
});
