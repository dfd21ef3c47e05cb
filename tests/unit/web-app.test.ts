/**
 * The installable web app's parts built from settings (issue 18, item 2):
 * the manifest (names, colours, language, every URL under the base path,
 * the share target), the icons (sizes, the brand colour, the logo inside the
 * maskable safe zone, initials without a logo) and the worker's own scripts.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { assetRef } from '../../src/lib/cards/serve.ts';
import { textOn } from '../../src/lib/color.ts';
import { ICONS, type IconSpec, LOGO_SHARE, renderIcon } from '../../src/lib/web-app/icons.ts';
import { shortName, webAppManifest } from '../../src/lib/web-app/manifest.ts';
import { BundleUse, OFFLINE_PAGE, REMOVER_SCRIPT, SW_FILE, adminOnlyBundles, visitedScript, writeServiceWorker } from '../../src/lib/web-app/service-worker.ts';
import { PROJECT } from '../support/build.ts';

const SETTINGS = { name: 'Tidewater Voices', description: 'Share-ready posts.', lang: 'de-CH', brand: { primary: '#0b5563' } };
const PRIMARY = [0x0b, 0x55, 0x63];

describe('webAppManifest', () => {
  it('names the hub, takes its colours and language, and opens standalone', () => {
    const manifest = webAppManifest(SETTINGS, '/');
    expect(manifest).toMatchObject({
      name: 'Tidewater Voices',
      short_name: 'Tidewater',
      description: 'Share-ready posts.',
      lang: 'de-CH',
      display: 'standalone',
      theme_color: '#0b5563',
      background_color: '#0b5563',
    });
  });

  it('keeps every URL under the base path, the share target included', () => {
    const manifest = webAppManifest(SETTINGS, '/hub');
    expect([manifest.id, manifest.start_url, manifest.scope]).toEqual(['/hub/', '/hub/', '/hub/']);
    expect(manifest.icons.map((icon) => icon.src)).toEqual(['/hub/icons/icon-192.png', '/hub/icons/icon-512.png', '/hub/icons/icon-maskable-512.png']);
    expect(manifest.share_target).toEqual({
      action: '/hub/compose/',
      method: 'GET',
      enctype: 'application/x-www-form-urlencoded',
      params: { title: 'title', text: 'text', url: 'url' },
    });
  });

  it('declares a 192 and a 512 icon for any use and a 512 maskable one', () => {
    expect(webAppManifest(SETTINGS, '/').icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  });

  it('leaves out a description settings do not have', () => {
    expect(webAppManifest({ ...SETTINGS, description: undefined }, '/')).not.toHaveProperty('description');
  });

  it('shortens the name for the home screen: whole, first word, or its first 12 characters', () => {
    expect(shortName('Acme Voices')).toBe('Acme Voices');
    expect(shortName('Tidewater Voices')).toBe('Tidewater');
    expect(shortName('Supercalifragilistic Hub')).toBe('Supercalifra');
  });
});

/** The RGBA of a pixel of a PNG. */
async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * 4;
  return [...data.subarray(at, at + 4)];
}

const close = (actual: number[], expected: number[]) => actual.every((value, i) => Math.abs(value - expected[i]!) <= 2);

