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
import { SITE_DIRECTIVES } from './src/lib/security/policy.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { renderedPages } from './src/integrations/rendered-pages.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { sanitizeMarkdown } from './src/lib/markdown/sanitize.ts';

// settings.site decides canonical URLs and the base path. When settings.yaml
// is broken, the content check reports why and stops the build.
const { site, base } = siteAndBase(readSiteUrl() ?? 'https://hub.invalid');

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Separate caches let tests build several content trees side by side.
  ...(process.env.HUB_CACHE_DIR ? { cacheDir: process.env.HUB_CACHE_DIR } : {}),
  // Four pages in flight: with one, the build's thread waits for each page's file to be written
  // (a third of a 10,000-entry build idle); four cut rendering by a fifth, eight is slower again
  // (docs/benchmarks.md, "At scale").
  build: { format: 'directory', concurrency: 4 },
  // A Content Security Policy in every page (Astro hashes the scripts and styles it renders);
  // src/integrations/security-headers.ts repeats it as HTTP headers in dist/_headers.
  security: { csp: { directives: [...SITE_DIRECTIVES] } },
  markdown: {
    // Raw HTML in Markdown bodies is parsed, then cut down to safe formatting (src/lib/markdown/safe-html.ts).
    processor: satteri({ features: { rawHtml: true }, hastPlugins: [sanitizeMarkdown({ siteHost: new URL(site).host })] }),
    // Prism marks code with classes; Shiki's inline style attributes would need 'unsafe-inline' styles.
    syntaxHighlight: 'prism',
  },
  integrations: [contentCheck(), mdx(), sitemap({ filter: notCms(base) }), cms(), shareCards(), renderedPages(), searchIndex(), securityHeaders()],
});
