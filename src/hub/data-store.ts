/**
 * The content store read from disk when the pages render, not carried in
 * the bundle (`astro build` only).
 *
 * Astro bundles its content store (the cache's data-store.json: every
 * entry, its rendered body included) into the pages' bundle as one string,
 * `export default JSON.parse("…")`. At 10,000 entries the file is 37 MB, and
 * the build's process then kept it twice for the whole build: the bundle's
 * source (74 MB, which V8 keeps for the module) and the string in it
 * (71.5 MB), beside the entries parsed from it (heap snapshot at
 * build:done, docs/benchmarks.md, seventh pass). The search indexer needs
 * its most memory at that moment.
 *
 * This plugin rewrites that module to read the same file when the pages
 * are rendered, moments later on the same machine, and to refuse a file
 * that changed in between (its size and time, taken when the module is
 * bundled), naming it. A store Astro does not bundle that way (none yet, or
 * split in chunks) is left as it is.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { HubPart } from './part.ts';

/** Astro's module of the content store, and the file it is made from in a build (its cache folder). */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';
export const DATA_STORE_FILE = 'data-store.json';

/** How Astro writes the module of a store kept in one file. */
const BUNDLED_STORE = /^export default JSON\.parse\("/;

/** The module that reads `file` when it runs, as it was when bundled (its size and modification time). */
export function storeReader(file: string, seen: { size: number; mtimeMs: number }): string {
  const name = JSON.stringify(file);
  return [
    `import { readFileSync, statSync } from 'node:fs';`,
    `const now = statSync(${name});`,
    `if (now.size !== ${seen.size} || now.mtimeMs !== ${seen.mtimeMs})`,
    `  throw new Error(${JSON.stringify(`${file} changed while the site was being built (Astro's content store): build again`)});`,
    `export default JSON.parse(readFileSync(${name}, 'utf8'));`,
  ].join('\n');
}

/** What the plugin did in one build: the store it left out of the bundle (bytes), or why it left the store in. */
export interface StoreReport {
  readBytes?: number;
}

/** The Vite plugin: Astro's module of the store in `file` becomes a reader of `file`. */
export function dataStoreFromDisk(file: string, report: StoreReport = {}): Plugin {
  return {
    name: 'hub:data-store-from-disk',
    transform(code, id) {
      if (id !== DATA_STORE_MODULE || !BUNDLED_STORE.test(code)) return undefined;
      const { size, mtimeMs } = statSync(file);
      report.readBytes = size;
      return { code: storeReader(file, { size, mtimeMs }), map: { mappings: '' } };
    },
  };
}

export function dataStore(): HubPart {
  let file: string | undefined;
  const report: StoreReport = {};
  return {
    name: 'hub:data-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        file = fileURLToPath(new URL(DATA_STORE_FILE, config.cacheDir));
        updateConfig({ vite: { plugins: [dataStoreFromDisk(file, report)] } });
      },
      'astro:build:done': ({ logger }) => {
        if (report.readBytes !== undefined)
          logger.info(`content store: ${(report.readBytes / 2 ** 20).toFixed(1)} MB read from ${DATA_STORE_FILE} as pages rendered, not kept in the bundle`);
        else if (file && existsSync(file))
          logger.warn(`content store: Astro bundled ${file} in a way this hub does not know, so the build keeps it in memory twice (src/hub/data-store.ts)`);
        delete report.readBytes;
      },
    },
  };
}
