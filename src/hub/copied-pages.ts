/**
 * Every page of the build reaches the page readers (src/lib/build-channel.ts:
 * the search index, the security headers, the service worker), the ones
 * Astro rendered as they render, and the ones it copied from the last build
 * (its incremental build: src/views/page-key.ts) once rendering is done.
 *
 * A reader keeps a few facts of each page as JSON. They are remembered, in
 * Astro's cache, for every page Astro keeps a copy of for the next build,
 * with the size and time of that copy: Astro writes the copy only when it
 * renders the page. A copied page whose copy is the one remembered is handed
 * over with the remembered facts, without being read; any other (404.html,
 * which Astro writes without the hub's middleware, a page whose copy
 * changed, facts written by other code) is read from dist/. Its build:done
 * hook must run before the readers'.
 */
import { createHash } from 'node:crypto';
import { type Stats, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChannel, onRenderedPage } from '../lib/build-channel.ts';
import { writeFileWhole } from '../lib/files.ts';
import { forcedBuild } from '../lib/force.ts';
import type { HubPart } from './part.ts';
import { htmlFiles, listHtmlFiles, outputFileOf } from './rendered-pages.ts';

/** Pages being read at once, ahead of the one the readers take. */
const READ_AHEAD = 16;

/** The remembered facts, in Astro's cache directory. */
export const REMEMBERED_FACTS_FILE = 'page-facts.json';

/** Where Astro keeps the copies of the pages it may copy into the next build (astro/dist/core/build/incremental.js). */
const ASTRO_COPIES_DIR = 'dist';

/**
 * What the facts depend on besides the page: the hub's build code, which
 * holds the readers. Any change to it reads every copied page again once.
 */
const READER_CODE = ['../hub', '../lib', '../model'].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

export function readerCodeVersion(dirs: readonly string[] = READER_CODE): string {
  const hash = createHash('sha256');
  for (const dir of dirs)
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort())
      if (/\.(ts|js|mjs)$/.test(file)) hash.update(`${file}\n`).update(readFileSync(path.join(dir, file)));
  return hash.digest('base64url');
}

/** A page's remembered facts: its copy's size and time, and per reader the index of its facts' JSON in `values`. */
interface RememberedPage {
  size: number;
  mtime: number;
  facts: Record<string, number>;
}

interface RememberedFile {
  version: string;
  /** Each distinct facts' JSON once (pages of one route mostly share a policy and bundles). */
  values: string[];
  pages: Record<string, RememberedPage>;
}

/** The facts remembered by the last build, or none when they were written by other code or cannot be read. */
export function readRemembered(file: string, version: string): RememberedFile | undefined {
  try {
    const remembered = JSON.parse(readFileSync(file, 'utf8')) as RememberedFile;
    return remembered.version === version && Array.isArray(remembered.values) && remembered.pages ? remembered : undefined;
  } catch {
    return undefined;
  }
}

/** A reader's facts as remembered: JSON, `null` for none. */
const factsJson = (facts: unknown): string => JSON.stringify(facts ?? null);

const statOf = (file: string) => statSync(file, { throwIfNoEntry: false });

