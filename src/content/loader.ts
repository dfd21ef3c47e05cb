/**
 * The one content loader. Each collection of src/content.config.ts loads
 * through `hubLoader(...)(collection)`, which reads the whole content tree
 * once per sync (`checkContent`: each file read once, validated by its
 * schema, then the checks over the whole set), reports every problem in the
 * hub's format, and stores the valid entries of its collection the way
 * Astro's glob() loader would: Markdown rendered, MDX left to Astro's MDX
 * integration, images through Astro's schema pass, nothing redone for an
 * entry whose text and settings did not change since the last build.
 *
 * A build with content errors stops after the report (exit code 1, no
 * stack trace); `astro dev` goes on without the entries that have errors
 * and checks again whenever a content file changes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CollectionName } from '../model/collections.ts';
import type { Settings } from '../model/schemas/settings.ts';
import { type Problem, formatProblem } from '../lib/problems.ts';
import { buildChannel } from '../lib/build-channel.ts';
import { type ContentCheck, checkContent } from './check.ts';
import { treeFacts } from './cms-facts.ts';
import type { CheckedEntry } from './entry.ts';
import { type LanguagePlan, byEntry, entryLanguages, versionIn } from '../lib/translations.ts';

export interface HubLoaderOptions {
  /** The content folder. */
  root: string;
  /** The project folder: messages show paths relative to it. */
  project: string;
  /** Where `brand.logo` lives (public/). */
  publicDir: string;
  now: Date;
  /** Checked by the hub() integration when Astro started. */
  settings: Settings;
  /** The Astro command: a build stops on content errors, `astro dev` goes on. */
  command: string;
  /** `astro dev` while settings.yaml has errors: load nothing until it is fixed (the dev server restarts then). */
  paused?: boolean;
  /** Where the CMS facts' lines are remembered between builds (src/content/cms-facts.ts); none in astro dev. */
  factLines?: string;
  /** The language whose pages this run builds, and the hub's languages. Default: settings.lang alone. */
  language?: { current: string; plan: LanguagePlan };
}

/** Collections Astro's schema pass runs on, so that their image() fields become images. */
const WITH_IMAGES: ReadonlySet<CollectionName> = new Set(['articles', 'people']);

/** Collections whose raw Markdown pages read (a person's page describes them from their bio). */
const KEEPS_BODY: ReadonlySet<CollectionName> = new Set(['people']);

/** What Astro's content layer hands a loader beyond the documented context (glob() reads it too). */
interface EntryType {
  getRenderFunction?(config: LoaderContext['config']): Promise<(entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<unknown>>;
  contentModuleTypes?: unknown;
}
type Context = LoaderContext & {
  entryTypes: Map<string, EntryType>;
  store: LoaderContext['store'] & { addAssetImports(assets: string[], filePath: string): void };
};

/** A loader per collection, all sharing one reading of the content tree per sync. */
export function hubLoader(options: HubLoaderOptions): (collection: CollectionName) => Loader {
  const session = contentSession(options);
  return (collection) => ({
    name: 'hub:content',
    load: async (context) => {
      if (options.paused) return;
      const ctx = context as Context;
      const language = options.language ?? { current: options.settings.lang, plan: { default: options.settings.lang, languages: [options.settings.lang], untranslated: 'show' } };
      await storeCollection(collection, await session.check(ctx.logger), options.settings, language, ctx);
      if (ctx.watcher) session.watch(ctx.watcher, () => session.check(ctx.logger).then((check) => storeCollection(collection, check, options.settings, language, ctx)));
    },
  });
}

/** One reading of the tree per change: the first collection to load reads and reports, the others wait for it. */
function contentSession(options: HubLoaderOptions) {
  let current: Promise<ContentCheck> | undefined;
  const reloads: (() => Promise<void>)[] = [];
  let watching = false;
  return {
    check(logger: LoaderContext['logger']): Promise<ContentCheck> {
      current ??= Promise.resolve().then(() => {
        const check = checkContent({ root: options.root, now: options.now, settings: options.settings, cwd: options.project, publicDir: options.publicDir });
        // Every language's build reads the same tree: its warnings are the default language's build's to print.
        const otherLanguage = options.language && options.language.current !== options.language.plan.default;
        report(
          check.problems.filter((p) => p.severity === 'error' || !otherLanguage),
          logger,
          options.command,
        );
        buildChannel().cmsFacts = treeFacts(check, { ...options, unpublishedTexts: options.command === 'dev' });
        if (options.language) buildChannel().entryLanguages = entryLanguages(check.entries, options.language.plan);
        return check;
      });
      return current;
    },
    /** In `astro dev`: on any change under the content folder, read it again, then reload every collection. */
    watch(watcher: NonNullable<LoaderContext['watcher']>, reload: () => Promise<void>) {
      reloads.push(reload);
      if (watching) return;
      watching = true;
      watcher.add(options.root);
      let timer: NodeJS.Timeout | undefined;
      const changed = (file: string) => {
        if (!file.startsWith(options.root + path.sep)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          current = undefined;
          void Promise.all(reloads.map((again) => again()));
        }, 100);
      };
      watcher.on('change', changed).on('add', changed).on('unlink', changed);
    },
  };
}

