/**
 * The files of a content tree and what they are: entries of a collection
 * (their id is the file name), assets next to them, or files the hub would
 * not read — which are reported, never silently skipped.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ASSET_EXTENSIONS, COLLECTIONS, ENTRY_EXTENSIONS, SETTINGS_FILE, type CollectionName } from '../model/collections.ts';
import { ID_PATTERN, ID_RULE } from '../model/ids.ts';
import { closest, quote } from '../model/words.ts';
import { listFiles } from '../lib/files.ts';
import type { Problem } from '../lib/problems.ts';
import { METRICS_FOLDER } from '../lib/metrics/load.ts';

/** The content root: `dir` (HUB_CONTENT_DIR), default `content`, relative to the project. */
export function contentRoot(dir: string | undefined, cwd = process.cwd()): string {
  return path.resolve(cwd, dir && dir.trim() ? dir.trim() : 'content');
}

/** Folders under the content root that are not collections but are read by the hub. */
const OTHER_FOLDERS = [METRICS_FOLDER];

export interface EntryFileRef {
  id: string;
  /** Absolute path. */
  absolute: string;
}

/** Anything at the top of the content root that the hub would not read. */
export function checkRootFolder(root: string, show: (p: string) => string): Problem[] {
  const known: readonly string[] = [...COLLECTIONS, ...OTHER_FOLDERS];
  return readdirSync(root)
    .filter((name) => !name.startsWith('.') && name !== SETTINGS_FILE && !known.includes(name) && name.toLowerCase() !== 'readme.md')
    .map((name) => {
      const hint = closest(name, known);
      return {
        severity: 'warning' as const,
        file: show(path.join(root, name)),
        message: `is not read by the hub${hint ? ` (did you mean the folder ${quote(hint)}?)` : ''}; content folders: ${COLLECTIONS.join(', ')}`,
      };
    });
}

/** The entry files of a collection; misplaced or misnamed files become problems. */
export function entryFiles(root: string, collection: CollectionName, show: (p: string) => string, problems: Problem[]): EntryFileRef[] {
  const dir = path.join(root, collection);
  const allowed = ENTRY_EXTENSIONS[collection];
  const files: EntryFileRef[] = [];
  const seen = new Map<string, string>();
  for (const relative of listFiles(dir)) {
    const absolute = path.join(dir, relative);
    const ext = path.extname(relative).toLowerCase();
    const id = path.basename(relative, path.extname(relative));
    if (ASSET_EXTENSIONS.includes(ext)) continue;
    if (!allowed.includes(ext)) {
      const isText = ['.md', '.mdx', '.markdown', '.txt', '.yaml', '.yml', '.json'].includes(ext);
      problems.push({ severity: isText ? 'error' : 'warning', file: show(absolute), message: `is not read: entries of ${collection} are ${allowed.join(' or ')} files${isText ? ` (rename it to ${id}${allowed[0]})` : ''}` });
      continue;
    }
    if (relative.includes('/')) {
      problems.push({ severity: 'error', file: show(absolute), message: `is in a subfolder and would not be read; entries sit directly in ${show(dir)}/` });
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      const suggestion = id.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      problems.push({ severity: 'error', file: show(absolute), message: `has a file name that cannot be an id (it becomes the URL); use ${ID_RULE}${suggestion ? `, e.g. ${suggestion}${ext}` : ''}` });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier) {
      problems.push({ severity: 'error', file: show(absolute), message: `has the same id ${quote(id)} as ${show(earlier)}; ids must be unique within ${collection}` });
      continue;
    }
    seen.set(id, absolute);
    files.push({ id, absolute });
  }
  return files;
}
