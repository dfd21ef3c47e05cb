/**
 * The whole Decap CMS configuration, derived from the collection schemas and
 * the hub settings. Served as /admin/config.yml; nothing is written by hand.
 */
import { z } from 'astro/zod';
import { collectionSchemas } from '../../model/schemas/index.ts';
import { COLLECTIONS, ROUTE_OF, SETTINGS_FILE, type CollectionName } from '../../model/collections.ts';
import type { SchemaContext } from '../../model/schemas/context.ts';
import { hubLanguages, settingsSchema, type Settings } from '../../model/schemas/settings.ts';
import { languageName } from '../translations.ts';

import { type DecapField, type FieldContext, objectFields } from './fields.ts';
import { FRONTMATTER_FORMAT, YAML_FORMAT } from './format.ts';
import { HINTS, ITEM_LABELS, LABELS } from './hints.ts';
import type { CmsBackend } from './backend.ts';

export { type BackendOptions, cmsBackend } from './backend.ts';

/** A language as the settings form names it: "Deutsch (de)". */
const languageLabel = (language: string) => `${languageName(language)} (${language})`;

export interface CmsOptions extends CmsBackend {
  settings: Settings;
  /** The content folder relative to the repository root, with forward slashes, e.g. `content`. */
  contentPath: string;
  /** Every entry by collection (id and title), for the choices of a `collection/id` reference. Default: typed by hand. */
  entries?: Partial<Record<CollectionName, readonly { id: string; title: string }[]>>;
  /**
   * Where the hub is served when editing locally (`npm run cms`), e.g. http://127.0.0.1:4321/:
   * the CMS's logo, "View Live" and preview links go there, not to the production site.
   */
  localSite?: string;
}

const TITLE_FIELD: Partial<Record<CollectionName, string>> = { people: 'name' };
const titleFieldOf = (collection: string) => TITLE_FIELD[collection as CollectionName] ?? 'title';

const BODY_LABEL: Record<CollectionName, string> = {
  snippets: 'Notes for advocates',
  articles: 'Article',
  guidelines: 'Explanation and example',
  training: 'Lessons',
  campaigns: 'Messaging suggestions',
  people: 'Short bio',
  tracks: 'Welcome text',
};

const LIST_OPTIONS: Record<
  CollectionName,
  { summary: string; sort: string[]; filters?: { label: string; field: string; pattern: string | boolean }[]; groups?: { label: string; field: string }[] }
> = {
  snippets: {
    summary: '{{title}} · {{campaign}}',
    sort: ['title', 'campaign', 'publish', 'expires'],
    filters: [{ label: 'Drafts', field: 'draft', pattern: true }],
    groups: [{ label: 'Campaign', field: 'campaign' }],
  },
  articles: {
    summary: "{{title}} · {{published | date('YYYY-MM-DD')}}",
    sort: ['published', 'title', 'author'],
    filters: [{ label: 'Drafts', field: 'draft', pattern: true }],
    groups: [{ label: 'Author', field: 'author' }],
  },
  guidelines: { summary: '{{order}}. {{title}}', sort: ['order', 'title'] },
  training: { summary: '{{order}}. {{title}} ({{role}}, {{level}})', sort: ['order', 'title'], groups: [{ label: 'Role', field: 'role' }] },
  campaigns: { summary: "{{title}} · {{starts | date('YYYY-MM-DD')}} – {{ends | date('YYYY-MM-DD')}}", sort: ['starts', 'ends', 'title'] },
  people: {
    summary: '{{name}} · {{title}}',
    sort: ['name', 'team'],
    filters: [{ label: 'Mentors', field: 'mentor', pattern: true }],
    groups: [{ label: 'Team', field: 'team' }],
  },
  tracks: { summary: '{{title}}', sort: ['title'], groups: [{ label: 'Team', field: 'team' }] },
};

/** The select options of a `collection/id` reference: "Guideline · Add value" → guidelines/add-value. */
function entryOptions(entries: CmsOptions['entries']): { label: string; value: string }[] {
  return COLLECTIONS.flatMap((collection) =>
    [...(entries?.[collection] ?? [])]
      .sort((a, b) => a.title.localeCompare(b.title))
      .map(({ id, title }) => ({ label: `${SINGULAR[collection]} · ${title}`, value: `${collection}/${id}` })),
  );
}

