// @ts-check
// The benchmark's control (docs/benchmarks.md): the smallest Astro site that
// turns the hub's Markdown files into pages. No cards, search, sharing,
// validation or publish filter: what any Astro site pays for the same content.
// Built by bench/scale/ with the hub's own astro (root node_modules).
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://control.invalid',
  trailingSlash: 'always',
  ...(process.env.HUB_CACHE_DIR ? { cacheDir: process.env.HUB_CACHE_DIR } : {}),
  build: { format: 'directory' },
});
