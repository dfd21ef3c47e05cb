import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const CORES = availableParallelism();

// Three projects, run in this order by `npm test`:
// unit  — src/lib, schemas and scripts, in-process and fast;
// build — real `astro build` runs on fixture content trees: tests/build/global-setup.ts builds each
//         (tree, date) pair once, in the background from the start of the run, and the tests share them;
// e2e   — Chromium (playwright-core) against the built sample hub in dist/.
//
// When unit and build run together, the unit files go first (sequence.groupOrder), on the cores
// the builds leave, and the build files after, once their builds are done.
/**
 * How long `expect.poll` waits for what a page shows (vitest's default is 1 s). The search page loads
 * Pagefind when the reader starts to type, then searches: on a busy two-core CI machine that passed 1 s.
 */
const BROWSER_POLL = { timeout: 15_000, interval: 100 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          // Vitest's default is one fewer than the cores: one file at a time on two.
          maxWorkers: CORES,
          // The files of a worker share their modules instead of each importing zod, the schemas,
          // twitter-text and the card renderer again (a third of the project's time went to imports).
          // They may: no unit test mocks a module, and those that spy restore what they spied on.
          isolate: false,
          // Property tests take seconds when they share the cores with builds: 5 s is too tight.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          sequence: { groupOrder: 1 },
          // Two files per core: they spend most of their time waiting for Chromium, astro dev or a build.
          maxWorkers: Math.max(2, CORES * 2),
          // A test waits for its build, which waits for the builds queued before it (about twenty, each now also
          // writing the web app's worker and icons and the digests): on a busy two-core machine that passed 180 s.
          testTimeout: 420_000,
          hookTimeout: 420_000,
          expect: { poll: BROWSER_POLL },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: BROWSER_POLL },
        },
      },
    ],
  },
});