export function decapConfig(options: CmsOptions) {
  const { settings, contentPath, backend, editorialWorkflow } = options;
  const choices = entryOptions(options.entries);
  // Several languages: each entry is a file per language (<id>.<language>.md), the default's too, as Decap 3 names them.
  const languages = hubLanguages(settings);
  const translations = languages.length > 1;
  const fieldContext = (collection: string): FieldContext => ({
    ...(translations && collection !== 'settings' && { translations }),
    titleFieldOf,
    hintFor: (path) => HINTS[collection]?.[path],
    labelFor: (path) =>
      LABELS[collection]?.[path] ?? (collection === 'settings' && /^translations\.[^.*]+$/.test(path) ? languageLabel(path.slice('translations.'.length)) : undefined),
    itemLabelFor: (path) => ITEM_LABELS[collection]?.[path],
    entryOptions: choices,
    // What settings say in the other languages: a group per language of settings.languages but the default.
    recordKeys: (path) => (collection === 'settings' && path === 'translations' ? hubLanguages(settings).slice(1) : []),
  });
  // The CMS stores image paths as written; the content check verifies them at build.
  const context: SchemaContext = { settings, image: () => z.string().meta({ widget: 'image' }) };
  const folder = (name: string) => (contentPath ? `${contentPath}/${name}` : name);

  const collections = COLLECTIONS.map((collection) => {
    const schema = (collectionSchemas[collection] as (c: SchemaContext) => z.ZodType)(context);
    const list = LIST_OPTIONS[collection];
    const fields: DecapField[] = [
      ...objectFields(schema, fieldContext(collection)),
      { name: 'body', label: BODY_LABEL[collection], widget: 'markdown', required: false, ...(translations && { i18n: 'translate' as const }) },
    ];
    return {
      name: collection,
      label: collection === 'training' ? 'Training' : capitalize(collection),
      label_singular: SINGULAR[collection],
      folder: folder(collection),
      ...(translations && { i18n: true }),
      create: true,
      extension: 'md',
      // Registered by the admin page (src/lib/cms/format.ts): saves keep the file's own YAML style.
      format: FRONTMATTER_FORMAT,
      slug: '{{slug}}',
      identifier_field: titleFieldOf(collection),
      summary: list.summary,
      sortable_fields: list.sort,
      ...(list.filters && { view_filters: list.filters }),
      ...(list.groups && { view_groups: list.groups }),
      preview_path: `${ROUTE_OF[collection]}/{{slug}}/`,
      // Images sit next to the entry (the content model's ./name.jpg; the save format adds the ./).
      media_folder: '',
      public_folder: '',
      fields,
    };
  });

  const settingsCollection = {
    name: 'settings',
    label: 'Settings',
    editor: { preview: false },
    // Decap reads `format` from the collection only (a file's own is ignored, and its built-in YAML writer
    // would drop the comments and restyle the lists): the hub's format keeps the file's text.
    format: YAML_FORMAT,
    files: [
      {
        name: 'settings',
        label: 'Hub settings',
        file: folder(SETTINGS_FILE),
        fields: objectFields(settingsSchema(), fieldContext('settings')),
      },
    ],
  };

  // Locally, "View Live", the logo and preview links go to the hub being edited, not to production.
  const site = options.localSite ?? settings.site;
  return {
    backend,
    ...(editorialWorkflow && { publish_mode: 'editorial_workflow' }),
    site_url: site,
    display_url: site,
    ...(settings.brand.logo && { logo_url: new URL(settings.brand.logo.replace(/^\//, ''), site.replace(/\/?$/, '/')).href }),
    // The media library outside an entry holds what settings point to under public/ (the logo);
    // entries' images go next to each entry (the collections' media_folder).
    media_folder: 'public/brand',
    public_folder: '/brand',
    show_preview_links: true,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    ...(translations && { i18n: { structure: 'multiple_files', locales: languages, default_locale: settings.lang } }),
    collections: [...collections, settingsCollection],
  };
}

const SINGULAR: Record<CollectionName, string> = {
  snippets: 'Snippet',
  articles: 'Article',
  guidelines: 'Guideline',
  training: 'Training module',
  campaigns: 'Campaign',
  people: 'Person',
  tracks: 'Onboarding track',
};

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Dotted paths of every image field in any collection (`cover.src`, `avatar`), for the save format. */
export function imageFieldPaths(settings: Settings): string[] {
  const config = decapConfig({ settings, contentPath: '', backend: { name: 'test-repo' }, editorialWorkflow: false });
  const walk = (fields: readonly DecapField[], prefix: string): string[] =>
    fields.flatMap((field) => {
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      if (field.widget === 'image') return [path];
      return field.fields ? walk(field.fields, path) : [];
    });
  const paths = config.collections.flatMap((collection) => ('fields' in collection ? walk(collection.fields, '') : []));
  return [...new Set(paths)].sort();
}