function report(problems: readonly Problem[], logger: LoaderContext['logger'], command: string) {
  for (const problem of problems) (problem.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (!errors) return;
  logger.error(`${errors} content error${errors === 1 ? '' : 's'}: fix ${errors === 1 ? 'it' : 'them'} and ${command === 'dev' ? 'save again; the entries with errors are left out until then' : 'build again'}.`);
  // A build with content errors must not go on; the report above says why, a stack trace would not.
  if (command !== 'dev') process.exit(1);
}

/**
 * Puts the valid entries of `collection` into Astro's store, skipping those unchanged since the last build:
 * of each entry, the version the language of this run shows (src/lib/translations.ts).
 */
async function storeCollection(collection: CollectionName, check: ContentCheck, settings: Settings, language: { current: string; plan: LanguagePlan }, context: Context) {
  const { store, config, generateDigest } = context;
  // An entry's stored data depends on the settings too (defaults, lists it is checked against).
  const settingsDigest = generateDigest(JSON.stringify(settings));
  const kept = new Set<string>();
  const versions = byEntry(check.entries.filter((entry) => entry.collection === collection));
  for (const list of versions.values()) {
    const entry = versionIn(list, language.current, language.plan);
    if (!entry) continue;
    kept.add(entry.id);
    const digest = generateDigest(`${settingsDigest}\n${entry.source}`);
    const filePath = path.relative(fileURLToPath(config.root), entry.filePath).split(path.sep).join('/');
    const existing = store.get(entry.id);
    if (existing?.digest === digest && existing.filePath === filePath) {
      if (existing.deferredRender) store.addModuleImport(filePath);
      if (existing.assetImports?.length) store.addAssetImports(existing.assetImports, filePath);
      continue;
    }
    await storeEntry(entry, { digest, filePath }, context);
  }
  for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
}

async function storeEntry(entry: CheckedEntry, stored: { digest: string; filePath: string }, context: Context) {
  const { id, collection } = entry;
  const data = WITH_IMAGES.has(collection) ? await context.parseData({ id, data: entry.raw, filePath: entry.filePath }) : entry.data;
  const body = entry.body.trim();
  const base = { id, data, body: KEEPS_BODY.has(collection) ? body : undefined, ...stored };
  const entryType = context.entryTypes.get(path.extname(entry.filePath));
  if (!entryType?.getRenderFunction || 'contentModuleTypes' in entryType) {
    // MDX: compiled and rendered by the MDX integration when a page asks for it.
    context.store.set({ ...base, deferredRender: true });
    return;
  }
  const render = await rendererOf(entryType, context);
  const rendered = (await render({ id, data: entry.raw, body, filePath: entry.filePath, digest: stored.digest })) as { metadata?: { imagePaths?: string[] } } & Parameters<Context['store']['set']>[0]['rendered'];
  context.store.set({ ...base, rendered, assetImports: rendered?.metadata?.imagePaths });
}

const renderers = new WeakMap<EntryType, ReturnType<NonNullable<EntryType['getRenderFunction']>>>();

function rendererOf(entryType: EntryType, context: Context) {
  let render = renderers.get(entryType);
  if (!render) renderers.set(entryType, (render = entryType.getRenderFunction!(context.config)));
  return render;
}
