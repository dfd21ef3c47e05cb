import { defineConfig } from 'vitest/config';

// Three projects, run in this order by `npm test`:
// unit  — src/lib, schemas and scripts, in-process and fast;
// build — real `astro build` runs on fixture content trees;
// e2e   — Chromium (playwright-core) against the built sample hub in dist/.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
