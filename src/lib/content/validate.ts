/**
 * Checks a whole content tree the way the build will read it, and reports
 * every problem as a paragraph naming file, line, field, value and what is
 * allowed. The build, `npm run lint:content` and the tests all call this.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { collectionSchemas } from '../../schemas/index.ts';
import { COLLECTIONS, type CollectionName, type SchemaContext } from '../../schemas/context.ts';
import { ID_PATTERN, expect, found } from '../../schemas/fields.ts';
import { settingsSchema, type Settings } from '../../schemas/settings.ts';
import { isPublished, unpublishedReason } from '../publish.ts';
import { ASSET_EXTENSIONS, ENTRY_EXTENSIONS, FrontmatterError, SETTINGS_FILE, listFiles, readEntry } from './files.ts';
import { lintEntries } from './lint.ts';
import { locateIn } from './locate.ts';
import { type Problem, fieldPath } from './problems.ts';
import { checkShareRules } from './share-rules.ts';
import { closest, quote } from './words.ts';
import { checkMetrics } from '../metrics/check.ts';
import { checkCardText } from './card-text.ts';
import { checkSettingsBrand } from './brand-contrast.ts';
import { anchorMessage, firstAnchor } from './yaml-safety.ts';
import { checkBodySafety } from './body-safety.ts';

export interface CheckOptions {
  /** Absolute path of the content root. */
  root: string;
  /** The instant the build publishes for (see `resolveNow`). */
  now: Date;
  /** Paths in messages are relative to this. Default: the working directory. */
  cwd?: string;
  /** Where `settings.brand.logo` is looked up. Default: `<cwd>/public`. */
  publicDir?: string;
}

export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  /** Path relative to `cwd`, as shown in messages. */
  file: string;
  data: Record<string, unknown>;
  body: string;
  published: boolean;
  /** 1-based file line of a field, for reports. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** 1-based file line of a character of `body`. */
  bodyLine(index: number): number;
}

export interface ContentCheck {
  settings?: Settings;
  entries: CheckedEntry[];
  problems: Problem[];
}

/** Folders under the content root that are not collections but are read by the hub. */
const OTHER_FOLDERS = new Set<string>(['metrics']);

