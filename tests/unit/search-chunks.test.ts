/**
 * Common words in chunks of their own (src/hub/search-chunks.ts), on an
 * index Pagefind itself built (tests/support/common-words.ts), read back
 * with the tests' own CBOR reader.
 */
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleFile, CHUNK_PLACES, chunkRanges, splitCommonWords } from '../../src/hub/search-chunks.ts';
import { COMMON_WORD, commonWordBundle } from '../support/common-words.ts';
import { decodeCbor } from '../support/pagefind-files.ts';

type WordEntry = [string, [number, number[], number[]][], ...unknown[]];
type Meta = [string, unknown[], [string, string, string][], ...unknown[]];

const decode = (file: BundleFile) => decodeCbor(gunzipSync(file.content).subarray('pagefind_dcd'.length));
const fileAt = (files: BundleFile[], path: string) => files.find((file) => file.path === path);

function bundleOf(files: BundleFile[]) {
  const entry = JSON.parse(new TextDecoder().decode(fileAt(files, 'pagefind-entry.json')!.content)) as { languages: Record<string, { hash: string }> };
  const metaFile = fileAt(files, `pagefind.${entry.languages.en!.hash}.pf_meta`);
  if (!metaFile) throw new Error('pagefind-entry.json names a metadata file that is not there');
  const meta = decode(metaFile) as Meta;
  const chunks = meta[2].map(([from, to, hash]) => {
    const file = fileAt(files, `index/${hash}.pf_index`);
    if (!file) throw new Error(`the metadata names index/${hash}.pf_index, which is not there`);
    return { from, to, hash, words: (decode(file) as [WordEntry[]])[0] };
  });
  return { entry, metaFile, meta, chunks };
}

const places = (word: WordEntry) => word[1].reduce((sum, page) => sum + page[1].length + 1, 0);

let pagefindFiles: BundleFile[];
beforeAll(async () => {
  pagefindFiles = await commonWordBundle();
}, 60_000);

describe('splitCommonWords', () => {
  it('moves a common word that Pagefind put after rarer ones into a chunk of its own, every word’s entry unchanged', () => {
    const before = bundleOf(pagefindFiles);
    const holding = before.chunks.find((chunk) => chunk.words.some((word) => word[0] === COMMON_WORD))!;
    // What the change is for: Pagefind's chunk for "heat" also holds the words before it.
    expect(holding.words.at(-1)![0]).toBe(COMMON_WORD);
    expect(holding.words.length).toBeGreaterThan(1);
    expect(places(holding.words.at(-1)!)).toBeGreaterThanOrEqual(CHUNK_PLACES);

    const result = splitCommonWords(pagefindFiles);
    expect(result.skipped).toBeUndefined();
    expect(result.split).toContain(COMMON_WORD);
    const after = bundleOf(result.files);
    const alone = after.chunks.find((chunk) => chunk.words.some((word) => word[0] === COMMON_WORD))!;
    expect(alone.words.map((word) => word[0])).toEqual([COMMON_WORD]);
    expect(after.chunks.length).toBe(before.chunks.length + result.split.length);
    // The same words in the same order, each with the same pages and places.
    expect(after.chunks.flatMap((chunk) => chunk.words)).toEqual(before.chunks.flatMap((chunk) => chunk.words));
    // Only chunks that ended with a common word changed.
    const untouched = before.chunks.filter((chunk) => !result.split.includes(chunk.words.at(-1)![0]));
    for (const chunk of untouched)
      expect(fileAt(result.files, `index/${chunk.hash}.pf_index`)?.content).toEqual(fileAt(pagefindFiles, `index/${chunk.hash}.pf_index`)!.content);
  });

  it('writes the metadata again with the new ranges, under a new name that pagefind-entry.json gives, and nothing else in it changed', () => {
    const before = bundleOf(pagefindFiles);
    const result = splitCommonWords(pagefindFiles);
    const after = bundleOf(result.files);
    expect(after.metaFile.path).not.toBe(before.metaFile.path);
    expect(fileAt(result.files, before.metaFile.path)).toBeUndefined();
    expect(after.chunks.map(({ from, to }) => ({ from, to }))).toEqual(chunkRanges(after.chunks.map((chunk) => chunk.words.map((word) => word[0]))));
    expect([after.meta[0], after.meta[1], ...after.meta.slice(3)]).toEqual([before.meta[0], before.meta[1], ...before.meta.slice(3)]);
    // No chunk file is left that the metadata does not name, and fragments and filters are as Pagefind wrote them.
    const named = new Set(after.chunks.map((chunk) => `index/${chunk.hash}.pf_index`));
    expect(
      result.files
        .filter((file) => file.path.startsWith('index/'))
        .map((file) => file.path)
        .sort(),
    ).toEqual([...named].sort());
    const others = (files: BundleFile[]) => files.filter((file) => /^(fragment|filter)\//.test(file.path) || file.path.endsWith('.js'));
    expect(others(result.files)).toEqual(others(pagefindFiles));
  });

  it('computes the chunks’ ranges as Pagefind does, and finds nothing more to split in its own output', () => {
    const before = bundleOf(pagefindFiles);
    expect(chunkRanges(before.chunks.map((chunk) => chunk.words.map((word) => word[0])))).toEqual(before.chunks.map(({ from, to }) => ({ from, to })));
    const once = splitCommonWords(pagefindFiles).files;
    expect(splitCommonWords(once)).toEqual({ files: once, split: [] });
  });

  it.each([
    // Shortened to the prefixes that tell the last word of one chunk from the first of the next.
    [['aa', 'about'], ['abpen', 'ac'], 'abo', 'abp'],
    // Never shortened to end before the range starts ("c" < "cv"): Pagefind keeps the whole word.
    [['cv', 'cylind'], ['d', 'dat'], 'cylind', 'd'],
  ])('draws the boundary between %j and %j as Pagefind does', (first, second, to, from) => {
    expect(chunkRanges([first, second])).toEqual([
      { from: first[0], to },
      { from, to: second[1] },
    ]);
  });

  it('leaves an index it does not recognise as Pagefind wrote it, and says why', () => {
    const { chunks } = bundleOf(pagefindFiles);
    const [first, second] = chunks.map((chunk) => fileAt(pagefindFiles, `index/${chunk.hash}.pf_index`)!);
    // Two chunks' contents swapped: the metadata's ranges no longer describe its chunks.
    const swapped = pagefindFiles.map((file) => (file === first ? { ...file, content: second!.content } : file === second ? { ...file, content: first!.content } : file));
    const result = splitCommonWords(swapped);
    expect(result.split).toEqual([]);
    expect(result.files).toEqual(swapped);
    expect(result.skipped).toMatch(new RegExp(`^pagefind\\.en_\\w+\\.pf_meta: chunk ${first!.path.replace(/^index\/|\.pf_index$/g, '')} spans "`));

    const notGzip = pagefindFiles.map((file) => (file === first ? { ...file, content: new TextEncoder().encode('plain') } : file));
    expect(splitCommonWords(notGzip).skipped).toBe(`${first!.path} cannot be read: it is not gzip (incorrect header check)`);
    const noEntry = pagefindFiles.filter((file) => file.path !== 'pagefind-entry.json');
    expect(splitCommonWords(noEntry)).toEqual({ files: noEntry, split: [], skipped: 'no pagefind-entry.json' });
  });
});