describe('the icons', () => {
  const logo = assetRef(PROJECT, 'public/brand/logo.svg');
  const brand = { name: 'Tidewater Voices', primary: SETTINGS.brand.primary, logo };
  const icon = (purpose: IconSpec['purpose']) => ICONS.find((i) => i.purpose === purpose)!;

  it('are PNGs of 192, 512, maskable 512 and the 180 apple-touch-icon', async () => {
    expect(ICONS.map((i) => `${i.file} ${i.size}`)).toEqual(['icon-192.png 192', 'icon-512.png 512', 'icon-maskable-512.png 512', 'apple-touch-icon.png 180']);
    for (const spec of ICONS) {
      const meta = await sharp(await renderIcon(spec, brand)).metadata();
      expect([meta.format, meta.width, meta.height], spec.file).toEqual(['png', spec.size, spec.size]);
    }
  });

  it('fill the maskable and apple icons edge to edge with the brand colour; round the corners of the others', async () => {
    for (const purpose of ['maskable', 'apple'] as const) expect(close(await pixel(await renderIcon(icon(purpose), brand), 1, 1), [...PRIMARY, 255]), purpose).toBe(true);
    const any = await renderIcon(icon('any'), brand);
    expect((await pixel(any, 0, 0))[3]).toBe(0);
    expect(close(await pixel(any, 96, 4), [...PRIMARY, 255])).toBe(true);
  });

  it('keep the logo of a maskable icon inside the safe zone (the centred circle of 80%)', async () => {
    const png = await renderIcon(icon('maskable'), brand);
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let farthest = 0;
    for (let y = 0; y < info.height; y++)
      for (let x = 0; x < info.width; x++) {
        const at = (y * info.width + x) * 4;
        if (!close([...data.subarray(at, at + 3)], PRIMARY)) farthest = Math.max(farthest, Math.hypot(x + 0.5 - info.width / 2, y + 0.5 - info.height / 2));
      }
    expect(farthest).toBeGreaterThan(0);
    expect(farthest).toBeLessThanOrEqual(0.4 * info.width);
    expect(LOGO_SHARE.maskable).toBeLessThanOrEqual(0.8 / Math.SQRT2);
  });

  it('draw the logo: its orange wave is in the 512 icon', async () => {
    const { data } = await sharp(await renderIcon(icon('any'), brand))
      .raw()
      .toBuffer({ resolveWithObject: true });
    let orange = 0;
    for (let at = 0; at < data.length; at += 4) if (close([data[at]!, data[at + 1]!, data[at + 2]!], [0xf2, 0xa5, 0x41])) orange++;
    expect(orange).toBeGreaterThan(500);
  });

  it('without a logo, show the initials in the colour readable on the brand colour', async () => {
    for (const primary of ['#0b5563', '#f5e663']) {
      const { data } = await sharp(await renderIcon(icon('maskable'), { name: 'Acme Voices', primary }))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const ink = textOn(primary) === '#ffffff' ? [255, 255, 255] : [0x11, 0x11, 0x11];
      let inked = 0;
      for (let at = 0; at < data.length; at += 4) if (close([data[at]!, data[at + 1]!, data[at + 2]!], ink)) inked++;
      expect(inked, primary).toBeGreaterThan(1000);
    }
  });

  it('draw a raster logo too', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-icon-'));
    try {
      const file = path.join(dir, 'logo.png');
      writeFileSync(
        file,
        await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ff0000' } })
          .png()
          .toBuffer(),
      );
      const png = await renderIcon(icon('any'), { name: 'Acme', primary: '#0b5563', logo: assetRef(file) });
      expect(close(await pixel(png, 256, 256), [255, 0, 0, 255])).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Writes `files` (path under `root` → text) as a built site would hold them. */
function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

describe('the service worker', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-sw-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has scripts of its own that parse, with the base path in the visited pages' script", () => {
    expect(() => new Script(visitedScript('/hub/'))).not.toThrow();
    expect(visitedScript('/hub/')).toContain('"/hub/admin/"');
    expect(() => new Script(REMOVER_SCRIPT)).not.toThrow();
  });

  it('precaches the shell with revisions (hashed bundles by name), not the CMS, and imports the visited pages script', async () => {
    const files = {
      '_astro/app.Ab12Cd34.js': 'x',
      '_astro/cms.Zz98Yy76.js': 'decap',
      [OFFLINE_PAGE]: '<p>offline',
      'share/a/index.html': '<script type="module" src="/hub/_astro/app.Ab12Cd34.js"></script>',
      'admin/index.html': '<script src="/hub/_astro/cms.Zz98Yy76.js"></script><script src="/hub/_astro/app.Ab12Cd34.js"></script>',
      'manifest.webmanifest': '{}',
    };
    writeTree(dir, files);
    const { count } = await writeServiceWorker(dir, '/hub', { enabled: true });
    const sw = readFileSync(path.join(dir, SW_FILE), 'utf8');
    expect(count).toBe(3);
    expect(sw).toContain('{url:"_astro/app.Ab12Cd34.js",revision:null}');
    expect(sw).toMatch(/\{url:"offline\/index.html",revision:"[0-9a-f]{32}"\}/);
    expect(sw).not.toContain('share/a/index.html');
    // Decap CMS's bundle is for /admin/ only; a bundle other pages load too stays.
    expect(sw).not.toContain('cms.Zz98Yy76.js');
    expect(sw).toMatch(/importScripts\("sw-visited\.[0-9a-f]{10}\.js"\)/);
    // A new build takes over at once (docs/web-app.md, "Updates").
    expect(sw).toContain('self.skipWaiting()');
    expect(sw).toContain('self.clients.claim()');
  });

  it('writes back the worker of the last build when its precached files and options are the same, and makes another when a file changes', async () => {
    const built = mkdtempSync(path.join(tmpdir(), 'hub-sw-kept-'));
    const cacheDir = path.join(built, '.cache');
    const site = path.join(built, 'dist');
    writeTree(site, { '_astro/app.Ab12Cd34.js': 'x', [OFFLINE_PAGE]: '<p>offline', 'manifest.webmanifest': '{}' });
    const first = await writeServiceWorker(site, '/', { enabled: true, cacheDir });
    const written = readFileSync(path.join(site, SW_FILE), 'utf8');
    const kept = readdirSync(path.join(cacheDir, 'service-worker'));
    expect(kept).toEqual([expect.stringMatching(/^sw\.[\w-]{32}\.js$/)]);
    expect(readFileSync(path.join(cacheDir, 'service-worker', kept[0]!), 'utf8')).toBe(written);

    // The next build, the same files: the kept worker, as kept (a marker planted in it comes back), and the same figures.
    const keptFile = path.join(cacheDir, 'service-worker', kept[0]!);
    writeFileSync(keptFile, `${written}\n// kept`);
    rmSync(path.join(site, SW_FILE));
    expect(await writeServiceWorker(site, '/', { enabled: true, cacheDir })).toMatchObject({ count: first.count, size: first.size });
    expect(readFileSync(path.join(site, SW_FILE), 'utf8')).toBe(`${written}\n// kept`);
    // A forced build (`npm run build -- --force`) makes the worker again.
    const argv = process.argv;
    process.argv = [...argv, '--force'];
    try {
      await writeServiceWorker(site, '/', { enabled: true, cacheDir });
    } finally {
      process.argv = argv;
    }
    expect(readFileSync(path.join(site, SW_FILE), 'utf8')).toBe(written);

    // The offline page changed: its revision in the worker changes, and the new worker is the one kept.
    const revision = (sw: string) => /\{url:"offline\/index.html",revision:"([0-9a-f]{32})"\}/.exec(sw)?.[1];
    writeTree(site, { [OFFLINE_PAGE]: '<p>offline, reworded' });
    await writeServiceWorker(site, '/', { enabled: true, cacheDir });
    const next = readFileSync(path.join(site, SW_FILE), 'utf8');
    expect(revision(next)).toBeDefined();
    expect(revision(next)).not.toBe(revision(written));
    expect(readdirSync(path.join(cacheDir, 'service-worker'))).not.toEqual(kept);
    rmSync(built, { recursive: true, force: true });
  });

  it('reads only the pages the build did not hand over to tell which bundles are the CMS’s own', () => {
    const built = mkdtempSync(path.join(tmpdir(), 'hub-sw-bundles-'));
    const files = {
      '_astro/cms.Zz98Yy76.js': 'decap',
      '_astro/editor.Qq11Ww22.js': 'editor',
      'admin/index.html': '<script src="/_astro/cms.Zz98Yy76.js"></script><script src="/_astro/editor.Qq11Ww22.js"></script>',
    };
    writeTree(built, files);
    const bundles = new BundleUse('/');
    // Handed over while rendering, and not on disk: read from what was handed over.
    bundles.page('share/a/index.html', `<link rel="modulepreload" href='/_astro/editor.Qq11Ww22.js'>`);
    expect(adminOnlyBundles(built, '/', bundles)).toEqual(new Set(['_astro/cms.Zz98Yy76.js']));
    expect(bundles.pages).toEqual(new Set(['share/a/index.html', 'admin/index.html']));
    // Without what the build handed over, the editor's bundle looks like the CMS's own.
    expect(adminOnlyBundles(built, '/')).toEqual(new Set(['_astro/cms.Zz98Yy76.js', '_astro/editor.Qq11Ww22.js']));
    rmSync(built, { recursive: true, force: true });
  });

  it('removes itself when settings turn the web app off', async () => {
    await writeServiceWorker(dir, '/', { enabled: false });
    expect(readFileSync(path.join(dir, SW_FILE), 'utf8')).toBe(REMOVER_SCRIPT);
  });
});
