/**
 * The tree as Decap's save check needs it (src/lib/cms/facts.ts), from one
 * content check: the content loader hands it to /admin/content-facts.json
 * after every reading of the tree.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { COLLECTIONS } from '../model/collections.ts';
import { type EntryFact, FACT_FIELDS, SHARE_FIELDS, type TreeFacts } from '../lib/cms/facts.ts';
import { listFiles, packageVersion, rememberedValues } from '../lib/files.ts';
import { fieldPath } from '../lib/problems.ts';
import { type ContentCheck, pathShower } from './check.ts';
import type { CheckedEntry } from './entry.ts';

export interface FactsOptions {
  root: string;
  project: string;
  /** public/, listed for the logo check of a settings save. */
  publicDir?: string;
  /** Where the fields' lines are remembered between builds (`rememberedLines`); none: every line is found again. */
  factLines?: string;
  /** Give the share fields of unpublished snippets too (`npm run cms`, where nothing is published). */
  unpublishedTexts?: boolean;
}

export function treeFacts(check: Pick<ContentCheck, 'entries'>, options: FactsOptions): TreeFacts {
  const folder = pathShower(options.project)(options.root);
  const entryFiles = new Set(check.entries.map((e) => e.filePath));
  const lines = rememberedLines(options.factLines);
  const entries = check.entries.map((entry) => entryFact(entry, Boolean(entry.collection === 'snippets' && (entry.published || options.unpublishedTexts)), lines));
  lines.keep();
  return {
    folder,
    entries,
    ...(options.publicDir && { publicFiles: listFiles(options.publicDir).files.map((file) => file.split(path.sep).join('/')) }),
    // Files next to entries that are not entries themselves: the images an entry may point to.
    assets: COLLECTIONS.flatMap((collection) =>
      listFiles(path.join(options.root, collection))
        .files.filter((file) => !entryFiles.has(path.join(options.root, collection, file)))
        .map((file) => `${folder}/${collection}/${file}`),
    ),
  };
}

/** What other entries' checks and a settings save read of `entry`, with the lines of those fields. */
function entryFact(entry: CheckedEntry, shareable: boolean, remembered: RememberedLines): EntryFact {
  const fields = [...FACT_FIELDS, ...(shareable ? SHARE_FIELDS : [])];
  const data = Object.fromEntries(fields.filter((field) => entry.data[field] !== undefined).map((field) => [field, entry.data[field]]));
  const lines = remembered.of(entry, data, () => {
    const found: Record<string, number> = {};
    const visit = (value: unknown, at: PropertyKey[]) => {
      const line = entry.lineOf(at);
      if (line !== undefined) found[fieldPath(at)] = line;
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...at, index]));
      else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) visit(item, [...at, key]);
    };
    for (const [field, value] of Object.entries(data)) visit(value, [field]);
    return found;
  });
  return { collection: entry.collection, id: entry.id, ...(entry.lang && { lang: entry.lang }), file: entry.file, data, lines, ...(shareable && { shareable }) };
}

/** The code that finds a field's line: any change to it finds every line again. */
const LINE_CODE = ['./cms-facts.ts', './entry.ts', './files.ts', './locate.ts', '../lib/problems.ts'].map((file) => new URL(file, import.meta.url));

type RememberedLines = ReturnType<typeof rememberedLines>;

/**
 * The lines of the facts' fields, remembered between builds by the entry's
 * file, text and facts: finding them parses every entry's YAML a second
 * time, with positions, which took 1.2 s of a 10,000-entry build where
 * nothing had changed. Without a file (astro dev, the tests), or where the
 * code cannot be read, every line is found.
 */
export function rememberedLines(file: string | undefined) {
  let version: string | undefined;
  try {
    if (file) {
      // The code that finds lines, and the YAML parser it reads positions from.
      const hash = createHash('sha256').update(`yaml ${packageVersion(createRequire(import.meta.url).resolve('yaml'), 'yaml')}\n`);
      for (const source of LINE_CODE) hash.update(readFileSync(source));
      version = hash.digest('base64url');
    }
  } catch {
    version = undefined;
  }
  const lines = rememberedValues<Record<string, number>>(file, version);
  return {
    of(entry: Pick<CheckedEntry, 'filePath' | 'source'>, data: Record<string, unknown>, find: () => Record<string, number>): Record<string, number> {
      return lines.of(createHash('sha256').update(`${entry.filePath}\n${JSON.stringify(data)}\n`).update(entry.source).digest('base64url'), find);
    },
    keep: lines.keep,
  };
}
