/**
 * The share feed of a real build. Why a build stops on a wording too long
 * for a network or a banned phrase is tested in memory, through the report
 * the build prints (tests/unit/build-errors.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../support/build.ts';
import { built } from '../support/builds.ts';
import { shareFeedOf } from '../support/site.ts';

describe('npm run build and sharing', () => {
  it('publishes /snippets.json, its page and /snippets.schema.json for a valid tree', async () => {
    const result = await built('valid@2026-11-22');
    expect(result.code, result.output).toBe(0);
    const feed = shareFeedOf(result.outDir);
    expect(feed.files).toEqual(['snippets/1.json']);
    // Published only: the draft, scheduled and expired fixture snippets are not in it.
    expect(feed.snippets.map((s) => s.id)).toEqual(['live']);
    expect(feed.index.total).toBe(1);
    expect(feed.snippets[0]!.variants[1]!.networks.map((n) => n.network)).toEqual(['linkedin']);
    expect(JSON.parse(read(result.outDir, 'snippets.schema.json')).$id).toBe('https://hub.fixture.example/snippets.schema.json');
  });
});
