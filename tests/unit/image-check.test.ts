/**
 * The image check of the content check (src/content/checks/images.ts), in
 * memory: every image an entry uses (fields and bodies), every image of the
 * content folder and of public/ (Decap's uploads, the logo), refused when
 * it is an SVG that could run script or over the size limits of settings,
 * naming the file, what was found, the limit and the entries using it.
 * tests/build/images.test.ts proves a real build stops on them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { imageFault } from '../../src/content/checks/images.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { DEFAULT_IMAGE_LIMITS } from '../../src/model/schemas/settings.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';
import { noisePng, oneColourPng, scriptSvg } from '../support/images.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const ANA = readFileSync(path.join(VALID_TREE, 'people/ana.md'), 'utf8');
const HELLO = readFileSync(path.join(VALID_TREE, 'articles/hello.md'), 'utf8');
const SETTINGS = readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8');

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** The valid tree with `files` over it (Buffers for images), and a public/ folder of its own beside it. */
function tree(files: Record<string, string | Buffer>, publicFiles: Record<string, string | Buffer> = {}) {
  const text = Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const made = treeWith(text);
  cleanups.push(made.cleanup);
  const publicDir = path.join(made.root, '.public');
  const write = (dir: string, entries: Record<string, string | Buffer>) => {
    for (const [relative, data] of Object.entries(entries)) {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), data);
    }
  };
  write(made.root, Object.fromEntries(Object.entries(files).filter(([, data]) => typeof data !== 'string')));
  write(publicDir, publicFiles);
  return { root: made.root, publicDir };
}

function errors(root: string, publicDir: string) {
  return checkContent({ root, now: NOW, cwd: root, publicDir })
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);
}

describe('SVG images that could run script', () => {
  it('refuses an avatar SVG with <script>, naming the file, what was found and the entry, line and field using it', () => {
    const { root, publicDir } = tree({ 'people/evil.svg': scriptSvg(), 'people/ana.md': ANA.replace('avatar: ./ana.png', 'avatar: ./evil.svg') });
    expect(errors(root, publicDir)).toEqual([
      expect.stringMatching(
        /^people\/evil\.svg — is an SVG with what could run script or load other files when it is opened: onload=".*" on <svg>; <script> element\. SVGs may only draw .*export the image as PNG; used by people\/ana\.md:9 \(avatar\)$/,
      ),
    ]);
  });

  it('refuses an article cover SVG', () => {
    const cover = HELLO.replace('topics: [culture]', 'topics: [culture]\ncover: { src: ./cover.svg, alt: "A cover" }');
    const { root, publicDir } = tree({
      'articles/cover.svg': '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
      'articles/hello.md': cover,
    });
    expect(errors(root, publicDir)).toEqual([
      expect.stringMatching(/^articles\/cover\.svg — is an SVG .*href="javascript:alert\(1\)" on <a>.*; used by articles\/hello\.md:8 \(cover\.src\)$/),
    ]);
  });

  it('refuses SVGs a Markdown body shows, as ![](…) and as <img>, with the body lines', () => {
    const body = `${HELLO}\n![A chart](./chart.svg)\n\n<img src="./chart.svg" alt="again">\n`;
    const { root, publicDir } = tree({ 'articles/chart.svg': scriptSvg(), 'articles/hello.md': body });
    expect(errors(root, publicDir)).toEqual([
      expect.stringMatching(/^articles\/chart\.svg — is an SVG .*<script> element.*; used by articles\/hello\.md:13 \(body\), articles\/hello\.md:15 \(body\)$/),
    ]);
  });

  it('refuses an SVG in public/uploads (Decap media) and names the body using it by its site path', () => {
    const body = `${HELLO}\n![Upload](/uploads/evil.svg)\n`;
    const { root, publicDir } = tree(
      { 'articles/hello.md': body },
      { 'uploads/evil.svg': scriptSvg(), 'brand/logo.svg': readFileSync(path.resolve('public/brand/logo.svg')) },
    );
    const found = errors(root, publicDir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/\.public\/uploads\/evil\.svg — is an SVG .*<script> element.*; used by articles\/hello\.md:13 \(body\)$/);
  });

  it('refuses an SVG nobody uses yet, in the content folder or public/ (a dot file too)', () => {
    const { root, publicDir } = tree({ 'people/unused.svg': scriptSvg() }, { '.hidden.svg': scriptSvg(), 'brand/other.svg': scriptSvg() });
    const found = errors(root, publicDir);
    expect(found.map((line) => line.split(' — ')[0])).toEqual(['.public/.hidden.svg', '.public/brand/other.svg', 'people/unused.svg']);
  });

  it('refuses an SVG saved under another image name', () => {
    const { root, publicDir } = tree({ 'people/evil.png': scriptSvg(), 'people/ana.md': ANA.replace('./ana.png', './evil.png') });
    expect(errors(root, publicDir)).toEqual([
      expect.stringMatching(/^people\/evil\.png — is an SVG file named \.png; name it \.svg or export it as PNG; used by people\/ana\.md:9 \(avatar\)$/),
    ]);
  });

  it('passes the sample hub logo and the valid tree', () => {
    const { root, publicDir } = tree({}, { 'brand/logo.svg': readFileSync(path.resolve('public/brand/logo.svg')) });
    expect(errors(root, publicDir)).toEqual([]);
  });
});