export function checkContent(options: CheckOptions): ContentCheck {
  const cwd = options.cwd ?? process.cwd();
  const show = (absolute: string) => {
    const relative = path.relative(cwd, absolute);
    // Outside the project (a temporary or benchmark tree), the absolute path is clearer than ../../.
    return relative.startsWith('..') ? absolute : relative.split(path.sep).join('/') || '.';
  };
  const problems: Problem[] = [];
  const entries: CheckedEntry[] = [];

  if (!existsSync(options.root) || !statSync(options.root).isDirectory()) {
    problems.push({ severity: 'error', file: show(options.root), message: 'is not a folder; set HUB_CONTENT_DIR to the content folder (default: content)' });
    return { entries, problems };
  }

  const settings = checkSettings(path.join(options.root, SETTINGS_FILE), show, options.publicDir ?? path.join(cwd, 'public'), problems);
  problems.push(...checkRootFolder(options.root, show));
  if (!settings) return { entries, problems };
  problems.push(...checkSettingsBrand(path.join(options.root, SETTINGS_FILE), show(path.join(options.root, SETTINGS_FILE)), settings.brand));

  // Ids come from file names, before any parsing, so references can be checked in the same pass.
  const candidates = COLLECTIONS.map((collection) => ({ collection, files: entryFiles(options.root, collection, show, problems) }));
  const ids = Object.fromEntries(candidates.map(({ collection, files }) => [collection, new Set(files.map((f) => f.id))])) as unknown as SchemaContext["ids"];

  let entryDir = options.root;
  const image = () =>
    z.string({ error: expect('a relative path to an image next to the file, e.g. ./photo.jpg') }).superRefine((src, ctx) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) {
        ctx.addIssue({ code: 'custom', input: src, message: `${found(src)}; images must be files in the repository, given relative to the entry, e.g. ./photo.jpg` });
      } else if (!existsSync(path.resolve(entryDir, src))) {
        ctx.addIssue({ code: 'custom', input: src, message: `${found(src)}, but there is no such file next to the entry; add the image or fix the path` });
      } else if (!ASSET_EXTENSIONS.includes(path.extname(src).toLowerCase())) {
        ctx.addIssue({ code: 'custom', input: src, message: `${found(src)}; allowed image types: ${ASSET_EXTENSIONS.join(', ')}` });
      }
    });
  const context: SchemaContext = { settings, ids, image };

  for (const { collection, files } of candidates) {
    const schema = (collectionSchemas[collection] as (c: SchemaContext) => z.ZodType)(context);
    for (const { id, absolute } of files) {
      const file = show(absolute);
      let entry;
      try {
        entry = readEntry(absolute);
      } catch (error) {
        const line = error instanceof FrontmatterError ? error.line : undefined;
        problems.push({ severity: 'error', file, line, message: `has front matter that is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
        continue;
      }
      const anchor = firstAnchor(entry.yaml);
      if (anchor) {
        // Before any schema walks the data: an alias bomb is cheap to parse and exponential to walk.
        problems.push({ severity: 'error', file, line: entry.lineOffset + anchor.line, message: anchorMessage(anchor) });
        continue;
      }
      if (!entry.hasFrontmatter) {
        problems.push({ severity: 'error', file, line: 1, message: 'has no front matter; start the file with a line "---", then its fields, then another "---"' });
        continue;
      }
      if (!isRecord(entry.data)) {
        // The YAML text starts on the opening "---" line, so its first field is one line further down.
        problems.push({ severity: 'error', file, line: entry.lineOffset + 2, message: 'has front matter that is not a set of "field: value" lines' });
        continue;
      }
      entryDir = path.dirname(absolute);
      const result = schema.safeParse(entry.data, { error: fallbackMessage });
      if (!result.success) {
        const locator = locateIn(entry.yaml);
        for (const issue of flattenIssues(result.error.issues)) {
          const line = locator.line(issue.path);
          problems.push({ severity: 'error', file, line: line === undefined ? undefined : line + entry.lineOffset, field: fieldPath(issue.path), message: issue.message });
        }
        continue;
      }
      const data = result.data as Record<string, unknown>;
      const { yaml, lineOffset } = entry;
      let locator: ReturnType<typeof locateIn> | undefined;
      const lineOf = (fieldPath: readonly PropertyKey[]) => {
        const line = (locator ??= locateIn(yaml)).line(fieldPath);
        return line === undefined ? undefined : line + lineOffset;
      };
      // The body starts on the closing "---" line, right after the front matter.
      const closingLine = lineOffset + yaml.split('\n').length;
      const bodyLine = (index: number) => closingLine + (entry.body.slice(0, index).match(/\n/g)?.length ?? 0);
      entries.push({ collection, id, file, data, body: entry.body, published: isPublished(data, options.now), lineOf, bodyLine });
    }
  }

  problems.push(...checkAcrossEntries(entries, options.now));
  problems.push(...lintEntries(entries, options.now));
  problems.push(...checkMetrics({ root: options.root, show, settings, entries }));
  problems.push(...checkCardText(entries));
  problems.push(...checkShareRules(entries, settings, options.now));
  problems.push(...checkBodySafety(entries));
  return { settings, entries, problems };
}

/**
 * What the Astro collections need before parsing: validated settings and the
 * ids of every collection. Only called after `checkContent` passed.
 */
export function schemaInputs(root: string): { settings: Settings; ids: SchemaContext['ids'] } {
  const problems: Problem[] = [];
  const settings = checkSettings(path.join(root, SETTINGS_FILE), (p) => p, path.join(process.cwd(), 'public'), problems);
  if (!settings) throw new Error(`content settings are invalid:\n${problems.map((p) => p.message).join('\n')}`);
  const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, new Set(entryFiles(root, c, (p) => p, []).map((f) => f.id))]));
  return { settings, ids: ids as unknown as SchemaContext["ids"] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function checkSettings(file: string, show: (p: string) => string, publicDir: string, problems: Problem[]): Settings | undefined {
  const shown = show(file);
  if (!existsSync(file)) {
    problems.push({ severity: 'error', file: shown, message: 'is missing; every hub needs one settings file (see README.md → Settings)' });
    return undefined;
  }
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const anchor = firstAnchor(text);
  if (anchor) {
    problems.push({ severity: 'error', file: shown, line: anchor.line, message: anchorMessage(anchor) });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = loadYaml(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    problems.push({ severity: 'error', file: shown, line: mark?.line !== undefined ? mark.line + 1 : undefined, message: `is not valid YAML: ${(error as { reason?: string }).reason ?? (error as Error).message}` });
    return undefined;
  }
  if (!isRecord(raw)) {
    problems.push({ severity: 'error', file: shown, line: 1, message: 'must hold "field: value" lines (name, organization, site, teams, topics, …)' });
    return undefined;
  }
  const result = settingsSchema().safeParse(raw, { error: fallbackMessage });
  if (!result.success) {
    const locator = locateIn(text);
    for (const issue of flattenIssues(result.error.issues)) {
      problems.push({ severity: 'error', file: shown, line: locator.line(issue.path), field: fieldPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  const logo = result.data.brand.logo;
  if (logo && !existsSync(path.join(publicDir, logo))) {
    problems.push({ severity: 'error', file: shown, line: locateIn(text).line(['brand', 'logo']), field: 'brand.logo', message: `${found(logo)}, but ${show(path.join(publicDir, logo))} does not exist; add the file or remove the field` });
  }
  return result.data;
}

/** Anything at the top of the content root that the hub would not read. */
function checkRootFolder(root: string, show: (p: string) => string): Problem[] {
  const known: readonly string[] = [...COLLECTIONS, ...OTHER_FOLDERS];
  return readdirSync(root)
    .filter((name) => !name.startsWith('.') && name !== SETTINGS_FILE && !known.includes(name) && name.toLowerCase() !== 'readme.md')
    .map((name) => {
      const hint = closest(name, known);
      return {
        severity: 'warning' as const,
        file: show(path.join(root, name)),
        message: `is not read by the hub${hint ? ` (did you mean the folder ${quote(hint)}?)` : ''}; content folders: ${COLLECTIONS.join(', ')}`,
      };
    });
}

/** The entry files of a collection; misplaced or misnamed files become problems, never silently skipped. */
function entryFiles(root: string, collection: CollectionName, show: (p: string) => string, problems: Problem[]) {
  const dir = path.join(root, collection);
  const allowed = ENTRY_EXTENSIONS[collection];
  const files: { id: string; absolute: string }[] = [];
  const seen = new Map<string, string>();
  for (const relative of listFiles(dir)) {
    const absolute = path.join(dir, relative);
    const ext = path.extname(relative).toLowerCase();
    const id = path.basename(relative, path.extname(relative));
    if (ASSET_EXTENSIONS.includes(ext)) continue;
    if (!allowed.includes(ext)) {
      const isText = ['.md', '.mdx', '.markdown', '.txt', '.yaml', '.yml', '.json'].includes(ext);
      problems.push({ severity: isText ? 'error' : 'warning', file: show(absolute), message: `is not read: entries of ${collection} are ${allowed.join(' or ')} files${isText ? ` (rename it to ${id}${allowed[0]})` : ''}` });
      continue;
    }
    if (relative.includes('/')) {
      problems.push({ severity: 'error', file: show(absolute), message: `is in a subfolder and would not be read; entries sit directly in ${show(dir)}/` });
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      const suggestion = id.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      problems.push({ severity: 'error', file: show(absolute), message: `has a file name that cannot be an id (it becomes the URL); use lowercase letters, digits and hyphens${suggestion ? `, e.g. ${suggestion}${ext}` : ''}` });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier) {
      problems.push({ severity: 'error', file: show(absolute), message: `has the same id ${quote(id)} as ${show(earlier)}; ids must be unique within ${collection}` });
      continue;
    }
    seen.set(id, absolute);
    files.push({ id, absolute });
  }
  return files;
}

type FlatIssue = { path: PropertyKey[]; message: string };

/** One issue per unknown field, so each gets its own line and suggestion. */
function flattenIssues(issues: readonly z.core.$ZodIssue[]): FlatIssue[] {
  return issues.flatMap((issue): FlatIssue[] => {
    if (issue.code !== 'unrecognized_keys') return [{ path: [...issue.path], message: issue.message }];
    const allowed = (issue as { allowed?: string[] }).allowed;
    return issue.keys.map((key) => {
      const hint = allowed ? closest(key, allowed) : undefined;
      return {
        path: [...issue.path, key],
        message: `is not a known field${hint ? ` (did you mean ${quote(hint)}?)` : ''}${allowed ? `; allowed fields: ${allowed.join(', ')}` : ''}`,
      };
    });
  });
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date as YYYY-MM-DD',
};

/** Messages for the issues a schema did not word itself. */
function fallbackMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `${found(issue.input)}; expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys': {
      // Keep the allowed field names on the issue for `flattenIssues`.
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      if (shape) (issue as { allowed?: string[] }).allowed = Object.keys(shape);
      return 'has unknown fields';
    }
    case 'too_small':
      return `${found(issue.input)}; at least ${String(issue.minimum)} required`;
    case 'too_big':
      return `${found(issue.input)}; at most ${String(issue.maximum)} allowed`;
    case 'invalid_value':
      return `${found(issue.input)}; allowed: ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return `${found(issue.input)}, which is not allowed here`;
  }
}

/** Relations a schema cannot see from one file: mentors, prerequisites, what links to unpublished entries. */
function checkAcrossEntries(entries: CheckedEntry[], now: Date): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  const requires = new Map(entries.filter((e) => e.collection === 'training').map((e) => [e.id, e.data.requires as string[]]));
  const report = (entry: CheckedEntry, severity: Problem['severity'], at: PropertyKey[], message: string) =>
    problems.push({ severity, file: entry.file, line: entry.lineOf(at), field: fieldPath(at), message });
  const refProblem = (from: CheckedEntry, at: PropertyKey[], key: string) => {
    const target = byKey.get(key);
    if (!from.published || !target || target.published) return;
    const reason = unpublishedReason(target.data, now);
    const state = reason === 'scheduled' ? 'not published yet' : reason === 'draft' ? 'a draft' : 'expired';
    report(from, 'warning', at, `points to ${key}, which is ${state}; the link is left out until it is published`);
  };

  for (const entry of entries) {
    const data = entry.data;
    if (entry.collection === 'snippets') {
      if ((data.variants as unknown[]).length < 2) {
        report(entry, 'warning', ['variants'], 'has a single variant; add a second wording so colleagues do not all post the same words');
      }
      if (data.campaign) refProblem(entry, ['campaign'], `campaigns/${String(data.campaign)}`);
    }
    if (entry.collection === 'articles') refProblem(entry, ['author'], `people/${String(data.author)}`);
    if (entry.collection === 'training') {
      (data.requires as string[]).forEach((id, i) => refProblem(entry, ['requires', i], `training/${id}`));
      const cycle = findCycle(entry.id, requires);
      if (cycle) report(entry, 'error', ['requires'], `makes a loop (${cycle.join(' → ')}); a module cannot require itself, directly or through others`);
    }
    if (entry.collection === 'tracks') {
      const mentor = data.mentor as string | undefined;
      if (mentor) {
        const person = byKey.get(`people/${mentor}`);
        if (person && person.data.mentor !== true) {
          report(entry, 'error', ['mentor'], `${found(mentor)}, who is not a mentor; set "mentor: true" in ${person.file} or pick one of: ${mentorsOf(entries).join(', ') || 'nobody yet'}`);
        }
        refProblem(entry, ['mentor'], `people/${mentor}`);
      }
      (data.steps as { ref?: string }[]).forEach((step, i) => step.ref && refProblem(entry, ['steps', i, 'ref'], step.ref));
    }
  }
  return problems;
}

function mentorsOf(entries: CheckedEntry[]): string[] {
  return entries.filter((e) => e.collection === 'people' && e.data.mentor === true).map((e) => e.id);
}

/** A requirement loop through `start`, as ids, or undefined. */
function findCycle(start: string, requires: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  // Depth-first; a module already explored without reaching `start` never will.
  const explored = new Set<string>();
  const walk = (id: string, trail: string[]): string[] | undefined => {
    for (const next of requires.get(id) ?? []) {
      if (next === start) return [...trail, next];
      if (explored.has(next)) continue;
      explored.add(next);
      const loop = walk(next, [...trail, next]);
      if (loop) return loop;
    }
    return undefined;
  };
  return walk(start, [start]);
}
