/**
 * The build's checks of one entry, run by Decap CMS in the browser before
 * it saves (src/hub/routes/admin/cms-checks.client.ts): the text the CMS is
 * about to write is split and validated exactly as the content loader does
 * it (validateEntry, with the schemas of the tree), then put among the other
 * entries of the tree (CmsFacts) for the checks only the whole set can tell
 * (references and mentors, links, share lengths and banned phrases, mentor
 * placeholders). The problems are the build's own, word for word, with the
 * file, line and field `npm run lint:content` would print.
 *
 * Front matter is split and parsed as the build does it (files.ts, yaml.ts:
 * js-yaml's core schema, so dates arrive as the text written), and the
 * pure checks give the build's words: the URL rule of fields, banned phrases
 * however written, references to drafts and later entries.
 *
 * Bodies are judged by the build's rules (body-safety.ts: raw HTML, link
 * and image addresses), read by micromark and parse5 rather than by the
 * build's native Sätteri, which cannot run here (body-reader-mdast.ts; the
 * two readers agree, tests/unit/body-readers.test.ts).
 *
 * Not run here: checks of other files (the save changes only this one),
 * share-card glyphs, MDX bodies (the CMS writes .md), and the image files'
 * contents (images.ts reads them from disk); the build still runs them all.
 */
import { COLLECTIONS, type CollectionName, SETTINGS_FILE } from '../model/collections.ts';
import type { Settings } from '../model/schemas/settings.ts';
import type { SchemaContext } from '../model/schemas/context.ts';
import type { CmsFacts, EntryFact } from '../lib/cms/facts.ts';
import { type Problem, fieldPath } from '../lib/problems.ts';
import { isPublished, unpublishedReason } from '../lib/publish.ts';
import { type CheckedEntry, type ImageFiles, entrySchemas, validateEntry } from './entry.ts';
import { mdastReader } from './checks/body-reader-mdast.ts';
import { checkBodySafety } from './checks/body-safety.ts';
import { lintEntries } from './checks/lint.ts';
import { checkMentorPlaceholders } from './checks/mentor-placeholders.ts';
import { checkCardText, drawsRanges } from './checks/card-text.ts';
import { checkReferences } from './checks/references.ts';
import { checkShareRules } from './checks/share-rules.ts';
import { flattenIssues } from './problem-text.ts';
import { checkSettingsText } from './settings-text.ts';

export interface EntryToSave {
  collection: CollectionName;
  /** The entry's id: a translation's is the id without its language (`launch` of `launch.de.md`). */
  id: string;
  /** The language of a translation; undefined for the default language's version. */
  lang?: string;
  /** The file name, e.g. `launch.md`, `launch.de.md`. */
  fileName: string;
  /** The whole file as the CMS will write it. */
  source: string;
  /** Files the CMS uploads with the entry (images), as paths of the repository. */
  uploads?: readonly string[];
}

/** The path as the build's messages show a file of the tree, e.g. `content/snippets/launch.md`. */
export function shownPath(facts: Pick<CmsFacts, 'folder'>, collection: string, fileName: string): string {
  return `${facts.folder}/${collection}/${fileName}`;
}

/** Every problem the build would report for this file, were it saved into the tree `facts` describes. */
export function checkEntryToSave(entry: EntryToSave, facts: CmsFacts): Problem[] {
  const now = facts.now ? new Date(facts.now) : new Date();
  const file = shownPath(facts, entry.collection, entry.fileName);
  const others = facts.entries.filter((e) => !(e.collection === entry.collection && e.id === entry.id)).map((e) => asChecked(e, now));
  // As in the build, ids come from file names: this entry's among them.
  const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, new Set<string>()])) as Record<CollectionName, Set<string>>;
  for (const { collection, id } of [...facts.entries, entry]) ids[collection].add(id);

  const assets = new Set(facts.assets);
  for (const upload of entry.uploads ?? []) assets.add(upload.replace(new RegExp(`^${escapeRegExp(facts.contentPath)}/`), `${facts.folder}/`));
  const images: ImageFiles = {
    exists: (entryPath, src) => assets.has(joinPath(entryPath.slice(0, entryPath.lastIndexOf('/')), src)),
    // The facts list only regular files inside the content folder (links left out): one found there is neither outside it nor linked.
    outside: () => undefined,
  };
  const schemas = entrySchemas({ settings: facts.settings, ids } satisfies Omit<SchemaContext, 'image'>, images);
  const checked = validateEntry({ collection: entry.collection, id: entry.id, ...(entry.lang && { lang: entry.lang }), filePath: file, file, source: entry.source }, schemas, now);
  if (!checked.entry) return checked.problems;
  const saved = [checked.entry];
  const tree = [...others, checked.entry];
  return [
    ...checked.problems,
    ...checkReferences(saved, now, tree),
    ...lintEntries(saved, now, images, tree),
    ...checkShareRules(saved, facts.settings, now),
    ...(/\.md$/i.test(entry.fileName) ? checkBodySafety(saved, facts.settings.site, mdastReader) : []),
    ...checkMentorPlaceholders(saved),
    ...(facts.cardGlyphs ? checkCardText(saved, drawsRanges(facts.cardGlyphs)) : []),
  ];
}

