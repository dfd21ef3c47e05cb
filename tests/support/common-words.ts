/**
 * A small Pagefind index, built by Pagefind itself (its Node API), in which
 * one word is common enough to fill a chunk of the word index on its own
 * ("heat": 2,400 pages, eight places on each), with rarer words before it
 * in the alphabet that Pagefind puts in the same chunk. The words come from
 * a fixed list in a fixed order, so every run builds the same index.
 */
import * as pagefind from 'pagefind';
import type { BundleFile } from '../../src/hub/search-chunks.ts';

export const COMMON_WORD = 'heat';
const PAGES = 2_400;
const RARE = [
  'harbour',
  'harvest',
  'have',
  'hazel',
  'head',
  'healthy',
  'heap',
  'hearth',
  'heater',
  'heavy',
  'hedge',
  'pump',
  'pumps',
  'winter',
  'valve',
  'radiator',
  'installer',
  'quiet',
  'garden',
  'grid',
];

/** Every file of the bundle, as `getFiles` hands them over. */
export async function commonWordBundle(): Promise<BundleFile[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (let page = 0; page < PAGES; page++) {
      const rare = RARE.filter((_, i) => (page * 7 + i * 3) % 11 < 3);
      const sentence = `The ${COMMON_WORD} comes first ${rare.join(' ')} and the ${COMMON_WORD} again`;
      await index.addCustomRecord({
        url: `/pages/${page}/`,
        content: `${sentence}. ${`A ${COMMON_WORD} line. `.repeat(3)}${`${COMMON_WORD} `.repeat(3)}page number ${page}`,
        language: 'en',
        meta: { title: `Page ${page} ${rare[0] ?? ''}`.trim() },
        filters: { kind: [page % 2 ? 'odd' : 'even'] },
      });
    }
    const { files, errors: writeErrors } = await index.getFiles();
    if (writeErrors.length) throw new Error(`Pagefind: ${writeErrors.join('; ')}`);
    return files.map((file) => ({ path: file.path, content: Uint8Array.from(file.content) }));
  } finally {
    await pagefind.close();
  }
}
