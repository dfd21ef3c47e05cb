/**
 * Reads a whole content tree once and checks it the way the build will use
 * it: every file against its collection's schema, then what only the whole
 * set can tell (references, share lengths, lint, card text, bodies,
 * analytics exports, images, translations' file names and age). Every problem names file, line, field, value and what
 * is allowed. The content loader (loader.ts), `npm run lint:content` and the
 * tests all call `checkContent`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, type CollectionName } from '../model/collections.ts';
import type { SchemaContext } from '../model/schemas/context.ts';
import { type Settings, hubLanguages, sameLanguage } from '../model/schemas/settings.ts';
import type { Problem } from '../lib/problems.ts';
import { type CheckedEntry, entrySchemas, validateEntry } from './entry.ts';
import { readSettings } from './settings.ts';
import { checkRootFolder, diskImages, entryFiles } from './tree.ts';
import { checkBodySafety } from './checks/body-safety.ts';
import { satteriReader } from './checks/body-reader-satteri.ts';
import { checkCardText } from './checks/card-text.ts';
import { canDraw } from '../lib/cards/fonts.ts';
import { checkImages } from './checks/images.ts';
import { lintEntries } from './checks/lint.ts';
import { checkMetrics } from './checks/metrics.ts';
import { checkMentorPlaceholders } from './checks/mentor-placeholders.ts';
import { checkReferences } from './checks/references.ts';
import { checkShareRules } from './checks/share-rules.ts';
import { type TranslationFile, checkDefaultFileNames, checkStaleTranslations } from './checks/translations.ts';

export interface CheckOptions {
  /** Absolute path of the content root. */
  root: string;
  /** The instant the build publishes for. */
  now: Date;
  /**
   * The settings, when they were read and checked already (the build reads
   * settings.yaml once, in the hub() integration). Default: read here.
   */
  settings?: Settings;
  /** Paths in messages are relative to this. Default: the working directory. */
  cwd?: string;
  /** The public/ folder: where `settings.brand.logo` is looked up, and whose images are checked. Default: `<cwd>/public`. */
  publicDir?: string;
}

export interface ContentCheck {
  settings?: Settings;
  entries: CheckedEntry[];
  problems: Problem[];
}

/** How a path is shown in messages: relative to `cwd` when inside it, otherwise absolute. */
export function pathShower(cwd: string): (absolute: string) => string {
  return (absolute) => {
    const relative = path.relative(cwd, absolute);
    // Outside the project (a temporary or benchmark tree), the absolute path is clearer than ../../.
    return relative.startsWith('..') ? absolute : relative.split(path.sep).join('/') || '.';
  };
}

export function checkContent(options: CheckOptions): ContentCheck {
  const cwd = options.cwd ?? process.cwd();
  const show = pathShower(cwd);
  const problems: Problem[] = [];
  const entries: CheckedEntry[] = [];

  if (!existsSync(options.root) || !statSync(options.root).isDirectory()) {
    problems.push({ severity: 'error', file: show(options.root), message: 'is not a folder; set HUB_CONTENT_DIR to the content folder (default: content)' });
    return { entries, problems };
  }

  const publicDir = options.publicDir ?? path.join(cwd, 'public');
  let settings = options.settings;
  if (!settings) {
    const read = readSettings({ root: options.root, publicDir, show });
    problems.push(...read.problems);
    settings = read.settings;
  }
  problems.push(...checkRootFolder(options.root, show));
  if (!settings) return { entries, problems };

  // Ids come from file names, before any parsing, so references are checked in the same pass.
  const languages = { default: settings.lang, all: hubLanguages(settings) };
  const files = COLLECTIONS.map((collection) => ({ collection, files: entryFiles(options.root, collection, show, problems, languages) }));
  const ids = Object.fromEntries(files.map(({ collection, files }) => [collection, new Set(files.map((f) => f.id))])) as unknown as Record<CollectionName, ReadonlySet<string>>;
  const images = diskImages(options.root);
  const schemas = entrySchemas({ settings, ids } satisfies Omit<SchemaContext, 'image'>, images);

  for (const { collection, files: list } of files) {
    for (const { id, lang, absolute } of list) {
      const source = readFileSync(absolute, 'utf8');
      const translation = sameLanguage(lang, settings.lang) ? {} : { lang };
      const checked = validateEntry({ collection, id, ...translation, filePath: absolute, file: show(absolute), source }, schemas, options.now);
      problems.push(...checked.problems);
      if (checked.entry) entries.push(checked.entry);
    }
  }

  problems.push(...checkReferences(entries, options.now));
  problems.push(...lintEntries(entries, options.now, images));
  problems.push(...checkMetrics({ root: options.root, show, settings, entries, ids }));
  problems.push(...checkCardText(entries, canDraw));
  problems.push(...checkShareRules(entries, settings, options.now));
  problems.push(...checkBodySafety(entries, settings.site, satteriReader));
  problems.push(...checkMentorPlaceholders(entries));
  problems.push(...checkImages({ root: options.root, publicDir, show, settings, entries }));
  // Every file by language, valid or not: a file's name and its history are the same either way.
  const versions: TranslationFile[] = files.flatMap(({ collection, files: list }) =>
    list.map(({ id, lang, absolute }) => ({ collection, id, absolute, ...(!sameLanguage(lang, settings.lang) && { lang }) })),
  );
  const translation = { defaultLanguage: settings.lang, multilingual: languages.all.length > 1, files: versions, show };
  problems.push(...checkDefaultFileNames(translation));
  problems.push(...checkStaleTranslations({ ...translation, root: options.root }));
  return { settings, entries, problems };
}
