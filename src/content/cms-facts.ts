/**
 * The tree as Decap's save check needs it (src/lib/cms/facts.ts), from one
 * content check: the content loader hands it to /admin/content-facts.json
 * after every reading of the tree.
 */
import path from 'node:path';
import { COLLECTIONS } from '../model/collections.ts';
import { type EntryFact, FACT_FIELDS, SHARE_FIELDS, type TreeFacts } from '../lib/cms/facts.ts';
import { listFiles } from '../lib/files.ts';
import { fieldPath } from '../lib/problems.ts';
import { type ContentCheck, pathShower } from './check.ts';
import type { CheckedEntry } from './entry.ts';

export interface FactsOptions {
  root: string;
  project: string;
  /** public/, listed for the logo check of a settings save. */
  publicDir?: string;
  /** Give the share fields of unpublished snippets too (`npm run cms`, where nothing is published). */
  unpublishedTexts?: boolean;
}

export function treeFacts(check: Pick<ContentCheck, 'entries'>, options: FactsOptions): TreeFacts {
  const folder = pathShower(options.project)(options.root);
  const entryFiles = new Set(check.entries.map((e) => e.filePath));
  return {
    folder,
    entries: check.entries.map((entry) => entryFact(entry, Boolean(entry.collection === 'snippets' && (entry.published || options.unpublishedTexts)))),
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
function entryFact(entry: CheckedEntry, shareable: boolean): EntryFact {
  const fields = [...FACT_FIELDS, ...(shareable ? SHARE_FIELDS : [])];
  const data = Object.fromEntries(fields.filter((field) => entry.data[field] !== undefined).map((field) => [field, entry.data[field]]));
  const lines: Record<string, number> = {};
  const visit = (value: unknown, at: PropertyKey[]) => {
    const line = entry.lineOf(at);
    if (line !== undefined) lines[fieldPath(at)] = line;
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...at, index]));
    else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) visit(item, [...at, key]);
  };
  for (const [field, value] of Object.entries(data)) visit(value, [field]);
  return { collection: entry.collection, id: entry.id, ...(entry.lang && { lang: entry.lang }), file: entry.file, data, lines, ...(shareable && { shareable }) };
}
