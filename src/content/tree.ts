/**
 * The files of a content tree and what they are: entries of a collection
 * (their id is the file name), assets next to them, or files the hub would
 * not read — which are reported, never silently skipped: a file name in
 * another case (x.MD), a hidden entry (.x.md), and symbolic links, which are
 * never followed (they would bring files from outside the content folder
 * into the site).
 */
import { existsSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ASSET_EXTENSIONS, COLLECTIONS, ENTRY_EXTENSIONS, SETTINGS_FILE, type CollectionName } from '../model/collections.ts';
import { ID_PATTERN, ID_RULE } from '../model/ids.ts';
import { closest, quote } from '../model/words.ts';
import { isSymbolicLink, listFiles } from '../lib/files.ts';
import type { Problem } from '../lib/problems.ts';
import type { ImageFiles } from './entry.ts';
import { METRICS_FOLDER } from '../lib/metrics/load.ts';

/** The content root: `dir` (HUB_CONTENT_DIR), default `content`, relative to the project. */
export function contentRoot(dir: string | undefined, cwd = process.cwd()): string {
  return path.resolve(cwd, dir && dir.trim() ? dir.trim() : 'content');
}

/** Folders under the content root that are not collections but are read by the hub. */
const OTHER_FOLDERS = [METRICS_FOLDER];

export interface EntryFileRef {
  id: string;
  /** The language of the entry's text: the one its name gives (<id>.<language>.md), or the hub's default. */
  lang: string;
  /** Absolute path. */
  absolute: string;
}

