/**
 * Builds the search index once Astro has written dist/: Pagefind's Node API
 * indexes the entry pages and writes the index and its Component UI to
 * dist/pagefind/. When indexing fails the build fails, with one readable
 * line saying why, never a stack trace.
 *
 * Which pages and what they say is decided by the pages themselves: an entry
 * page carries `data-pagefind-body` and its filters, metadata and sort date
 * (components/SearchEntry.astro, which refuses unpublished entries). Lists,
 * the home page and the 404 are ways to browse, so they are not indexed.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { ROUTE_OF, SEARCH_BUNDLE_DIR } from '../lib/urls.ts';

/** The HTML files that may be indexed: one page per entry, `share/<id>/index.html` and so on. */
export const ENTRY_PAGES_GLOB = `{${[...new Set(Object.values(ROUTE_OF))].join(',')}}/*/index.html`;

/**
 * Parts of an entry page that are not its text: cards of related entries,
 * the pager, labels such as "Campaign", "Running now" or "Wording 2", topic
 * chips (they are filters) and the <h1>: the title is searched (and ranked
 * highest) as metadata, and would otherwise open every excerpt.
 */
export const EXCLUDED_SELECTORS = ['h1', '.card', '.pager', '.eyebrow', '.badge', '.tags', '.variant figcaption', '[data-search-ignore]'];

export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** Files written to dist/pagefind/ and their total size, UI scripts included. */
  files: number;
  bytes: number;
}

/** Indexing failed; the message says why and is shown as is. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** The part of Pagefind's Node API the hub uses (tests pass a fake). */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

export interface SearchIndexOptions {
  /** The built site (dist/). */
  dir: string;
  api?: PagefindApi;
}

export async function buildSearchIndex({ dir, api = pagefind }: SearchIndexOptions): Promise<SearchIndexReport> {
  const fail = (what: string, errors: readonly string[]) => new SearchIndexError(`${what}: ${errors.join('; ')}`);
  try {
    let created;
    try {
      created = await api.createIndex({ excludeSelectors: EXCLUDED_SELECTORS });
    } catch (error) {
      throw fail('Pagefind could not start', [
        `${(error as Error).message.split('\n')[0]} (run "npm ci" again; Pagefind needs the @pagefind/* package of this platform)`,
      ]);
    }
    const { index, errors } = created;
    if (!index || errors.length) throw fail('Pagefind could not create an index', errors.length ? errors : ['no index returned']);

    const added = await index.addDirectory({ path: dir, glob: ENTRY_PAGES_GLOB });
    if (added.errors.length) throw fail(`Pagefind could not index ${dir}`, added.errors);

    const outputPath = path.join(dir, SEARCH_BUNDLE_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw fail(`Pagefind could not write ${outputPath}`, written.errors);
    return { pages: added.page_count, ...sizeOf(outputPath) };
  } finally {
    await api.close().catch(() => undefined);
  }
}

function sizeOf(dir: string): { files: number; bytes: number } {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(dir, file))
    .filter((file) => statSync(file).isFile());
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

/**
 * `import.meta.env.HUB_SEARCH_INDEX` tells pages whether this run writes an
 * index: true in `astro build`, false in `astro dev`. (Vite's DEV flag follows
 * NODE_ENV, which test runners set, so it cannot tell.)
 */
export const SEARCH_INDEX_FLAG = 'import.meta.env.HUB_SEARCH_INDEX';

export function searchIndex(options: { api?: PagefindApi } = {}): AstroIntegration {
  return {
    name: 'hub:search',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { [SEARCH_INDEX_FLAG]: JSON.stringify(command === 'build') } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        try {
          const report = await buildSearchIndex({ dir: fileURLToPath(dir), api: options.api });
          const ms = Math.round(performance.now() - started);
          logger.info(`indexed ${report.pages} pages into ${SEARCH_BUNDLE_DIR}/ (${report.files} files, ${(report.bytes / 1024).toFixed(0)} KiB) in ${ms} ms`);
        } catch (error) {
          if (!(error instanceof SearchIndexError)) throw error;
          logger.error(`search index: ${error.message}`);
          process.exit(1);
        }
      },
    },
  };
}
