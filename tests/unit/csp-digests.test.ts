/**
 * Astro's CSP digests, remembered (src/hub/csp-digests.ts): the rewrite
 * finds the function in the installed Astro, and the rewritten function
 * hands back the same digest for the same text without making it again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENCRYPTION_MODULE, REMEMBERED_TEXTS, digestCounts, rememberDigests } from '../../src/hub/csp-digests.ts';

const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));

describe('rememberDigests', () => {
  it("finds the digest function in the installed Astro's module", () => {
    const file = path.join(astroDir, 'dist/core/encryption.js');
    expect(ENCRYPTION_MODULE.test(file)).toBe(true);
    const code = rememberDigests(readFileSync(file, 'utf8'));
    expect(code).toContain('async function generateCspDigestOnce(data, algorithm) {');
    expect(code).toMatch(/export \{[^}]*\bgenerateCspDigest\b/);
  });

  it('leaves a module without the function as it is', () => {
    expect(rememberDigests('export async function generateCspDigest(input) {}')).toBeUndefined();
  });

  it('makes each digest once per text and algorithm, and the same digests as before', async () => {
    const source = [
      'export const made = [];',
      'async function generateCspDigest(data, algorithm) {',
      '  made.push(`${algorithm} ${data}`);',
      '  const bytes = new Uint8Array(await crypto.subtle.digest(algorithm, new TextEncoder().encode(data)));',
      '  return `${algorithm}-${Buffer.from(bytes).toString("base64")}`;',
      '}',
      'export { generateCspDigest };',
    ].join('\n');
    const original = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
      made: string[];
      generateCspDigest: (data: string, algorithm: string) => Promise<string>;
    };
    const remembering = (await import(`data:text/javascript,${encodeURIComponent(rememberDigests(source)!)}`)) as typeof original;
    const before = digestCounts()?.asked ?? 0;
    const texts = ['body{color:red}', 'console.log(1)', 'body{color:red}', 'body{color:red}'];
    const digests = await Promise.all(texts.map((text) => remembering.generateCspDigest(text, 'SHA-256')));
    expect(digests).toEqual(await Promise.all(texts.map((text) => original.generateCspDigest(text, 'SHA-256'))));
    expect(remembering.made).toEqual(['SHA-256 body{color:red}', 'SHA-256 console.log(1)']);
    expect(await remembering.generateCspDigest('body{color:red}', 'SHA-384')).toMatch(/^SHA-384-/);
    expect(remembering.made).toHaveLength(3);
    expect(digestCounts()!.asked - before).toBe(5);
  });

  it(`stops remembering new texts after ${REMEMBERED_TEXTS}, and still makes their digests`, async () => {
    const source =
      'export const made = [];\nasync function generateCspDigest(data, algorithm) {\n  made.push(data);\n  return `${algorithm}:${data}`;\n}\nexport { generateCspDigest };';
    const remembering = (await import(`data:text/javascript,${encodeURIComponent(rememberDigests(source)!)}#cap`)) as {
      made: string[];
      generateCspDigest: (data: string, algorithm: string) => Promise<string>;
    };
    for (let i = 0; i <= REMEMBERED_TEXTS; i++) await remembering.generateCspDigest(`text ${i}`, 'SHA-256');
    expect(await remembering.generateCspDigest(`text ${REMEMBERED_TEXTS}`, 'SHA-256')).toBe(`SHA-256:text ${REMEMBERED_TEXTS}`);
    expect(remembering.made).toHaveLength(REMEMBERED_TEXTS + 2);
    await remembering.generateCspDigest('text 0', 'SHA-256');
    expect(remembering.made).toHaveLength(REMEMBERED_TEXTS + 2);
  });
});
