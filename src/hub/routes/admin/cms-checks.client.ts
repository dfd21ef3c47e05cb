/**
 * Decap CMS refuses to save what the build would refuse, with the build's
 * own words. Decap's widgets check what a field can express alone (limits,
 * patterns); the rest — a wording too long for a network once hashtags,
 * disclosure and tagged link are added, a banned phrase, an expiry before
 * the publish date, a track mentor who is not a mentor, a reference to a
 * missing entry — only the content check can tell. So before every save
 * (Decap's `preSave` event, documented for this: a handler that throws
 * stops the save, and Decap shows the error), the text Decap is about to
 * write goes through the content loader's checks (src/content/cms-check.ts),
 * fed with the settings and the other entries' facts the build emitted
 * (/admin/content-facts.json, fetched again on each save). A save of
 * settings.yaml is checked as the build reads it, and every entry again
 * with the new settings (teams, topics, networks, share rules). Errors stop the
 * save and stay listed over the editor until the next save; warnings are
 * listed without stopping it.
 */
import type { CollectionName } from '../../../model/collections.ts';
import { checkEntryToSave, checkSettingsToSave } from '../../../content/cms-check.ts';
import { type CollectionConfig, type EntryFormatter, collectionsOf, entryFileText, formLabel, newEntrySlug } from '../../../lib/cms/entry-file.ts';
import { parseFacts } from '../../../lib/cms/facts.ts';
import { DEFAULT_VERSION_KEY } from '../../../lib/cms/format.ts';
import { type I18nConfig, i18nOf, translationToWrite, versionFileName } from '../../../lib/cms/i18n.ts';
import { clearSave, expectSave } from '../../../lib/cms/save-languages.ts';
import { type Problem, formatProblem, sortProblems } from '../../../lib/problems.ts';

interface Immutable {
  get(key: string): unknown;
  set(key: string, value: unknown): Immutable;
  toJS(): unknown;
}
interface Cms {
  registerEventListener(listener: { name: string; handler: (event: { entry: Immutable }) => unknown }): void;
  getCustomFormatsFormatters?(): Record<string, EntryFormatter> | undefined;
}

const { CMS } = window as unknown as { CMS: Cms };
const here = (file: string) => new URL(file, document.baseURI).href;

let configText: Promise<string> | undefined;
/** The generated configuration, read once. */
const generatedConfig = () => (configText ??= fetch(here('config.yml')).then((response) => response.text()));
/** Its collections (field order, format, identifier). */
const collectionConfigs = (): Promise<Map<string, CollectionConfig>> => generatedConfig().then(collectionsOf);
/** Its languages, when the hub has several. */
const languagesOf = (): Promise<I18nConfig | undefined> => generatedConfig().then(i18nOf);

CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    clearSave();
    const collection = String(entry.get('collection'));
    const collections = await collectionConfigs();
    const config = collections.get(collection);
    const fileConfig = config?.files?.find((file) => file.name === String(entry.get('slug')));
    if (!config?.folder && !fileConfig) return undefined;
    const facts = parseFacts(await (await fetch(here('content-facts.json'), { cache: 'no-store' })).text());
    const data = (entry.get('data') as Immutable).toJS() as Record<string, unknown>;
    const uploads = ((entry.get('mediaFiles') as Immutable | undefined)?.toJS() as { path?: string }[] | undefined)?.flatMap((file) => (file.path ? [file.path] : []));
    const formatter = (format: string | undefined) => (format ? CMS.getCustomFormatsFormatters?.()?.[format] : undefined);
    let problems: Problem[];
    if (fileConfig) {
      // The settings file: its own checks, then every entry's that the settings decide.
      problems = checkSettingsToSave(entryFileText(fileConfig, data, formatter(config!.format)), facts, uploads);
    } else {
      const path = String(entry.get('path') ?? '');
      const id = String(entry.get('slug') || '') || newEntrySlug(data[config!.identifier_field ?? 'title']);
      const languages = (config as { i18n?: unknown }).i18n ? await languagesOf() : undefined;
      // One file per language, the default's too (<id>.<language>.md); Decap's path names none.
      const versions = languages
        ? languageVersions(entry, data, id, languages, config!.fields ?? [])
        : [{ fileName: path ? path.slice(path.lastIndexOf('/') + 1) : `${id}.md`, data, lang: undefined }];
      problems = versions.flatMap((version) =>
        checkEntryToSave(
          {
            collection: collection as CollectionName,
            id,
            ...(version.lang && { lang: version.lang }),
            fileName: version.fileName,
            source: entryFileText(config!, version.data, formatter(config!.format)),
            uploads,
          },
          facts,
        ),
      );
      if (languages && !problems.some((problem) => problem.severity === 'error')) {
        showProblems(problems, (problem) => formLabel(config!.fields, problem.field));
        // The format tells the default language's version by this key, and writes the others as checked here.
        expectSave({ source: data, fields: config!.fields ?? [] });
        return (entry.get('data') as Immutable).set(DEFAULT_VERSION_KEY, true);
      }
    }
    const fieldsOf = (problem: Problem) =>
      fileConfig && problem.file.endsWith(`/${fileConfig.file.slice(fileConfig.file.lastIndexOf('/') + 1)}`)
        ? fileConfig.fields
        : [...collections.values()].find((c) => c.folder && problem.file.includes(`/${c.name}/`))?.fields;
    showProblems(problems, (problem) => formLabel(fieldsOf(problem), problem.field));
    const errors = problems.filter((problem) => problem.severity === 'error');
    // Decap shows this in its notice at the top; the list over the editor says what and where.
    if (errors.length) throw new Error(`${errorsTitle(errors.length)} The list at the bottom of the page says what and where.`);
    return undefined;
  },
});