/** The hub's languages, as entry files name them: the default first (settings.lang), then the others. */
export interface FileLanguages {
  default: string;
  all: readonly string[];
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

/** Files an editor means as content, whatever folder they are in: a hidden or misnamed one of these is an error. */
const TEXT_EXTENSIONS = ['.md', '.mdx', '.markdown', '.txt', '.yaml', '.yml', '.json'];

/** A symbolic link found in the content tree: an error, as the hub never follows one. */
export function linkProblem(absolute: string, folder: string, show: (p: string) => string): Problem {
  let target = '';
  try {
    target = ` to ${readlinkSync(absolute)}`;
  } catch {
    // Unreadable: the message goes without the target.
  }
  return {
    severity: 'error',
    file: show(absolute),
    message: `is a symbolic link${target}; links are not followed (they could bring files from outside the content folder into the site): copy what it points to into ${show(folder)}/ instead`,
  };
}

/**
 * Why an asset an entry uses may not be published: a file reached through a
 * symbolic link, or outside the content folder. Undefined when it is fine
 * (or missing, which the caller reports).
 */
export function assetOutsideContent(root: string, absolute: string): string | undefined {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(absolute);
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const lexical = path.resolve(realRoot, path.relative(root, absolute));
  if (!lexical.startsWith(realRoot + path.sep)) return 'is outside the content folder; images must be files in the content folder: copy it next to the entry';
  if (real !== lexical) return 'is reached through a symbolic link, and links are not followed (they could bring files from outside the content folder into the site): copy the file next to the entry instead';
  return undefined;
}

/** The images entries of the tree under `root` name, as the build finds them: on disk. */
export function diskImages(root: string): ImageFiles {
  const resolve = (entryPath: string, src: string) => path.resolve(path.dirname(entryPath), src);
  return {
    exists: (entryPath, src) => existsSync(resolve(entryPath, src)),
    outside: (entryPath, src) => assetOutsideContent(root, resolve(entryPath, src)),
  };
}

/**
 * The entry files of a collection; misplaced, misnamed, hidden or linked files become problems. A file
 * `<id>.<language>.md` is the entry `<id>` in that language (one of `languages.all`); `<id>.md` is the
 * default language's.
 */
export function entryFiles(root: string, collection: CollectionName, show: (p: string) => string, problems: Problem[], languages?: FileLanguages): EntryFileRef[] {
  const defaultLanguage = languages?.default ?? 'en';
  const known = languages?.all ?? [defaultLanguage];
  const dir = path.join(root, collection);
  if (isSymbolicLink(dir)) {
    problems.push(linkProblem(dir, root, show));
    return [];
  }
  const allowed = ENTRY_EXTENSIONS[collection];
  const files: EntryFileRef[] = [];
  const seen = new Map<string, string>();
  const listing = listFiles(dir);
  for (const relative of listing.links) problems.push(linkProblem(path.join(dir, relative), dir, show));
  for (const relative of listing.hidden) {
    if (!TEXT_EXTENSIONS.includes(path.extname(relative).toLowerCase())) continue;
    const name = path.basename(relative);
    const folder = relative.split('/').find((part, i, parts) => part.startsWith('.') && i < parts.length - 1);
    problems.push({
      severity: 'error',
      file: show(path.join(dir, relative)),
      message: folder
        ? `is in the hidden folder ${quote(folder)}, so the hub would neither check nor publish it; move it to ${show(dir)}/`
        : `is hidden (its name starts with a dot), so the hub would neither check nor publish it; rename it to ${name.replace(/^\.+/, '') || `entry${allowed[0]}`}`,
    });
  }
  for (const relative of listing.files) {
    const absolute = path.join(dir, relative);
    const written = path.extname(relative);
    const ext = written.toLowerCase();
    const stem = path.basename(relative, written);
    if (ASSET_EXTENSIONS.includes(ext)) continue;
    const named = languageOfName(stem, known);
    const id = named ? stem.slice(0, -named.length - 1) : stem;
    const lang = named ?? defaultLanguage;
    if (!allowed.includes(ext)) {
      const isText = TEXT_EXTENSIONS.includes(ext);
      problems.push({ severity: isText ? 'error' : 'warning', file: show(absolute), message: `is not read: entries of ${collection} are ${allowed.join(' or ')} files${isText ? ` (rename it to ${id}${allowed[0]})` : ''}` });
      continue;
    }
    if (written !== ext) {
      // One spelling only: the build, the CMS and Astro's renderers know entries by their lower-case extension.
      problems.push({ severity: 'error', file: show(absolute), message: `has the extension ${quote(written)}; the hub reads only lower-case extensions, so rename it to ${id}${ext}` });
      continue;
    }
    if (relative.includes('/')) {
      problems.push({ severity: 'error', file: show(absolute), message: `is in a subfolder and would not be read; entries sit directly in ${show(dir)}/` });
      continue;
    }
    const suffix = stem.includes('.') ? stem.slice(stem.lastIndexOf('.') + 1) : undefined;
    if (!named && suffix && ID_PATTERN.test(stem.slice(0, stem.lastIndexOf('.'))) && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(suffix)) {
      const others = known.length > 1 ? `the hub's languages are ${known.join(', ')}` : `the hub has one language, ${defaultLanguage}`;
      problems.push({
        severity: 'error',
        file: show(absolute),
        message: `names the language ${quote(suffix)}, but ${others}; add ${quote(suffix)} to languages in ${SETTINGS_FILE}, or rename the file`,
      });
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      const suggestion = id.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      problems.push({ severity: 'error', file: show(absolute), message: `has a file name that cannot be an id (it becomes the URL); use ${ID_RULE}${suggestion ? `, e.g. ${suggestion}${ext}` : ''}` });
      continue;
    }
    const key = `${id}\0${lang.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        severity: 'error',
        file: show(absolute),
        message:
          known.length > 1
            ? `is the ${lang} version of ${quote(id)}, like ${show(earlier)}; keep one of them (${id}${ext} and ${id}.${defaultLanguage}${ext} are both the default language's)`
            : `has the same id ${quote(id)} as ${show(earlier)}; ids must be unique within ${collection}`,
      });
      continue;
    }
    seen.set(key, absolute);
    files.push({ id, lang, absolute });
  }
  return files;
}

/** The language a file's name ends with (`x.de` → `de`), as the hub's languages spell it; undefined when none. */
function languageOfName(stem: string, languages: readonly string[]): string | undefined {
  const dot = stem.lastIndexOf('.');
  if (dot < 1) return undefined;
  const suffix = stem.slice(dot + 1).toLowerCase();
  return languages.find((language) => language.toLowerCase() === suffix);
}