/** The HTML files of dist/ that were not handed over while Astro rendered, relative to it, sorted, with their URL paths. */
export function notHandedOver(dir: string, handed: ReadonlySet<string>, base = '/'): { file: string; path: string }[] {
  return htmlFiles(dir, base)
    .filter(({ file }) => !handed.has(file))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function copiedPages(options: { version?: () => string } = {}): HubPart {
  let base = '/';
  let cacheDir = '';
  /** Pages handed over as they rendered: their file, and what each reader read of them (JSON). */
  const handed = new Map<string, Record<string, string>>();
  let stopListening: (() => void) | undefined;
  return {
    name: 'hub:copied-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        handed.clear();
        buildChannel().htmlFiles = undefined;
        stopListening = onRenderedPage(async ({ pathname, html, status }) => {
          const file = outputFileOf(pathname, base);
          const read: Record<string, string> = {};
          const taking: (void | Promise<void>)[] = [];
          for (const reader of buildChannel().pageReaders) {
            const facts = reader.read({ pathname, html });
            read[reader.name] = factsJson(facts);
            taking.push(reader.take({ pathname, status, copied: false, html }, facts));
          }
          if (file) handed.set(file, read);
          await Promise.all(taking);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening?.();
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const readers = [...buildChannel().pageReaders];
        // Without Astro's cache folder, or the code's version, nothing is remembered: every copied page is read.
        let version: string | undefined;
        try {
          version = cacheDir ? (options.version ?? readerCodeVersion)() : undefined;
        } catch {
          version = undefined;
        }
        const memoFile = path.join(cacheDir, REMEMBERED_FACTS_FILE);
        const copies = path.join(cacheDir, ASTRO_COPIES_DIR);
        const last = version && !forcedBuild() ? readRemembered(memoFile, version) : undefined;
        const next: RememberedFile = { version: version ?? '', values: [], pages: {} };
        const valueIndex = new Map<string, number>();
        /** Remembers what was read of a page, with its copy as Astro keeps it (`copy`, when already looked at). */
        const remember = (file: string, read: Record<string, string>, copy = version ? statOf(path.join(copies, file)) : undefined) => {
          if (!copy) return;
          const facts: Record<string, number> = {};
          for (const [name, json] of Object.entries(read)) {
            let at = valueIndex.get(json);
            if (at === undefined) valueIndex.set(json, (at = next.values.push(json) - 1));
            facts[name] = at;
          }
          next.pages[file] = { size: copy.size, mtime: copy.mtimeMs, facts };
        };
        /** The facts the last build remembered of a page whose copy in dist/ is Astro's kept copy, unchanged since then. */
        const rememberedOf = (file: string): { read: Record<string, string>; copy: Stats } | undefined => {
          const kept = last && Object.hasOwn(last.pages, file) ? last.pages[file] : undefined;
          if (!kept || typeof kept.facts !== 'object' || kept.facts === null) return undefined;
          const facts = readers.map((reader) => [reader.name, last!.values[kept.facts[reader.name]!]] as const);
          // A value the file does not have (a damaged file) is not remembered: the page is read.
          if (!facts.every(([, json]) => typeof json === 'string')) return undefined;
          const copy = statOf(path.join(copies, file));
          if (!copy || copy.size !== kept.size || copy.mtimeMs !== kept.mtime || statOf(path.join(outDir, file))?.size !== copy.size) return undefined;
          return { read: Object.fromEntries(facts) as Record<string, string>, copy };
        };

        for (const [file, read] of handed) remember(file, read);
        // Listed once for every part that needs the site's pages (rendered-pages.ts, `htmlFiles`).
        const channel = buildChannel();
        channel.htmlFiles = { dir: outDir, files: listHtmlFiles(outDir) };
        const files = notHandedOver(outDir, new Set(handed.keys()), base);
        handed.clear();
        const take = async (page: { file: string; path: string }, read: Record<string, string>, copy?: Stats) => {
          remember(page.file, read, copy);
          await Promise.all(readers.map((reader) => reader.take({ pathname: page.path, status: 200, copied: true }, JSON.parse(read[reader.name]!))));
        };
        const remembered = files.map((page) => rememberedOf(page.file));
        const unread = files.filter((_, at) => !remembered[at]);
        // Read ahead in Node's I/O threads while the readers take the pages in order (a third faster than reading each in turn).
        const reads = new Map<number, Promise<string>>();
        const readAhead = (at: number) => {
          if (at < unread.length && !reads.has(at)) reads.set(at, readFile(path.join(outDir, unread[at]!.file), 'utf8'));
        };
        for (let at = 0; at < READ_AHEAD; at++) readAhead(at);
        let reading = 0;
        for (const [at, page] of files.entries()) {
          const known = remembered[at];
          if (known) {
            await take(page, known.read, known.copy);
            continue;
          }
          readAhead(reading + READ_AHEAD);
          const html = await reads.get(reading)!;
          reads.delete(reading++);
          await take(page, Object.fromEntries(readers.map((reader) => [reader.name, factsJson(reader.read({ pathname: page.path, html }))])));
        }
        try {
          if (version) writeFileWhole(memoFile, JSON.stringify(next));
        } catch (error) {
          logger.warn(`the pages' facts could not be kept for the next build (${(error as Error).message}); it reads its copied pages from dist/`);
        }
        if (files.length)
          logger.info(
            `${files.length} page(s) not handed over as they rendered (copied from the last build, or written without the hub's middleware, like 404.html): ${files.length - unread.length} with the facts remembered, ${unread.length} read from dist/, in ${((performance.now() - started) / 1000).toFixed(2)} s`,
          );
      },
    },
  };
}
