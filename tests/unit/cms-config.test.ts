/**
 * The Decap form and the zod schemas must describe the same fields: every
 * schema field has a Decap field with a compatible widget, and every Decap
 * field is a schema field. The walk below reads the schemas on its own,
 * without the generator's helpers.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { type BackendOptions, cmsBackend, decapConfig } from '../../src/lib/cms/config.ts';
import { type DecapField, decapPattern } from '../../src/lib/cms/fields.ts';
import { type LabelledField, formLabel } from '../../src/lib/cms/entry-file.ts';
import { FRONTMATTER_FORMAT, YAML_FORMAT } from '../../src/lib/cms/format.ts';
import { HOST_PATTERN } from '../../src/model/ids.ts';
import { collectionSchemas } from '../../src/model/schemas/index.ts';
import { COLLECTIONS } from '../../src/model/collections.ts';
import type { SchemaContext } from '../../src/model/schemas/context.ts';
import { type Settings, settingsSchema } from '../../src/model/schemas/settings.ts';
import { VALID_TREE, settingsOf } from '../support/fixtures.ts';

const settings = settingsOf(VALID_TREE);
/** The CMS configuration as the hub() integration builds it: the backend from settings, the environment and local editing. */
const configOf = (s: Settings, options: Omit<BackendOptions, 'settings'> = {}) =>
  decapConfig({ settings: s, contentPath: 'content', ...cmsBackend({ settings: s, ...options }) });
const config = configOf(settings);
const context: SchemaContext = { settings, image: () => z.string().meta({ widget: 'image' }) };

type Kind = 'string' | 'enum' | 'number' | 'boolean' | 'date' | 'object' | 'array' | 'record';
interface SchemaField {
  kind: Kind;
  required: boolean;
  meta: Record<string, unknown>;
  element?: SchemaField;
  shape?: Record<string, SchemaField>;
  options?: string[];
}

/** The schema as a tree of kinds, read from zod's definitions. */
function describeSchema(schema: z.ZodType, required = true, meta: Record<string, unknown> = {}): SchemaField {
  // zod's internal definitions are untyped; the walk below reads the fields each kind has.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  const here = { ...(z.globalRegistry.get(schema) ?? {}), ...meta };
  switch (def.type) {
    case 'optional':
    case 'default':
      return describeSchema(def.innerType, false, here);
    case 'pipe':
      if (def.out._zod.def.type === 'date') return { kind: 'date', required, meta: here };
      return describeSchema(def.in._zod.def.type === 'transform' ? def.out : def.in, required, here);
    case 'object':
      return { kind: 'object', required, meta: here, shape: Object.fromEntries(Object.entries(def.shape).map(([k, v]) => [k, describeSchema(v as z.ZodType)])) };
    case 'array':
      return { kind: 'array', required, meta: here, element: describeSchema(def.element) };
    case 'enum':
      return { kind: 'enum', required, meta: here, options: Object.values(def.entries) };
    default:
      return { kind: def.type, required, meta: here };
  }
}

const COMPATIBLE: Record<Kind, string[]> = {
  string: ['string', 'text', 'relation', 'image'],
  enum: ['select'],
  number: ['number', 'select'],
  boolean: ['boolean'],
  date: ['datetime'],
  object: ['object'],
  array: ['list', 'select', 'relation'],
  // settings.translations: a group per other language, hidden in a hub of one language (cms-i18n.test.ts).
  record: ['object', 'hidden'],
};

/**
 * Asserts one schema field against its Decap field, recursively; returns the paths checked.
 * `inOptional`: an enclosing object is optional, so Decap must not require anything inside it.
 */