describe('image sizes', () => {
  it('refuses a 20,000 × 20,000 PNG cover without decoding it, naming the size and the limit', () => {
    const cover = HELLO.replace('topics: [culture]', 'topics: [culture]\ncover: { src: ./huge.png, alt: "A cover" }');
    const { root, publicDir } = tree({ 'articles/huge.png': oneColourPng(20_000, 20_000), 'articles/hello.md': cover });
    const started = performance.now();
    expect(errors(root, publicDir)).toEqual([
      'articles/huge.png — is 20000×20000 px (400 megapixels); images may have at most 25 megapixels (settings: images.max_megapixels); scale it down; used by articles/hello.md:8 (cover.src)',
    ]);
    // Read from the header: decoding it would take seconds and 1.6 GB.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a file over the byte limit of settings and passes an ordinary image', async () => {
    const settings = `${SETTINGS}images: { max_megabytes: 0.1 }\n`;
    const { root, publicDir } = tree({ 'settings.yaml': settings }, { 'uploads/photo.png': await noisePng(300) });
    expect(errors(root, publicDir)).toEqual([
      expect.stringMatching(/^\.public\/uploads\/photo\.png — is 0\.\d\d MB; images may be at most 0\.1 MB \(settings: images\.max_megabytes\); make it smaller/),
    ]);
  });

  it('has defaults that pass a 24-megapixel camera photo and refuse an 8000 × 8000 one', () => {
    const { root } = tree({ 'people/camera.png': oneColourPng(6000, 4000), 'people/big.png': oneColourPng(8000, 8000) });
    expect(imageFault(path.join(root, 'people/camera.png'), DEFAULT_IMAGE_LIMITS)).toBeUndefined();
    expect(imageFault(path.join(root, 'people/big.png'), DEFAULT_IMAGE_LIMITS)).toBe(
      'is 8000×8000 px (64 megapixels); images may have at most 25 megapixels (settings: images.max_megapixels); scale it down',
    );
  });

  it('takes its limits from settings.yaml, checked like any setting', () => {
    const { root, publicDir } = tree({ 'settings.yaml': `${SETTINGS}images: { max_megapixels: 0, max_megabytes: big }\n` });
    expect(errors(root, publicDir)).toEqual([
      'settings.yaml:13 — field "images.max_megapixels" is 0; expected a number above 0, e.g. megapixels such as 25.',
      'settings.yaml:13 — field "images.max_megabytes" is "big"; expected a number of megabytes such as 20.',
    ]);
  });

  it('refuses a file that is not the image its name says', () => {
    const { root, publicDir } = tree({ 'people/broken.jpg': 'not a JPEG at all' });
    expect(errors(root, publicDir)).toEqual([expect.stringMatching(/^people\/broken\.jpg — is not an image the hub can read \(.+\); allowed image types: \.jpg/)]);
  });
});
