/**
 * The tree as Decap's save check needs it (src/lib/cms/facts.ts), from one
 * content check: the content loader hands it to /admin/content-facts.json
 * after every reading of the tree.
 */
import path from 'node:path';
import { COLLECTIONS } from '../model/collections.ts';
import { FACT_FIELDS, type TreeFacts } from '../lib/cms/facts.ts';
import { listFiles } from '../lib/files.ts';
import { type ContentCheck, pathShower } from './check.ts';

export function treeFacts(check: Pick<ContentCheck, 'entries'>, options: { root: string; project: string }): TreeFacts {
  const folder = pathShower(options.project)(options.root);
  const entryFiles = new Set(check.entries.map((e) => e.filePath));
  const pick = (data: Record<string, unknown>) => Object.fromEntries(FACT_FIELDS.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]));
  return {
    folder,
    entries: check.entries.map(({ collection, id, file, data }) => ({ collection, id, file, data: pick(data) })),
    // Files next to entries that are not entries themselves: the images an entry may point to.
    assets: COLLECTIONS.flatMap((collection) =>
      listFiles(path.join(options.root, collection))
        .files.filter((file) => !entryFiles.has(path.join(options.root, collection, file)))
        .map((file) => `${folder}/${collection}/${file}`),
    ),
  };
}
