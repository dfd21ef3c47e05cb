/** Where content lives on disk and how one file is read, exactly as Astro reads it. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import type { CollectionName } from '../../schemas/context.ts';

/** The content root: `HUB_CONTENT_DIR`, default `content`, relative to the project. */
export function contentRoot(dir: string | undefined = process.env.HUB_CONTENT_DIR, cwd = process.cwd()): string {
  return path.resolve(cwd, dir && dir.trim() ? dir.trim() : 'content');
}

export const SETTINGS_FILE = 'settings.yaml';

/** Extensions an entry may have, per collection (the content model's contract). */
export const ENTRY_EXTENSIONS: Record<CollectionName, readonly string[]> = {
  snippets: ['.md'],
  articles: ['.md', '.mdx'],
  guidelines: ['.md', '.mdx'],
  training: ['.md', '.mdx'],
  campaigns: ['.md'],
  people: ['.md'],
  tracks: ['.md'],
};

/** Files that may sit next to entries (covers, avatars) without being entries. */
export const ASSET_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg'];

/** The glob the Astro loader uses for a collection; kept next to the extensions it mirrors. */
export function entryPattern(collection: CollectionName): string {
  const extensions = ENTRY_EXTENSIONS[collection].map((ext) => ext.slice(1));
  return extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`;
}

/** Every file under a collection folder, recursively, as paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      if (name.startsWith('.')) continue;
      const child = relative ? `${relative}/${name}` : name;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

export interface EntryFile {
  /** The parsed front matter, as Astro's loader sees it. */
  data: unknown;
  /** The YAML text between the `---` lines. */
  yaml: string;
  /** Lines before the YAML text starts, to turn YAML lines into file lines. */
  lineOffset: number;
  body: string;
  hasFrontmatter: boolean;
}

export class FrontmatterError extends Error {
  /** 1-based line in the file, when js-yaml tells it. */
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Reads one entry. Throws `FrontmatterError` (with the file line) for broken YAML. */
export function readEntry(file: string): EntryFile {
  const source = readFileSync(file, 'utf8');
  try {
    const parsed = parseFrontmatter(source, { frontmatter: 'remove' });
    const yaml = parsed.rawFrontmatter;
    const lineOffset = yaml ? source.slice(0, source.indexOf(yaml)).split('\n').length - 1 : 0;
    return { data: parsed.frontmatter, yaml, lineOffset, body: parsed.content, hasFrontmatter: parsed.rawFrontmatter !== '' };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    const yamlStart = source.indexOf('\n') + 1;
    const offset = source.slice(0, yamlStart).split('\n').length - 1;
    throw new FrontmatterError(reason, mark?.line !== undefined ? offset + mark.line + 1 : undefined);
  }
}
