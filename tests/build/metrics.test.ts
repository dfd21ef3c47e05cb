/**
 * /impact/ of a real build from an analytics export. Why a build stops on
 * a bad export is tested in memory, through the report the build prints
 * (tests/unit/build-errors.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { read } from '../support/build.ts';
import { built } from '../support/builds.ts';

describe('npm run build with analytics exports', () => {
  it('builds /impact/ from a valid export, naming only people who opted in', async () => {
    // The valid tree has a GA4 export; Ana (code ana-e) opted in to recognition, Bo (bo-x) did not.
    const result = await built('valid@2026-11-22');
    expect(result.code, result.output).toBe(0);
    const html = read(result.outDir, 'impact/index.html');
    expect(html).toContain('Ana Example');
    expect(html).not.toContain('Bo Example');
    expect(html).not.toMatch(/ana-e|bo-x/);
    expect(html.match(/<svg[^>]* role="img"/g)).toHaveLength(4);
  });
});
