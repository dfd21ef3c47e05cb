/**
 * Share cards in real builds of the valid fixture tree, and the card cache
 * across two builds (tests/support/builds.ts): the first draws every card
 * into an empty cache of its own; the second, two weeks later, of the tree
 * with one snippet retitled since and starting from the cache the first
 * left, draws that snippet's card and the cards of the entries published
 * since, and takes every other card from the cache.
 * Unpublished entries never get a card. Ana's portrait
 * (tests/fixtures/valid/people/ana.png) is drawn on her card and on her
 * article's.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { filesIn, read } from '../support/build.ts';
import { built } from '../support/builds.ts';
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

/** The valid tree built on 2026-11-22, from an empty card cache of its own. */
const first = await built('valid@2026-11-22');

describe('share cards of a build', () => {
  it('builds, from an empty card cache', () => {
    expect(first.code, first.output).toBe(0);
  });

  it('renders a card for the hub and for every published entry, and none for drafts, scheduled or expired entries', () => {
    const files = filesIn(first.outDir);
    const cards = files.filter((f) => f.startsWith('og/') && f.endsWith('.png') && !f.endsWith('.thumb.png')).sort();
    expect(cards).toEqual(expectedCards(files));
    // Each entry card has its thumbnail (search results show it).
    const thumbs = files.filter((f) => f.endsWith('.thumb.png')).sort();
    expect(thumbs).toEqual(cards.filter((f) => f !== 'og/hub.png').map((f) => f.replace(/\.png$/, '.thumb.png')));
    expect(cards).toContain('og/snippets/live.png');
    expect(cards).toContain('og/people/ana.png');
    for (const unpublished of [
      'og/snippets/draft.png',
      'og/snippets/scheduled.png',
      'og/snippets/expired.png',
      'og/articles/future-article.png',
      'og/campaigns/scheduled-campaign.png',
    ]) {
      expect(cards).not.toContain(unpublished);
    }
    expect(summaries(first.output)).toEqual([{ rendered: cards.length, cached: 0 }]);
  });

  it('points each entry page at its own card and every other page at the hub card', () => {
    const { outDir } = first;
    expect(read(outDir, 'share/live/index.html')).toContain('<meta property="og:image" content="https://hub.fixture.example/og/snippets/live.png">');
    expect(read(outDir, 'people/ana/index.html')).toContain('<meta property="og:image" content="https://hub.fixture.example/og/people/ana.png">');
    expect(read(outDir, 'share/index.html')).toContain('<meta property="og:image" content="https://hub.fixture.example/og/hub.png">');
    expect(read(outDir, 'index.html')).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('draws the avatar of a person who has one, on their card and on their article', async () => {
    const { outDir } = first;
    expect(await hasAvatarColour(path.join(outDir, 'og/people/ana.png'))).toBe(true);
    expect(await hasAvatarColour(path.join(outDir, 'og/articles/hello.png'))).toBe(true);
    expect(await hasAvatarColour(path.join(outDir, 'og/people/bo.png'))).toBe(false);
  });
});

describe('the card cache across builds', () => {
  /** Two weeks on, with the snippet "live" retitled since, from the cache the first build left. */
  const SINCE = ['og/articles/future-article', 'og/campaigns/scheduled-campaign', 'og/snippets/scheduled', 'og/tracks/december'];

  it('builds the later tree', async () => {
    const second = await built('later@2026-12-06');
    expect(second.code, second.output).toBe(0);
  });

  it('draws the cards of the changed entry and of the entries published since, and takes every other from the cache as it was', async () => {
    const second = await built('later@2026-12-06');
    const total = summaries(first.output)[0]!.rendered;
    expect(total).toBeGreaterThan(5);
    expect(summaries(second.output)).toEqual([{ rendered: 1 + SINCE.length, cached: total - 1 }]);
    // dist/og/ holds hard links to the cache's files, and the second build's cache links the first's:
    // a card taken from the cache is the very file the first build put in its dist/og/, a card drawn again a new one.
    const entryCards = (dir: string) => filesIn(dir).filter((f) => /^og\/[^/]+\/[^/]+\.png$/.test(f));
    const before = entryCards(first.outDir);
    const after = entryCards(second.outDir);
    expect(before).toHaveLength(2 * (total - 1));
    expect(after.filter((file) => !before.includes(file)).sort()).toEqual(SINCE.flatMap((card) => [`${card}.png`, `${card}.thumb.png`]));
    const drawnAgain = before.filter((file) => statSync(path.join(second.outDir, file)).ino !== statSync(path.join(first.outDir, file)).ino);
    expect(drawnAgain.sort()).toEqual(['og/snippets/live.png', 'og/snippets/live.thumb.png']);
    // Drawn again because it changed: the new title is on it.
    expect(readFileSync(path.join(second.outDir, 'og/snippets/live.png')).equals(readFileSync(path.join(first.outDir, 'og/snippets/live.png')))).toBe(false);
  });
});
