/**
 * `npm run build` on images that must not be published (issue 22): an SVG
 * with script as an avatar, as an article cover, in a Markdown body and in
 * Decap's media folder (public/uploads); a 20,000 × 20,000 PNG cover (a
 * decompression bomb: 48 KB on disk, 1.6 GB decoded); and an upload over
 * the byte limit of settings. One build of its own, which stops at the
 * content check: every one is reported, naming the file, what was found,
 * the limit and the entry using it, and nothing is written to dist/. The
 * images of the valid tree (a PNG portrait) and the sample logo
 * (public/brand/logo.svg) pass. What each message says is tested in memory
 * (tests/unit/image-check.test.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS_DIR, type BuildResult, STACK_LINE, astroBuild, removeBuild } from '../support/build.ts';
import { TODAY } from '../support/builds.ts';
import { VALID_TREE, copyTree } from '../support/fixtures.ts';
import { noisePng, oneColourPng, scriptSvg } from '../support/images.ts';

const read = (file: string) => readFileSync(path.join(VALID_TREE, file), 'utf8');

let build: BuildResult;
let contentDir: string;

beforeAll(async () => {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const workDir = mkdtempSync(path.join(BUILDS_DIR, 'hub-images-'));
  contentDir = copyTree(
    VALID_TREE,
    {
      'settings.yaml': `${read('settings.yaml')}images: { max_megabytes: 0.1 }\n`,
      'people/bo.md': read('people/bo.md').replace(/^---\n/, '---\navatar: ./bo.svg\n'),
      'people/bo.svg': scriptSvg(),
      'articles/hello.md':
        read('articles/hello.md').replace('topics: [culture]', 'topics: [culture]\ncover: { src: ./huge.png, alt: "A wave" }') +
        '\n![A chart](./chart.svg)\n\n![Upload](/uploads/photo.png)\n',
      'articles/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>',
      'articles/future-article.md': read('articles/future-article.md').replace(/^---\n/, '---\ncover: { src: ./cover.svg, alt: "A cover" }\n'),
      'articles/cover.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><rect width="9" height="9"/></svg>',
    },
    path.join(workDir, 'content'),
  );
  writeFileSync(path.join(contentDir, 'articles/huge.png'), oneColourPng(20_000, 20_000));
  build = await astroBuild({
    contentDir,
    now: TODAY,
    workDir: path.join(workDir, 'build'),
    publicFiles: { 'uploads/evil.svg': scriptSvg(), 'uploads/photo.png': await noisePng(300) },
  });
  // The content tree and the build share one work folder, removed together.
  build.workDir = workDir;
});

afterAll(() => removeBuild(build));

describe('npm run build on hostile and oversized images', () => {
  it('stops before writing anything, with one line per image naming it, what was found and the entry using it', () => {
    const { code, output } = build;
    expect(code, output).toBe(1);
    const line = (file: string) => {
      const lines = output.split('\n').filter((l) => l.includes(`${file} — `));
      expect(lines, `${file} in:\n${output}`).toHaveLength(1);
      return lines[0]!;
    };
    expect(line('people/bo.svg')).toMatch(/ — is an SVG with what could run script .*<script> element.*; used by .*people\/bo\.md:2 \(avatar\)/);
    expect(line('articles/cover.svg')).toMatch(/ — is an SVG .*onload="alert\(document\.domain\)" on <svg>.*; used by .*articles\/future-article\.md:2 \(cover\.src\)/);
    expect(line('articles/chart.svg')).toMatch(/ — is an SVG .*href="https:\/\/tracker\.example\/p\.png" on <image>.*; used by .*articles\/hello\.md:\d+ \(body\)/);
    expect(line('public/uploads/evil.svg')).toMatch(/ — is an SVG .*<script> element/);
    expect(line('articles/huge.png')).toMatch(
      / — is 20000×20000 px \(400 megapixels\); images may have at most 25 megapixels \(settings: images\.max_megapixels\); scale it down; used by .*articles\/hello\.md:8 \(cover\.src\)/,
    );
    expect(line('public/uploads/photo.png')).toMatch(
      / — is 0\.\d\d MB; images may be at most 0\.1 MB \(settings: images\.max_megabytes\).*; used by .*articles\/hello\.md:\d+ \(body\)/,
    );
    expect(output).toMatch(/6 content errors: fix them and build again\./);
    expect(output).not.toMatch(STACK_LINE);
    // The bomb was never handed to sharp, and nothing was published.
    expect(output).not.toMatch(/Sharp doesn't support|page\(s\) built/);
    expect(existsSync(path.join(build.outDir, '_astro'))).toBe(false);
  });

  it('passes the valid tree’s portrait and the sample logo', () => {
    expect(build.output).not.toMatch(/people\/ana\.png — |brand\/logo\.svg — /);
  });
});
