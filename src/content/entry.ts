/**
 * One entry file, read and checked: the front matter split as Astro splits
 * it and parsed without YAML timestamps (yaml.ts), refused when it uses YAML
 * anchors, then validated by its collection's schema with the hub's messages.
 * The result is the one entry shape the content checks, the loader and
 * `npm run lint:content` share.
 */
import { z } from 'astro/zod';
import { ASSET_EXTENSIONS, type CollectionName } from '../model/collections.ts';
import { expect, found } from '../model/schemas/fields.ts';
import { collectionSchemas } from '../model/schemas/index.ts';
import type { SchemaContext } from '../model/schemas/context.ts';
import { type Problem, fieldPath } from '../lib/problems.ts';
import { isPublished } from '../lib/publish.ts';
import { FrontmatterError, parseEntry } from './files.ts';
import { locateIn } from './locate.ts';
import { fallbackMessage, flattenIssues, isRecord } from './problem-text.ts';
import { anchorMessage, brokenTextMessage, brokenTexts, firstAnchor } from './yaml-safety.ts';

export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  /** The language of a translation (<id>.<language>.md); undefined for the default language's version. */
  lang?: string;
  /** Absolute path of the file. */
  filePath: string;
  /** The path as messages show it (relative to the project where it is inside it). */
  file: string;
  /** The file's text, as read (once). */
  source: string;
  /** The front matter as written: what Astro's schema pass reads for image fields. */
  raw: Record<string, unknown>;
  /** The front matter after the collection schema: defaults filled in, dates as Dates. */
  data: Record<string, unknown>;
  /** The Markdown after the front matter, untrimmed (line numbers count from it). */
  body: string;
  published: boolean;
  /** 1-based file line of a field, for reports. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** 1-based file line of a character of `body`. */
  bodyLine(index: number): number;
  /**
   * 1-based file line of a place inside a field's value: `locate` is given
   * the value as written in the file (a block scalar over several lines, a
   * quoted string) and returns an index in it. Falls back to the field's line.
   */
  lineWithin(path: readonly PropertyKey[], locate: (written: string) => number | undefined): number | undefined;
}

/** The collection schemas of one content tree, ready to parse front matter. */
export interface EntrySchemas {
  parse(collection: CollectionName, data: Record<string, unknown>, filePath: string): ReturnType<z.ZodType['safeParse']>;
}

/**
/**
 * How the files an entry names (images, relative to the entry at `entryPath`)
 * are looked up: on disk by the build (tree.ts, diskImages), in the list of
 * the tree's files by the CMS (cms-check.ts), which has no disk to read.
 */
export interface ImageFiles {
  /** Whether `src` is a file next to the entry. */
  exists(entryPath: string, src: string): boolean;
  /** Why that file may not be published (outside the content folder, reached through a symbolic link), or undefined. */
  outside(entryPath: string, src: string): string | undefined;
}

/**
 * The schemas for a tree, with an `image()` that checks the file next to the
 * entry being parsed: there, an image type, and inside the content folder
 * without a symbolic link on the way.
 */
export function entrySchemas(context: Omit<SchemaContext, 'image'>, images: ImageFiles): EntrySchemas {
  let entryPath = '.';
  const image = () =>
    z.string({ error: expect('a relative path to an image next to the file, e.g. ./photo.jpg') }).superRefine((src, ctx) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) {
        ctx.addIssue({ code: 'custom', input: src, message: `${found(src)}; images must be files in the repository, given relative to the entry, e.g. ./photo.jpg` });
      } else if (!images.exists(entryPath, src)) {
        ctx.addIssue({ code: 'custom', input: src, message: `${found(src)}, but there is no such file next to the entry; add the image or fix the path` });
      } else if (!ASSET_EXTENSIONS.includes(/\.[^./\\]*$/.exec(src)?.[0].toLowerCase() ?? '')) {
        ctx.addIssue({ code: 'custom', input: src, message: `${found(src)}; allowed image types: ${ASSET_EXTENSIONS.join(', ')}` });
      } else {
        const outside = images.outside(entryPath, src);
        if (outside) ctx.addIssue({ code: 'custom', input: src, message: `${found(src)}, which ${outside}` });
      }
    });
  const full: SchemaContext = { ...context, image };
  const schemas = Object.fromEntries(Object.entries(collectionSchemas).map(([name, schema]) => [name, (schema as (c: SchemaContext) => z.ZodType)(full)])) as Record<CollectionName, z.ZodType>;
  return {
    parse(collection, data, filePath) {
      // Parses are synchronous, so the image check reads the folder of the entry being parsed.
      entryPath = filePath;
      return schemas[collection].safeParse(data, { error: fallbackMessage });
    },
  };
}

export interface EntryFile {
  collection: CollectionName;
  id: string;
  /** The language of a translation (<id>.<language>.md); undefined for the default language's version. */
  lang?: string;
  filePath: string;
  file: string;
  source: string;
}

/** Checks one entry file's text; returns the entry, or the problems that keep it out. */
export function validateEntry(input: EntryFile, schemas: EntrySchemas, now: Date): { entry?: CheckedEntry; problems: Problem[] } {
  const { file } = input;
  const refuse = (problem: Omit<Problem, 'severity' | 'file'>) => ({ problems: [{ severity: 'error' as const, file, ...problem }] });
  let parsed;
  try {
    parsed = parseEntry(input.source);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    return refuse({ line: error.line, message: error.message });
  }
  const { yaml, lineOffset, body } = parsed;
  const anchor = firstAnchor(yaml);
  // Before any schema walks the data: an alias bomb is cheap to parse and exponential to walk.
  if (anchor) return refuse({ line: lineOffset + anchor.line, message: anchorMessage(anchor) });
  if (!parsed.hasFrontmatter) return refuse({ line: 1, message: 'has no front matter; start the file with a line "---", then its fields, then another "---"' });
  // The YAML text starts on the opening "---" line, so its first field is one line further down.
  if (!isRecord(parsed.data)) return refuse({ line: lineOffset + 2, message: 'has front matter that is not a set of "field: value" lines' });

  let locator: ReturnType<typeof locateIn> | undefined;
  const lineOf = (at: readonly PropertyKey[]) => {
    const line = (locator ??= locateIn(yaml)).line(at);
    return line === undefined ? undefined : line + lineOffset;
  };
  const lineWithin = (at: readonly PropertyKey[], locate: (written: string) => number | undefined) => {
    const written = (locator ??= locateIn(yaml)).written(at);
    const index = written && locate(written.text);
    if (!written || index === undefined) return lineOf(at);
    return lineOffset + written.line + (written.text.slice(0, index).match(/\n/g)?.length ?? 0);
  };
  const broken = brokenTexts(parsed.data, yaml);
  if (broken.length) return { problems: broken.map((b) => ({ severity: 'error' as const, file, line: lineOf(b.path), field: fieldPath(b.path), message: brokenTextMessage(b) })) };
  const result = schemas.parse(input.collection, parsed.data, input.filePath);
  if (!result.success) {
    return { problems: flattenIssues(result.error.issues).map((issue) => ({ severity: 'error', file, line: lineOf(issue.path), field: fieldPath(issue.path), message: issue.message })) };
  }
  const data = result.data as Record<string, unknown>;
  // The body starts on the closing "---" line, right after the front matter.
  const closingLine = lineOffset + yaml.split('\n').length;
  const bodyLine = (index: number) => closingLine + (body.slice(0, index).match(/\n/g)?.length ?? 0);
  return { entry: { ...input, raw: parsed.data, data, body, published: isPublished(data, now), lineOf, bodyLine, lineWithin }, problems: [] };
}
