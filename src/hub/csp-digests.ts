/**
 * Astro's digests of a page's head scripts and styles, remembered
 * (`astro build` only).
 *
 * For its Content Security Policy, Astro hashes the scripts and styles of
 * each page's head as it renders the page (`createResult` in its
 * fetch-state.js), with WebCrypto: the same few texts again for every page.
 * At 10,000 entries that took 2.4-2.8 s of the build's thread, mostly the
 * cost of each call, not of hashing (docs/benchmarks.md, seventh and eighth
 * passes). This plugin rewrites Astro's digest function, in the bundle the
 * pages render from, to hand back the digest it already made of the same
 * text with the same algorithm. The digest of a text does not change, so
 * the pages are the same byte for byte. A version of Astro whose function
 * reads otherwise is left as it is, and the build says so.
 */
import type { Plugin } from 'vite';
import type { HubPart } from './part.ts';

/** Astro's module that holds the digest function. */
export const ENCRYPTION_MODULE = /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js$/;

/** The function as Astro writes it. */
const DIGEST_FUNCTION = 'async function generateCspDigest(data, algorithm) {';

/** Distinct texts remembered per algorithm, at most: a page's own inline code is not the same on every page. */
export const REMEMBERED_TEXTS = 1000;

/** Where the bundle counts digests asked and made, for the build's log line. */
const COUNTS = 'hub:csp-digests';

export interface DigestCounts {
  asked: number;
  made: number;
}

/** The rewritten module: Astro's function under another name, and one that remembers its digests under Astro's. */
export function rememberDigests(code: string): string | undefined {
  if (!code.includes(DIGEST_FUNCTION)) return undefined;
  const remembering = [
    `const hubDigests = new Map();`,
    `const hubCounts = (globalThis[Symbol.for(${JSON.stringify(COUNTS)})] ??= { asked: 0, made: 0 });`,
    `function generateCspDigest(data, algorithm) {`,
    `  hubCounts.asked++;`,
    `  let texts = hubDigests.get(algorithm);`,
    `  if (!texts) hubDigests.set(algorithm, (texts = new Map()));`,
    `  let digest = texts.get(data);`,
    `  if (digest === undefined) {`,
    `    hubCounts.made++;`,
    `    digest = generateCspDigestOnce(data, algorithm);`,
    `    if (texts.size < ${REMEMBERED_TEXTS}) texts.set(data, digest);`,
    `  }`,
    `  return digest;`,
    `}`,
    `async function generateCspDigestOnce(data, algorithm) {`,
  ].join('\n');
  return code.replace(DIGEST_FUNCTION, remembering);
}

/** The counts of this process's bundle so far (none before a page is rendered). */
export function digestCounts(): DigestCounts | undefined {
  return (globalThis as Record<symbol, DigestCounts | undefined>)[Symbol.for(COUNTS)];
}

export function cspDigests(): HubPart {
  let rewritten: boolean | undefined;
  return {
    name: 'hub:csp-digests',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        const plugin: Plugin = {
          name: 'hub:csp-digests',
          transform(code, id) {
            if (!ENCRYPTION_MODULE.test(id)) return undefined;
            const changed = rememberDigests(code);
            rewritten = changed !== undefined;
            return changed === undefined ? undefined : { code: changed, map: { mappings: '' } };
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': ({ logger }) => {
        const counts = digestCounts();
        if (rewritten === false)
          logger.warn("Astro's CSP digest function reads otherwise than this hub knows: each page's head is hashed again (src/hub/csp-digests.ts)");
        else if (counts) logger.info(`Astro's CSP digests: ${counts.asked} asked, ${counts.made} made`);
      },
    },
  };
}
