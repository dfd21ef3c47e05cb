/**
 * `astro build --force` (`npm run build -- --force`): Astro clears its
 * content store and renders every page; the hub then reuses nothing either
 * (the search index kept from the last build), and passes the flag on to
 * the build of each other language (languages.ts).
 */
export const FORCE_FLAG = '--force';

/** Whether this process is a forced build. */
export function forcedBuild(argv: readonly string[] = process.argv): boolean {
  return argv.slice(2).includes(FORCE_FLAG);
}
