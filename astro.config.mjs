// @ts-check
// The hub is one integration (src/hub/index.ts): it reads content/settings.yaml and sets the site,
// its base path, Markdown, the security policy, MDX, the sitemap and its own routes from it.
import { defineConfig } from 'astro/config';
import { hub } from './src/hub/index.ts';

export default defineConfig({
  integrations: [hub()],
});
