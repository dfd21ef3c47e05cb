/** Walking folders the same way everywhere content is read, and writing many files at once. */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forcedBuild } from './force.ts';

export interface FolderListing {
  /** Every regular file, recursively, as sorted paths relative to the folder. */
  files: string[];
  /**
   * Files whose name, or the name of a folder on their path, starts with a dot
   * (sorted, relative): not read as content; the caller says whether that matters.
   */
  hidden: string[];
  /**
   * Symbolic links, to files or folders (sorted, relative): never followed,
   * since a link would bring a file from outside the content folder into the build.
   */
  links: string[];
}

/** Version control's own folder: never content, and large. */
const SKIPPED_FOLDERS = new Set(['.git']);

/** What is under `dir`: regular files, hidden ones, and links, which are reported, not followed. */
export function listFiles(dir: string): FolderListing {
  const listing: FolderListing = { files: [], hidden: [], links: [] };
  if (!existsSync(dir)) return listing;
  const walk = (relative: string, hidden: boolean) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const inHidden = hidden || entry.name.startsWith('.');
      if (entry.isSymbolicLink()) listing.links.push(child);
      else if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(child, inHidden);
      } else if (entry.isFile()) (inHidden ? listing.hidden : listing.files).push(child);
    }
  };
  walk('', false);
  listing.files.sort();
  listing.hidden.sort();
  listing.links.sort();
  return listing;
}

/** Whether `absolute` is itself a symbolic link (false when it does not exist). */
export function isSymbolicLink(absolute: string): boolean {
  try {
    return lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Files written at once, at most. Opening a new file costs a few hundred
 * microseconds on a disk that is still writing a build's pages back; writing
 * one after the other on the build's thread took 3.1 s for the 9,351 files of
 * a 10,000-entry search index. Sixteen at a time in Node's I/O threads took
 * half the time or less (docs/benchmarks.md, seventh pass).
 */
export const FILES_IN_FLIGHT = 16;

/** Writes each file (its folder made first), FILES_IN_FLIGHT at a time; rejects with the first failure once none is in flight. */
export async function writeFiles(files: readonly { path: string; content: string | Uint8Array }[], inFlight = FILES_IN_FLIGHT): Promise<void> {
  for (const folder of new Set(files.map((file) => path.dirname(file.path)))) mkdirSync(folder, { recursive: true });
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await writeFile(file.path, file.content);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(inFlight, files.length)) }, writer));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The version of the package an entry file belongs to (some packages do not export their package.json). */
export function packageVersion(entryFile: string, name: string): string {
  for (let dir = path.dirname(entryFile); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (json.name === name) return json.version ?? '';
  }
  return '';
}

/** Writes a whole file aside, then renames it into place: a process stopped halfway leaves the old file or none, never half of one. */
export function writeFileWhole(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Named for this process: two builds sharing a cache never write into one another's file.
  const aside = `${file}.${process.pid}.part`;
  writeFileSync(aside, text);
  renameSync(aside, file);
}

/**
 * Values worked out from some input, remembered in a file between builds
 * under `version` (everything else they depend on). `of(key, work)` gives
 * the value kept for `key`, or works it out; `keep()` writes the values this
 * run asked for, and only those. Without a file or a version nothing is
 * remembered, and a forced build (force.ts) uses none of what was kept. A
 * file that cannot be read or written only costs the work.
 */
export function rememberedValues<V>(file: string | undefined, version: string | undefined) {
  const on = Boolean(file && version);
  let last: Record<string, V> = {};
  if (on && !forcedBuild()) {
    try {
      const kept = JSON.parse(readFileSync(file!, 'utf8')) as { version?: unknown; values?: unknown };
      if (kept.version === version && kept.values && typeof kept.values === 'object') last = kept.values as Record<string, V>;
    } catch {
      // Nothing kept yet, or not readable: every value is worked out.
    }
  }
  const next: Record<string, V> = {};
  return {
    of(key: string, work: () => V): V {
      if (!on) return work();
      const value = Object.hasOwn(last, key) ? last[key]! : work();
      next[key] = value;
      return value;
    },
    keep(): void {
      if (!on) return;
      try {
        writeFileWhole(file!, JSON.stringify({ version, values: next }));
      } catch {
        // Not kept: the next run works the values out again.
      }
    },
  };
}
