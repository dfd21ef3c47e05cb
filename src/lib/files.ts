/** Walking folders the same way everywhere content is read. */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

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
