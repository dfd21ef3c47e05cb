import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_STORE_MODULE, dataStoreFromDisk } from '../../src/hub/data-store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'hub-data-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The plugin's transform, as Vite calls it. */
function transform(file: string, code: string, id = DATA_STORE_MODULE): { code: string } | undefined {
  const hook = dataStoreFromDisk(file).transform as (code: string, id: string) => { code: string } | undefined;
  return hook(code, id);
}

let modules = 0;
/** Runs a module's code as Node would in the build's bundle. */
async function run(code: string): Promise<unknown> {
  const file = path.join(dir, `module-${modules++}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe("Astro's content store, read from disk when the pages render", () => {
  const store = [['Map', 1], 'snippets', { body: 'Heat pumps — “quiet” in winter' }];
  const text = JSON.stringify(store);
  const astroModule = `export default JSON.parse(${JSON.stringify(text)})`;

  it('gives the pages the same store as the module Astro writes, without the store in the bundle', async () => {
    const file = path.join(dir, 'data-store.json');
    writeFileSync(file, text);
    const rewritten = transform(file, astroModule)!;
    expect(rewritten.code).not.toContain('quiet');
    expect(await run(rewritten.code)).toEqual(await run(astroModule));
  });

  it('refuses a store that changed after it was bundled, naming the file', async () => {
    const file = path.join(dir, 'changed.json');
    writeFileSync(file, text);
    const rewritten = transform(file, astroModule)!;
    writeFileSync(file, text.replace('winter', 'summer'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await expect(run(rewritten.code)).rejects.toThrow(`${file} changed while the site was being built (Astro's content store): build again`);
  });

  it('leaves other modules, an empty store and a store in chunks as Astro writes them', () => {
    const file = path.join(dir, 'data-store.json');
    expect(transform(file, astroModule, '/src/pages/index.astro')).toBeUndefined();
    expect(transform(file, 'export default new Map()')).toBeUndefined();
    expect(transform(file, 'export default{"snippets":[(await import("\\0astro:data-layer-content-chunk:a.json"))]}')).toBeUndefined();
  });
});
