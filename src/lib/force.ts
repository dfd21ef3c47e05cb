/**
 * `astro build --force` (`npm run build -- --force`): Astro clears its
 * content store and renders every page; the hub then reuses nothing it
 * remembers either (the search index and the service worker kept from the
 * last build, the cards' font choices, the CMS facts' lines: each is still
 * kept for the next build), and passes the flag on to the build of each
 * other language (src/hub/languages.ts). Drawn cards are the exception:
 * their key is everything that decides their pixels.
 */
export const FORCE_FLAG = '--force';

/** Whether this process is a forced build. */
export function forcedBuild(argv: readonly string[] = process.argv): boolean {
  return argv.slice(2).includes(FORCE_FLAG);
}