/** The other languages' data Decap holds for an entry, by language. */
function otherVersions(entry: Immutable): Record<string, Record<string, unknown>> {
  const i18n = ((entry.get('i18n') as Immutable | undefined)?.toJS() ?? {}) as Record<string, { data?: Record<string, unknown> }>;
  return Object.fromEntries(Object.entries(i18n).flatMap(([language, version]) => (version?.data ? [[language, version.data]] : [])));
}

/** The files a save writes: the default language's, and each other language's that holds text of its own. */
function languageVersions(entry: Immutable, data: Record<string, unknown>, id: string, languages: I18nConfig, fields: NonNullable<CollectionConfig['fields']>) {
  const others = otherVersions(entry);
  return [
    { fileName: versionFileName(id, languages.default_locale), data, lang: undefined as string | undefined },
    ...languages.locales.flatMap((language) => {
      if (language === languages.default_locale) return [];
      const written = translationToWrite(others[language], data, fields);
      return written ? [{ fileName: versionFileName(id, language), data: written, lang: language }] : [];
    }),
  ];
}

// Decap has written every language's file: the format's next calls (drafts' local backups) are not a save.
CMS.registerEventListener({ name: 'postSave', handler: () => clearSave() });

const errorsTitle = (count: number) =>
  `Not saved: the build would refuse this entry (${count} error${count === 1 ? '' : 's'}). Fix ${count === 1 ? 'it' : 'them'} and save again.`;

let panel: HTMLElement | undefined;

/** The problems of the last save, over the editor until the next save or until closed. */
function showProblems(problems: readonly Problem[], labelOf: (problem: Problem) => string | undefined = () => undefined) {
  panel?.remove();
  panel = undefined;
  if (!problems.length) return;
  const errors = problems.filter((p) => p.severity === 'error').length;
  panel = document.createElement('section');
  panel.id = 'hub-save-check';
  panel.setAttribute('role', 'alert');
  panel.setAttribute('aria-label', 'Content check');
  Object.assign(panel.style, {
    position: 'fixed',
    insetInline: '0.75rem',
    // Above the demo-mode banner, when the page shows one.
    bottom: `${(document.getElementById('hub-demo-backend')?.offsetHeight ?? 0) + 12}px`,
    zIndex: '10000',
    maxHeight: '45vh',
    overflow: 'auto',
    maxWidth: '56rem',
    marginInline: 'auto',
    padding: '0.75rem 1rem',
    borderRadius: '6px',
    border: `2px solid ${errors ? '#b42318' : '#b54708'}`,
    background: '#fff',
    color: '#1a1a1a',
    boxShadow: '0 4px 16px rgb(0 0 0 / 25%)',
    font: '14px/1.45 system-ui, sans-serif',
  });
  const title = document.createElement('strong');
  title.textContent = errors ? errorsTitle(errors) : 'Saved, with warnings from the content check:';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  Object.assign(close.style, { float: 'right', marginInlineStart: '0.5rem', font: 'inherit', padding: '0.1rem 0.6rem', cursor: 'pointer' });
  close.addEventListener('click', () => showProblems([]));
  const list = document.createElement('ul');
  Object.assign(list.style, { margin: '0.5rem 0 0', paddingInlineStart: '1.2rem' });
  for (const problem of sortProblems([...problems])) {
    const item = document.createElement('li');
    // The form's words for the field first ("Wordings › 2 › Wording"), then the build's message as it prints it.
    const label = labelOf(problem);
    item.textContent = `${problem.severity === 'error' ? 'error' : 'warning'}${label ? ` in “${label}”` : ''}: ${formatProblem(problem)}`;
    Object.assign(item.style, { overflowWrap: 'anywhere', marginBlock: '0.25rem' });
    list.append(item);
  }
  panel.append(close, title, list);
  document.body.append(panel);
}