/** Fields whose allowed values settings.yaml lists: a settings save checks every entry's again. */
const SETTINGS_CHOICES = new Set<PropertyKey>(['teams', 'team', 'topics', 'networks']);
/** The settings a snippet's share rules read (share-rules.ts). */
const shareSettings = (settings: Settings) => JSON.stringify([settings.disclosure, settings.banned, settings.networks, settings.utm.medium, settings.mastodon.instance]);

/**
 * Every problem the build would report once settings.yaml holds `source`:
 * the file's own (YAML, schema, logo, contrast), then, with the new settings,
 * each entry's teams, topics and networks, and each published snippet's
 * share rules (lengths with the disclosure, banned phrases). Snippets whose
 * texts /admin/ is not given (not yet published, in a build) are named in a
 * warning when the settings their rules read change: the build checks them.
 */
export function checkSettingsToSave(source: string, facts: CmsFacts, uploads: readonly string[] = []): Problem[] {
  const now = facts.now ? new Date(facts.now) : new Date();
  const shown = `${facts.folder}/${SETTINGS_FILE}`;
  const publicFiles = facts.publicFiles && new Set([...facts.publicFiles, ...uploads.map((upload) => upload.replace(/^public\//, ''))]);
  const read = checkSettingsText(source, {
    shown,
    missingLogo: (logo) => {
      const file = logo.replace(/^\/+/, '');
      return !publicFiles || publicFiles.has(file) ? undefined : `public/${file}`;
    },
  });
  if (!read.settings) return read.problems;
  const settings = read.settings;

  const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, new Set<string>()])) as Record<CollectionName, Set<string>>;
  for (const { collection, id } of facts.entries) ids[collection].add(id);
  const schemas = entrySchemas({ settings, ids }, { exists: () => true, outside: () => undefined });
  const choices: Problem[] = [];
  for (const fact of facts.entries) {
    const result = schemas.parse(fact.collection, fact.data, fact.file);
    if (result.success) continue;
    for (const issue of flattenIssues(result.error.issues)) {
      if (!issue.path.some((segment) => SETTINGS_CHOICES.has(segment))) continue;
      const field = fieldPath(issue.path);
      choices.push({ severity: 'error', file: fact.file, line: fact.lines?.[field], field, message: issue.message });
    }
  }

  const snippets = facts.entries.filter((fact) => fact.collection === 'snippets');
  const unchecked = snippets.filter((fact) => !fact.shareable && unpublishedReason(fact.data, now) !== 'expired');
  const warnings: Problem[] =
    unchecked.length && shareSettings(settings) !== shareSettings(facts.settings)
      ? [
          {
            severity: 'warning',
            file: shown,
            message: `changes what snippets are checked against (disclosure, banned phrases, networks), and ${unchecked.length} snippet${unchecked.length === 1 ? ' is' : 's are'} not published yet (${unchecked.map((fact) => fact.id).join(', ')}), so their texts are not served with /admin/ to be checked here; the build and the pull-request check will check them`,
          },
        ]
      : [];
  return [...read.problems, ...choices, ...checkShareRules(snippets.filter((fact) => fact.shareable).map((fact) => asChecked(fact, now)), settings, now), ...warnings];
}

/** Another entry of the tree, as the checks look it up (its publish state, mentor flag, requirements, share fields). */
function asChecked(fact: EntryFact, now: Date): CheckedEntry {
  const lineOf = (at: readonly PropertyKey[]) => fact.lines?.[fieldPath(at)];
  return {
    ...fact,
    filePath: fact.file,
    source: '',
    raw: fact.data,
    body: '',
    published: isPublished(fact.data, now),
    lineOf,
    bodyLine: () => 0,
    lineWithin: (at) => lineOf(at),
  };
}

/** `dir` + a relative `src` (./a.png, ../b/c.png), with forward slashes. */
export function joinPath(dir: string, src: string): string {
  const parts = dir.split('/');
  for (const part of src.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
