/**
 * Every image the hub processes or ships, checked before anything decodes
 * it: the files of the content folder (covers, avatars, images of bodies),
 * everything under public/ (Decap's uploads in public/uploads, the logo in
 * public/brand), and any other file an entry points to.
 *
 * - Size: bytes from the file system, width and height from the file's
 *   header (image-size reads the header only), against the limits of
 *   settings.images. A 421 KB PNG can hold 20,000 × 20,000 pixels, which
 *   costs a browser 1.6 GB to show; it is refused without being decoded.
 * - SVG: nothing that can run script or load anything (src/lib/security/svg.ts).
 *   Astro copies an SVG unchanged to /_astro/, public/ is copied as it is,
 *   and a file opened on its own runs its script with the hub's origin.
 *
 * A problem names the image file, what was found and what is allowed, and
 * the entries (file, line, field) that use it.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { Parser } from 'htmlparser2';
import { defineMdastPlugin, markdownToHtml } from 'satteri';
import { ASSET_EXTENSIONS } from '../../model/collections.ts';
import type { Settings } from '../../model/schemas/settings.ts';
import { isSymbolicLink, listFiles } from '../../lib/files.ts';
import type { Problem } from '../../lib/problems.ts';
import { svgHazards } from '../../lib/security/svg.ts';
import type { CheckedEntry } from '../entry.ts';
import { maskCode } from './lint.ts';

export interface ImageCheckOptions {
  /** The content root. */
  root: string;
  /** The project's public/ folder, shipped as it is. */
  publicDir: string;
  show(absolute: string): string;
  settings: Settings;
  entries: readonly CheckedEntry[];
}

const isImage = (file: string) => ASSET_EXTENSIONS.includes(path.extname(file).toLowerCase());

/** The file a path resolves to, links followed; undefined when it does not exist. */
function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Every file under `dir`, dot files included: a static host serves public/.x.svg too; links are left out, never followed. */
function everyFile(dir: string): string[] {
  const { files, hidden } = listFiles(dir);
  return [...files, ...hidden].map((f) => path.join(dir, f));
}

/** An image address of a body: its text and its 0-based index in the body. */
interface Source {
  src: string;
  index: number;
}

function htmlImageSources(html: string): string[] {
  const sources: string[] = [];
  const parser = new Parser({ onopentag: (name, attributes) => name === 'img' && attributes.src !== undefined && sources.push(attributes.src) }, { decodeEntities: true, lowerCaseTags: true });
  parser.end(html);
  return sources;
}

/** Images a Markdown body shows: ![alt](src) and <img src> in raw HTML, as the renderer parses them. */
function markdownImageSources(body: string): Source[] {
  const lineStarts = [0, ...[...body.matchAll(/\n/g)].map((m) => m.index + 1)];
  const at = (line: number | undefined) => lineStarts[(line ?? 1) - 1] ?? 0;
  const found: Source[] = [];
  const scan = defineMdastPlugin({
    name: 'hub:image-sources',
    options: { position: true },
    image(node) {
      found.push({ src: node.url, index: at(node.position?.start.line) });
    },
    html(node) {
      for (const src of htmlImageSources(node.value)) found.push({ src, index: at(node.position?.start.line) });
    },
  });
  markdownToHtml(body, { mdastPlugins: [scan], features: { rawHtml: true } });
  return found;
}

/**
 * Images an MDX body uses: Markdown images, src="…" and imports of image
 * files. MDX is code (docs/security.md); the patterns only need to find
 * which entry uses a file, since every file of the content folder is checked.
 */
