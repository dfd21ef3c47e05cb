/** `npm run build -- --force` reuses nothing, in any language (src/hub/force.ts, languages.ts). */
import { describe, expect, it } from 'vitest';
import { forcedBuild } from '../../src/lib/force.ts';
import { languageBuildArgs } from '../../src/hub/languages.ts';

describe('a forced build', () => {
  it('is told by the --force flag of the command line', () => {
    expect(forcedBuild(['node', 'astro.mjs', 'build', '--force'])).toBe(true);
    expect(forcedBuild(['node', 'astro.mjs', 'build'])).toBe(false);
    // The flag must be an argument of the command, not the program itself.
    expect(forcedBuild(['--force', 'astro.mjs', 'build'])).toBe(false);
  });

  it('passes the flag on to the build of each other language', () => {
    expect(languageBuildArgs('/astro.mjs', '/dist/de', ['node', 'astro.mjs', 'build', '--force'])).toEqual(['/astro.mjs', 'build', '--outDir', '/dist/de', '--force']);
    expect(languageBuildArgs('/astro.mjs', '/dist/de', ['node', 'astro.mjs', 'build'])).toEqual(['/astro.mjs', 'build', '--outDir', '/dist/de']);
  });
});
