/**
 * Share cards in real builds of a fixture tree, with one card cache across
 * three builds: the first renders every card, the second none, and after one
 * snippet changes exactly one. Unpublished entries never get a card.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, filesIn, read, type BuildResult } from '../support/build.ts';
import { treeWith } from '../support/fixtures.ts';
import { ROUTE_OF } from '../../src/model/collections.ts';
import type { CollectionName } from '../../src/model/collections.ts';

const AVATAR_RGB = [0xcc, 0x33, 0x66];
const summaries = (output: string) => [...output.matchAll(/share cards: (\d+) rendered, (\d+) cached/g)].map((m) => ({ rendered: Number(m[1]), cached: Number(m[2]) }));

/** The card each entry page should point to: `share/live/index.html` → `og/snippets/live.png`. */
function expectedCards(files: string[]): string[] {
  const collectionOf = new Map(Object.entries(ROUTE_OF).map(([collection, route]) => [route, collection as CollectionName]));
  const cards = files.flatMap((file) => {
    const match = /^([^/]+)\/([^/]+)\/index\.html$/.exec(file);
    const collection = match && collectionOf.get(match[1]!);
    return collection ? [`og/${collection}/${match[2]}.png`] : [];
  });
  return ['og/hub.png', ...cards].sort();
}

async function hasAvatarColour(file: string): Promise<boolean> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i += info.channels) {
    if (Math.abs(data[i]! - AVATAR_RGB[0]!) + Math.abs(data[i + 1]! - AVATAR_RGB[1]!) + Math.abs(data[i + 2]! - AVATAR_RGB[2]!) < 12) return true;
  }
  return false;
}

describe('share cards across three builds with one cache', () => {
  const tree = treeWith();
  const cardCache = mkdtempSync(path.join(tmpdir(), 'hub-cards-'));
  const builds: BuildResult[] = [];
  const build = () => astroBuild({ contentDir: tree.root, now: '2026-11-22', cardCache });

  beforeAll(async () => {
    // Ana gets a portrait, so the person card and her article's byline show it.
    await sharp({ create: { width: 200, height: 200, channels: 3, background: { r: AVATAR_RGB[0]!, g: AVATAR_RGB[1]!, b: AVATAR_RGB[2]! } } })
      .png()
      .toFile(path.join(tree.root, 'people/ana.png'));
    const ana = path.join(tree.root, 'people/ana.md');
    writeFileSync(ana, readFileSync(ana, 'utf8').replace('mentor: true\n', 'mentor: true\navatar: ./ana.png\n'));
    builds.push(await build());
    builds.push(await build());
    const live = path.join(tree.root, 'snippets/live.md');
    writeFileSync(live, readFileSync(live, 'utf8').replace('title: Live snippet', 'title: Live snippet, now with a better title'));
    builds.push(await build());
  });

  afterAll(() => {
    tree.cleanup();
    rmSync(cardCache, { recursive: true, force: true });
  });

  it('builds', () => {
    for (const result of builds) expect(result.code, result.output).toBe(0);
  });

  it('renders a card for the hub and for every published entry, and none for drafts, scheduled or expired entries', () => {
    const files = filesIn(builds[0]!.outDir);
    const cards = files.filter((f) => f.startsWith('og/') && f.endsWith('.png') && !f.endsWith('.thumb.png')).sort();
    expect(cards).toEqual(expectedCards(files));
    // Each entry card has its thumbnail (search results show it).
    const thumbs = files.filter((f) => f.endsWith('.thumb.png')).sort();
    expect(thumbs).toEqual(cards.filter((f) => f !== 'og/hub.png').map((f) => f.replace(/\.png$/, '.thumb.png')));
    expect(cards).toContain('og/snippets/live.png');
    expect(cards).toContain('og/people/ana.png');
    for (const unpublished of ['og/snippets/draft.png', 'og/snippets/scheduled.png', 'og/snippets/expired.png', 'og/articles/future-article.png']) {
      expect(cards).not.toContain(unpublished);
    }
    expect(summaries(builds[0]!.output)).toEqual([{ rendered: cards.length, cached: 0 }]);
  });

  it('points each entry page at its own card and every other page at the hub card', () => {
    const { outDir } = builds[0]!;
    expect(read(outDir, 'share/live/index.html')).toContain('<meta property="og:image" content="https://hub.fixture.example/og/snippets/live.png">');
    expect(read(outDir, 'people/ana/index.html')).toContain('<meta property="og:image" content="https://hub.fixture.example/og/people/ana.png">');
    expect(read(outDir, 'share/index.html')).toContain('<meta property="og:image" content="https://hub.fixture.example/og/hub.png">');
    expect(read(outDir, 'index.html')).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('draws the avatar of a person who has one, on their card and on their article', async () => {
    const { outDir } = builds[0]!;
    expect(await hasAvatarColour(path.join(outDir, 'og/people/ana.png'))).toBe(true);
    expect(await hasAvatarColour(path.join(outDir, 'og/articles/hello.png'))).toBe(true);
    expect(await hasAvatarColour(path.join(outDir, 'og/people/bo.png'))).toBe(false);
  });

  it('renders nothing the second time', () => {
    const total = summaries(builds[0]!.output)[0]!.rendered;
    expect(summaries(builds[1]!.output)).toEqual([{ rendered: 0, cached: total }]);
    const [first, second] = [builds[0]!.outDir, builds[1]!.outDir];
    expect(readFileSync(path.join(second, 'og/snippets/live.png')).equals(readFileSync(path.join(first, 'og/snippets/live.png')))).toBe(true);
  });

  it('renders exactly the changed entry again', () => {
    const total = summaries(builds[0]!.output)[0]!.rendered;
    expect(summaries(builds[2]!.output)).toEqual([{ rendered: 1, cached: total - 1 }]);
    const [second, third] = [builds[1]!.outDir, builds[2]!.outDir];
    expect(readFileSync(path.join(third, 'og/snippets/live.png')).equals(readFileSync(path.join(second, 'og/snippets/live.png')))).toBe(false);
    expect(readFileSync(path.join(third, 'og/articles/hello.png')).equals(readFileSync(path.join(second, 'og/articles/hello.png')))).toBe(true);
  });
});