function compare(path: string, schema: SchemaField, field: DecapField | undefined, inOptional = false): string[] {
  expect(field, `${path} has a Decap field`).toBeDefined();
  expect(COMPATIBLE[schema.kind], `${path}: widget ${field!.widget} for a ${schema.kind}`).toContain(field!.widget);
  expect(field!.required === false, `${path}: required in Decap ⇔ required in the schema and in every enclosing group`).toBe(!schema.required || inOptional);
  if (schema.meta.ref && schema.meta.ref !== '*') {
    expect(field!.widget).toBe('relation');
    expect(field!.collection).toBe(schema.meta.ref);
  }
  if (schema.meta.widget === 'image') expect(field!.widget).toBe('image');
  if (schema.kind === 'enum') expect(field!.options).toEqual(schema.options);
  // A number chosen in a select (a quiz answer) is stored as the option's number.
  if (schema.kind === 'number' && field!.widget === 'select')
    for (const option of field!.options!) expect(typeof option === 'object' && typeof option.value).toBe('number');
  if (schema.kind === 'object') return [path, ...compareShapes(path, schema.shape!, field!.fields ?? [], inOptional || !schema.required)];
  if (schema.kind === 'array') {
    const element = schema.element!;
    if (element.kind === 'enum') {
      expect(field!).toMatchObject({ widget: 'select', multiple: true, options: element.options });
    } else if (element.meta.ref && element.meta.ref !== '*') {
      expect(field!).toMatchObject({ widget: 'relation', multiple: true, collection: element.meta.ref });
    } else if (element.kind === 'object') {
      expect(field!.widget).toBe('list');
      return [path, ...compareShapes(path, element.shape!, field!.fields ?? [], inOptional)];
    } else if (field!.field) {
      expect(field!.widget).toBe('list');
      return [path, ...compare(`${path}[]`, element, field!.field, inOptional)];
    } else {
      // A compact list (hashtags): one comma-separated line of strings.
      expect(field!).toMatchObject({ widget: 'list' });
      expect(element.kind).toBe('string');
    }
  }
  return [path];
}

function compareShapes(path: string, shape: Record<string, SchemaField>, fields: DecapField[], inOptional = false): string[] {
  const prefix = path ? `${path}.` : '';
  // Every Decap field is a schema field…
  expect(
    fields
      .map((f) => f.name)
      .filter((n) => n !== 'body')
      .sort(),
    `${path || 'top level'}: Decap fields`,
  ).toEqual(Object.keys(shape).sort());
  // …and every schema field has a compatible Decap field.
  return Object.entries(shape).flatMap(([name, child]) =>
    compare(
      `${prefix}${name}`,
      child,
      fields.find((f) => f.name === name),
      inOptional,
    ),
  );
}

