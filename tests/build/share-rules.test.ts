import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, read } from '../support/build.ts';
import { FIXTURES, treeWith } from '../support/fixtures.ts';

const invalid = (file: string) => readFileSync(path.join(FIXTURES, 'invalid', file), 'utf8');

describe('npm run build and sharing', () => {
  it('stops on a wording too long for a network and on a banned phrase, naming snippet, variant, network, length and limit', async () => {
    const tree = treeWith({ 'snippets/too-long-for-x.md': invalid('snippets/too-long-for-x.md'), 'snippets/banned-phrase.md': invalid('snippets/banned-phrase.md') });
    try {
      const result = await astroBuild({ contentDir: tree.root, now: '2026-11-22' });
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(
        /snippets\/too-long-for-x\.md:\d+ — field "variants\[0\]\.text" \(variant 1\) is too long for X: the post counts \d{3} where X allows 280 \(.*longest advocate code, 40 characters\)\. Shorten it by \d+/,
      );
      expect(result.output).toMatch(/snippets\/banned-phrase\.md:\d+ — field "title" contains the banned phrase "best in the world"/);
      expect(result.output).toMatch(/4 content errors: fix them and build again\./);
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      tree.cleanup();
    }
  });

  it('publishes /snippets.json and /snippets.schema.json for a valid tree', async () => {
    const tree = treeWith();
    try {
      const result = await astroBuild({ contentDir: tree.root, now: '2026-11-22' });
      expect(result.code, result.output).toBe(0);
      const feed = JSON.parse(read(result.outDir, 'snippets.json'));
      // Published only: the draft, scheduled and expired fixture snippets are not in it.
      expect(feed.snippets.map((s: { id: string }) => s.id)).toEqual(['live']);
      expect(feed.snippets[0].variants[1].networks.map((n: { network: string }) => n.network)).toEqual(['linkedin']);
      expect(JSON.parse(read(result.outDir, 'snippets.schema.json')).$id).toBe('https://hub.fixture.example/snippets.schema.json');
    } finally {
      tree.cleanup();
    }
  });
});