function mdxImageSources(body: string): Source[] {
  const code = maskCode(body);
  const patterns = [/!\[[^\]\n]*\]\(\s*<?([^)\s>]+)/g, /\bsrc\s*=\s*["']([^"']+)["']/g, /^\s*import\s+(?:[^'"\n]*?\s+from\s+)?["']([^"']+)["']/gm];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => ({ src: m[1]!, index: m.index })));
}

/** The file an image address of an entry names: relative to the entry, or a path on the site (public/). */
function resolveSource(src: string, entryDir: string, publicDir: string): string | undefined {
  const address = src.trim().replace(/[?#].*$/, '');
  if (!address || /^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//')) return undefined;
  let decoded = address;
  try {
    decoded = decodeURI(address);
  } catch {
    // Kept as written: a malformed escape names no other file.
  }
  return decoded.startsWith('/') ? path.join(publicDir, decoded) : path.resolve(entryDir, decoded);
}

/** Each image file an entry (or settings) uses, with where: `content/people/ana.md:6 (avatar)`. */
function imageUses(options: ImageCheckOptions): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  // `where` is worked out for images only: finding a field's line parses the entry's YAML again.
  const add = (file: string | undefined, where: string | (() => string)) => {
    if (!file || !isImage(file)) return;
    uses.set(file, [...(uses.get(file) ?? []), typeof where === 'string' ? where : where()]);
  };
  const { settings, publicDir, root, show } = options;
  if (settings.brand.logo) add(path.join(publicDir, settings.brand.logo), `${show(path.join(root, 'settings.yaml'))} (brand.logo)`);
  for (const entry of options.entries) {
    const dir = path.dirname(entry.filePath);
    // Image fields (avatar, cover.src) are strings of the front matter naming an image file.
    const walk = (value: unknown, at: (string | number)[]) => {
      if (typeof value === 'string') {
        add(resolveSource(value, dir, publicDir), () => {
          const line = entry.lineOf(at);
          return `${entry.file}${line ? `:${line}` : ''} (${at.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('.')})`;
        });
      } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...at, i]));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...at, key]);
    };
    walk(entry.raw, []);
    const sources = entry.file.toLowerCase().endsWith('.mdx') ? mdxImageSources(entry.body) : markdownImageSources(entry.body);
    for (const { src, index } of sources) add(resolveSource(src, dir, publicDir), `${entry.file}:${entry.bodyLine(index)} (body)`);
  }
  return uses;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

/** What is wrong with one image file, or nothing. */
export function imageFault(file: string, limits: Settings['images']): string | undefined {
  const bytes = statSync(file).size;
  if (bytes > limits.max_megabytes * 1e6) {
    return `is ${megabytes(bytes)}; images may be at most ${limits.max_megabytes} MB (settings: images.max_megabytes); make it smaller, e.g. by exporting it at the size the page shows`;
  }
  const data = readFileSync(file);
  const isSvg = path.extname(file).toLowerCase() === '.svg';
  let size: { width: number; height: number; type?: string } | undefined;
  try {
    size = imageSize(data);
  } catch (error) {
    // An SVG need not declare a size (it then scales to where it is shown); the judgement below reads it.
    if (!isSvg) return `is not an image the hub can read (${(error as Error).message}); allowed image types: ${ASSET_EXTENSIONS.join(', ')}`;
  }
  // An SVG under another name would be judged by its name and served as markup.
  if (size?.type === 'svg' && !isSvg) return `is an SVG file named ${path.extname(file)}; name it .svg or export it as ${path.extname(file).slice(1).toUpperCase()}`;
  const pixels = size ? size.width * size.height : 0;
  if (size && pixels > limits.max_megapixels * 1e6) {
    return `is ${size.width}×${size.height} px (${Number((pixels / 1e6).toFixed(1))} megapixels); images may have at most ${limits.max_megapixels} megapixels (settings: images.max_megapixels); scale it down`;
  }
  if (!isSvg) return undefined;
  const hazards = svgHazards(data.toString('utf8'));
  if (!hazards.length) return undefined;
  return `is an SVG with what could run script or load other files when it is opened: ${hazards.join('; ')}. SVGs may only draw (shapes, text, gradients, styles, #id references within the file); remove these, or export the image as PNG`;
}

export function checkImages(options: ImageCheckOptions): Problem[] {
  const { root, publicDir, show, settings } = options;
  const uses = imageUses(options);
  // Hidden files too (a dot file in public/ is published); links are reported by the tree check and not followed.
  const files = new Set([...everyFile(root), ...everyFile(publicDir)].filter(isImage));
  // An image reached through a link or lying outside the tree is reported by the tree and lint checks,
  // and never read: reading it here would pull a file from elsewhere into the check.
  const roots = [root, publicDir].map(realPath).filter((d): d is string => d !== undefined);
  for (const file of uses.keys()) {
    const real = realPath(file);
    if (real && !isSymbolicLink(file) && roots.some((dir) => real.startsWith(dir + path.sep))) files.add(file);
  }
  const problems: Problem[] = [];
  for (const file of [...files].sort()) {
    let fault: string | undefined;
    try {
      fault = imageFault(file, settings.images);
    } catch (error) {
      // Only a named file that is not there: the schema and body checks report missing files.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    if (!fault) continue;
    const used = uses.get(file) ?? [];
    const usedBy = used.length ? `; used by ${used.slice(0, 3).join(', ')}${used.length > 3 ? ` and ${used.length - 3} more` : ''}` : '';
    problems.push({ severity: 'error', file: show(file), message: `${fault.replace(/\.$/, '')}${usedBy}` });
  }
  return problems;
}