describe('the Decap configuration', () => {
  const folderCollections = config.collections.filter((c): c is Extract<typeof c, { folder: string }> => 'folder' in c);

  it('has a folder collection for every content collection and the settings file', () => {
    expect(folderCollections.map((c) => c.name)).toEqual([...COLLECTIONS]);
    const settingsFile = config.collections.find((c) => c.name === 'settings') as { files: { file: string }[] };
    expect(settingsFile.files[0]!.file).toBe('content/settings.yaml');
  });

  it.each([...COLLECTIONS])('%s: every schema field has a compatible widget and every widget a schema field', (collection) => {
    const schema = describeSchema((collectionSchemas[collection] as (c: SchemaContext) => z.ZodType)(context));
    const decap = folderCollections.find((c) => c.name === collection)!;
    expect(decap.folder).toBe(`content/${collection}`);
    expect(decap.fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    compareShapes('', schema.shape!, decap.fields);
  });

  it('settings: every schema field has a compatible widget and every widget a schema field', () => {
    const schema = describeSchema(settingsSchema());
    const file = (config.collections.find((c) => c.name === 'settings') as { files: { fields: DecapField[] }[] }).files[0]!;
    compareShapes('', schema.shape!, file.fields);
  });

  it('asks for a person’s contact ways with the patterns the schema checks (an address, https links)', () => {
    const people = folderCollections.find((c) => c.name === 'people')!;
    const contact = people.fields.find((f) => f.name === 'contact')!;
    expect(contact).toMatchObject({ widget: 'object', required: false });
    const pattern = (name: string) => new RegExp(contact.fields!.find((f) => f.name === name)!.pattern![0]);
    expect(pattern('email').test('ana@example.com')).toBe(true);
    expect(pattern('email').test('not an address')).toBe(false);
    for (const name of ['chat', 'booking']) {
      expect(pattern(name).test('https://book.example.com/ana')).toBe(true);
      expect(pattern(name).test('http://book.example.com/ana')).toBe(false);
      expect(pattern(name).test('javascript:alert(1)')).toBe(false);
    }
  });

  it('offers the topics, teams and networks of the settings as choices', () => {
    const snippets = folderCollections.find((c) => c.name === 'snippets')!;
    const field = (name: string) => snippets.fields.find((f) => f.name === name)!;
    expect(field('topics')).toMatchObject({ widget: 'select', multiple: true, min: 1, options: settings.topics });
    expect(field('teams').options).toEqual(settings.teams);
    expect(field('networks').options).toEqual(settings.networks);
    expect(field('variants')).toMatchObject({ widget: 'list', min: 1, label: 'Wordings', label_singular: 'wording', summary: '{{fields.text}}' });
    expect(field('publish')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  });

  it('uses relations for references and keeps images next to their entry', () => {
    const articles = folderCollections.find((c) => c.name === 'articles')!;
    expect(articles.fields.find((f) => f.name === 'author')).toMatchObject({
      widget: 'relation',
      collection: 'people',
      value_field: '{{slug}}',
      search_fields: ['name'],
    });
    expect(articles).toMatchObject({ media_folder: '', public_folder: '' });
    const training = folderCollections.find((c) => c.name === 'training')!;
    expect(training.fields.find((f) => f.name === 'requires')).toMatchObject({ widget: 'relation', multiple: true, collection: 'training' });
  });

  it('offers a quiz question’s optional "why", one line per option, beside its options', () => {
    const training = folderCollections.find((c) => c.name === 'training')!;
    const quiz = training.fields.find((f) => f.name === 'quiz') as { fields?: { name: string }[] } | undefined;
    const names = (quiz?.fields ?? []).map((f) => f.name);
    expect(names).toEqual(['question', 'options', 'answer', 'explain', 'why']);
    expect(quiz!.fields!.find((f) => f.name === 'why')).toMatchObject({ widget: 'list', required: false, hint: expect.stringContaining('one line per option') });
  });
});

describe('the Decap forms, in the editor’s words and with the schemas’ limits', () => {
  const entries = { guidelines: [{ id: 'add-value', title: 'Add something of your own' }], training: [{ id: 'basics', title: 'Advocacy basics' }] };
  const full = decapConfig({ settings, contentPath: 'content', ...cmsBackend({ settings }), entries });
  const collection = (name: string) => full.collections.find((c) => c.name === name) as { fields: DecapField[]; format?: string };
  const at = (name: string, path: string): DecapField =>
    path
      .split('.')
      .reduce<DecapField>((field, part) => (field.fields ?? [field.field!]).find((f) => f.name === part)!, { fields: collection(name).fields } as DecapField);
  const allFields = (fields: readonly DecapField[]): DecapField[] => fields.flatMap((f) => [f, ...allFields(f.fields ?? (f.field ? [f.field] : []))]);

  it('makes everything in an optional group optional, so an article without a cover saves (Decap validates children of an empty object)', () => {
    expect(at('articles', 'cover')).toMatchObject({ widget: 'object', required: false, label: 'Cover image' });
    expect(at('articles', 'cover.src')).toMatchObject({ widget: 'image', required: false, label: 'Image' });
    expect(at('articles', 'cover.alt')).toMatchObject({ required: false, label: 'Alt text' });
    // A required group keeps its required fields (settings.brand.primary).
    const brand = (full.collections.find((c) => c.name === 'settings') as { files: { fields: DecapField[] }[] }).files[0]!.fields.find((f) => f.name === 'brand')!;
    expect(brand.fields!.find((f) => f.name === 'primary')!.required).toBeUndefined();
  });

  it('uses no field name as a label where the editor has a word for it, and no "Item"', () => {
    const settingsFields = (full.collections.find((c) => c.name === 'settings') as { files: { fields: DecapField[] }[] }).files[0]!.fields;
    const labels = [...full.collections.flatMap((c) => ('fields' in c ? allFields(c.fields) : [])), ...allFields(settingsFields)].map((f) => f.label);
    for (const bad of ['Src', 'Alt', 'Cms', 'Base url', 'Recognize', 'Variants', 'Item', 'Quiz', 'Answer']) expect(labels, bad).not.toContain(bad);
    expect(labels).toEqual(expect.arrayContaining(['Cover image', 'Alt text', 'Wordings', 'Mentor', 'Right answer', 'Content manager', 'OAuth server URL']));
    expect(at('training', 'quiz')).toMatchObject({ label_singular: 'question', summary: '{{fields.question}}' });
    expect(at('tracks', 'steps')).toMatchObject({ summary: '{{fields.ref}}{{fields.task}}' });
  });

  it('edits hashtags as one comma-separated line whose pattern is the hashtag rule', () => {
    const hashtags = at('snippets', 'hashtags');
    expect(hashtags).toMatchObject({ widget: 'list', required: false });
    expect(hashtags.field).toBeUndefined();
    // Decap tests a list's pattern against Immutable.js's printout of it.
    const pattern = new RegExp(hashtags.pattern![0]);
    expect(pattern.test('List [ "HeatPumps", "Wärmepumpe", "Heat_2027" ]')).toBe(true);
    for (const bad of ['List [ "#HeatPumps" ]', 'List [ "heat pumps" ]', 'List [ "Heat-Pumps" ]', 'List [ "ok", "no!" ]']) expect(pattern.test(bad), bad).toBe(false);
    expect(hashtags.pattern![1]).toMatch(/without "#"/);
  });

  it('edits a person’s advocate codes as one line, which also shows a single code written as a string', () => {
    const code = at('people', 'code');
    expect(code).toMatchObject({ widget: 'list', required: false });
    const pattern = new RegExp(code.pattern![0]);
    for (const good of ['maya-o', 'List [ "maya-o", "maya_2" ]']) expect(pattern.test(good), good).toBe(true);
    for (const bad of ['maya o', 'List [ "-maya" ]', `List [ "${'x'.repeat(41)}" ]`]) expect(pattern.test(bad), bad).toBe(false);
  });

  it('chooses a quiz answer among as many options as a question may have, stored as the 0-based index', () => {
    expect(at('training', 'quiz.options')).toMatchObject({ min: 2, max: 10 });
    const answer = at('training', 'quiz.answer');
    expect(answer.widget).toBe('select');
    expect(answer.options).toHaveLength(10);
    expect(answer.options!.slice(0, 4)).toEqual([
      { label: '1st option', value: 0 },
      { label: '2nd option', value: 1 },
      { label: '3rd option', value: 2 },
      { label: '4th option', value: 3 },
    ]);
    expect(answer.options!.at(-1)).toEqual({ label: '10th option', value: 9 });
  });

  it('offers a track’s steps among the entries, and its mentor only among mentors', () => {
    expect(at('tracks', 'steps.ref')).toMatchObject({
      widget: 'select',
      required: false,
      options: [
        { label: 'Guideline · Add something of your own', value: 'guidelines/add-value' },
        { label: 'Training module · Advocacy basics', value: 'training/basics' },
      ],
    });
    expect(at('tracks', 'mentor')).toMatchObject({ widget: 'relation', collection: 'people', filters: [{ field: 'mentor', values: [true] }] });
    // Without the entries (a configuration made outside Astro), the reference is typed with the pattern.
    expect((config.collections.find((c) => c.name === 'tracks') as { fields: DecapField[] }).fields.find((f) => f.name === 'steps')!.fields![0]).toMatchObject({
      widget: 'string',
      pattern: [expect.any(String), expect.stringContaining('collection/id')],
    });
  });

  it('limits lengths and patterns as the schemas do', () => {
    const title = new RegExp(at('snippets', 'title').pattern![0]);
    expect(title.test('x'.repeat(120))).toBe(true);
    expect(title.test('x'.repeat(121))).toBe(false);
    expect(at('snippets', 'title').pattern![1]).toBe('At most 120 characters');
    const settingsFields = (full.collections.find((c) => c.name === 'settings') as { files: { fields: DecapField[] }[] }).files[0]!.fields;
    const teams = settingsFields.find((f) => f.name === 'teams')!;
    expect(new RegExp(teams.field!.pattern![0]).test('customer-care')).toBe(true);
    expect(new RegExp(teams.field!.pattern![0]).test('Customer Care')).toBe(false);
    const instance = new RegExp(settingsFields.find((f) => f.name === 'mastodon')!.fields![0]!.pattern![0]);
    expect(instance.test('Mastodon.Social')).toBe(true);
    expect(instance.test('https://mastodon.social')).toBe(false);
    expect(decapPattern(HOST_PATTERN)).toBeDefined();
    expect(decapPattern(/^\p{Lu}+$/u)).toBeUndefined();
  });

  it('saves through the hub’s formats, which keep each file’s YAML style', () => {
    for (const name of COLLECTIONS) expect(collection(name).format).toBe(FRONTMATTER_FORMAT);
    // On the collection: Decap ignores a file's own format.
    expect((full.collections.find((c) => c.name === 'settings') as { format: string }).format).toBe(YAML_FORMAT);
  });

  it('keeps entries’ images next to the entry and the media library for what settings point to under public/', () => {
    expect(full).toMatchObject({ media_folder: 'public/brand', public_folder: '/brand' });
    for (const name of COLLECTIONS) expect(collection(name)).toMatchObject({ media_folder: '', public_folder: '' });
  });

  it('links the logo, "View Live" and previews to the local hub when editing locally', () => {
    const withLogo = { ...settings, brand: { ...settings.brand, logo: '/brand/logo.svg' } };
    const local = decapConfig({
      settings: withLogo,
      contentPath: 'content',
      ...cmsBackend({ settings: withLogo, proxyUrl: 'http://127.0.0.1:8081/api/v1' }),
      localSite: 'http://127.0.0.1:4321/',
    });
    expect(local).toMatchObject({ site_url: 'http://127.0.0.1:4321/', display_url: 'http://127.0.0.1:4321/', logo_url: 'http://127.0.0.1:4321/brand/logo.svg' });
    const deployed = decapConfig({ settings: withLogo, contentPath: 'content', ...cmsBackend({ settings: withLogo }) });
    expect(deployed).toMatchObject({ site_url: settings.site, logo_url: new URL('/brand/logo.svg', settings.site).href });
  });
});

describe('the CMS backend', () => {
  it('is the in-memory demo unless settings or the environment name one', () => {
    expect(config.backend).toEqual({ name: 'test-repo' });
    expect(config).not.toHaveProperty('publish_mode');
  });

  it('uses GitHub with the editorial workflow when settings say so', () => {
    const github = configOf({ ...settings, cms: { backend: 'github', repo: 'acme/hub', branch: 'main', editorial_workflow: true } });
    expect(github.backend).toEqual({ name: 'github', repo: 'acme/hub', branch: 'main' });
    expect(github.publish_mode).toBe('editorial_workflow');
  });

  it('lets the environment override settings, e.g. for a staging deploy', () => {
    const staged = configOf(settings, { env: { HUB_CMS_BACKEND: 'git-gateway', HUB_CMS_BRANCH: 'staging' } });
    expect(staged.backend).toEqual({ name: 'git-gateway', branch: 'staging' });
    expect(staged.publish_mode).toBe('editorial_workflow');
  });

  it('talks to decap-server for local editing, without the editorial workflow', () => {
    const local = configOf(settings, { proxyUrl: 'http://127.0.0.1:8081/api/v1' });
    expect(local.backend).toEqual({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1', branch: 'main' });
    expect(local).not.toHaveProperty('publish_mode');
  });
});

describe('the form’s words for a field of the build’s messages', () => {
  const fieldsOf = (name: string) => {
    const collection = config.collections.find((c) => c.name === name) as { fields?: LabelledField[]; files?: { fields: LabelledField[] }[] };
    return collection.fields ?? collection.files![0]!.fields;
  };
  it.each([
    ['snippets', 'variants[1].text', 'Wordings › 2 › Wording'],
    ['snippets', 'hashtags[0]', 'Hashtags › 1'],
    ['snippets', 'body', 'Notes for advocates'],
    ['articles', 'cover.src', 'Cover image › Image'],
    ['settings', 'brand.logo', 'Brand › Logo'],
    ['settings', 'banned[1]', 'Banned phrases › 2'],
  ])('%s: %s is “%s”', (collection, path, label) => {
    expect(formLabel(fieldsOf(collection), path)).toBe(label);
  });

  it('says nothing rather than something wrong for a field the form does not have', () => {
    expect(formLabel(fieldsOf('snippets'), 'nonsense.deep')).toBeUndefined();
    expect(formLabel(fieldsOf('snippets'), undefined)).toBeUndefined();
  });
});
