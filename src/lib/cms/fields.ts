/**
 * Decap CMS fields derived from the zod schemas, so the form and the schema
 * cannot disagree: every schema field becomes a field with a fitting widget,
 * and nothing else does.
 */
import { z } from 'astro/zod';
import { ENTRY_REF_PATTERN } from '../../model/collections.ts';
import { addressPattern } from '../../model/urls.ts';
import { humanize } from '../labels.ts';

export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  pattern?: [string, string];
  options?: (string | { label: string; value: string | number })[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  fields?: DecapField[];
  field?: DecapField;
  summary?: string;
  label_singular?: string;
  collapsed?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  format?: string;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  choose_url?: boolean;
  filters?: { field: string; values: (string | boolean | number)[] }[];
  options_length?: number;
  allow_add?: boolean;
  /**
   * In a hub of several languages: written per language, or the default language's value in every file
   * (see i18nKind). Decap's list and object widgets take only true (translated) or false (left out of the
   * other languages' forms; the save fills the value in: src/lib/cms/i18n.ts).
   */
  i18n?: I18nKind | boolean;
}

/** Decap's field i18n: `translate` is text each language writes itself; `duplicate` is one value copied into every language's file. */
export type I18nKind = 'translate' | 'duplicate';

export interface FieldContext {
  /** The field a collection's entries are named by (relation display, summaries). */
  titleFieldOf(collection: string): string;
  /** Editor help for a field, by dotted path within its collection, e.g. `variants.networks`. */
  hintFor(path: string): string | undefined;
  /** The editor's name for a field, by dotted path, where the field name is not it (`variants` → "Wordings"). */
  labelFor?(path: string): string | undefined;
  /** The editor's name for one item of a list, by the list's dotted path (`variants` → "wording"). */
  itemLabelFor?(path: string): string | undefined;
  /** Every entry a `collection/id` reference may point to, as select options (track steps). */
  entryOptions?: { label: string; value: string }[];
  /** The keys a record field (settings.translations: one per other language) is edited with, by dotted path. */
  recordKeys?(path: string): readonly string[];
  /** Set by objectFields for the fields of one object: the most items a sibling list may hold. */
  siblingMax?(name: string): number | undefined;
  /** The hub has several languages: every field says whether it is translated or duplicated (Decap's `i18n`). */
  translations?: boolean;
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  defaultValue?: unknown;
  in?: AnySchema;
  out?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; format?: string } } }[];
}

const defOf = (schema: AnySchema) => (schema as unknown as { _zod: { def: Def } })._zod.def;
/** What the schemas say about a field beyond its type (see src/model/schemas). */
interface FieldMeta {
  ref?: string;
  format?: string;
  widget?: string;
  /** Relation filter: only entries whose fields have these values (a track's mentor: people with mentor: true). */
  where?: Record<string, string | boolean | number>;
  /** A 0-based index into the sibling list of this name (a quiz answer into its options). */
  indexOf?: string;
  /** The rule of a text field or list item, for the form's pattern message. */
  rule?: string;
  /** A pattern a field's text (or each item of a compact list) must match, where the schema checks it in code. */
  textPattern?: RegExp;
  /** `compact`: a list of short words edited as one comma-separated line. */
  list?: 'compact';
  /** Where a field's rule does not tell (a patterned list of words such as hashtags): translated or the same in every language. */
  i18n?: I18nKind;
}
const metaOf = (schema: AnySchema) => (z.globalRegistry.get(schema) ?? {}) as FieldMeta;

/** Longest text shown in a one-line input; longer fields get a text area. */
const ONE_LINE_MAX = 200;
/** Most options an index select offers when the list it points into has no maximum. */
const INDEX_OPTIONS_FALLBACK = 10;
const URL_PATTERN: [string, string] = [addressPattern(['http', 'https']), 'An absolute http(s) URL, e.g. https://example.com/page, without spaces or a user name'];
const HTTPS_URL_PATTERN: [string, string] = [addressPattern(['https']), 'An https:// URL, e.g. https://example.com/page, without spaces or a user name'];
const EMAIL_PATTERN: [string, string] = ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'An e-mail address, e.g. ana@example.com'];

interface Unwrapped {
  schema: AnySchema;
  optional: boolean;
  defaultValue?: unknown;
  meta: ReturnType<typeof metaOf>;
}

/** Peels optional/default wrappers, collecting their meaning and any metadata on the way. */
export function unwrap(schema: AnySchema): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  let meta = metaOf(current);
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') {
      optional = true;
      defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
    } else break;
    current = def.innerType!;
    meta = { ...metaOf(current), ...meta };
  }
  return { schema: current, optional, defaultValue, meta };
}

function check(def: Def, name: string) {
  return def.checks?.find((c) => c._zod.def.check === name)?._zod.def;
}

/** The Decap widget kind of a schema, as the tests compare it. */
export function schemaKind(schema: AnySchema): string {
  const { schema: inner } = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'pipe') return defOf(def.out!).type === 'date' ? 'date' : defOf(def.out!).type;
  return def.type;
}

/**
 * The Decap field of one schema field. `inOptionalGroup`: an ancestor object is
 * optional. Decap 3 validates an object's required children even when the
 * object itself is `required: false` and left empty (decap-cms#2103, #7748),
 * so an optional group such as an article's cover would make its image and
 * alt text mandatory: inside one, every field is optional to Decap, and the
 * "both or neither" rule stays with the content check.
 */
export function decapField(name: string, schema: AnySchema, context: FieldContext, path = name, inOptionalGroup = false): DecapField {
  const field = widgetField(name, schema, context, path, inOptionalGroup);
  if (!context.translations) return field;
  const kind = unwrap(schema).meta.i18n ?? i18nKind(field);
  // A list of objects translated as a whole: each language has its own items, so each item's fields are its own too
  // (Decap copies `duplicate` values into objects, not into list items, and shows them read-only).
  if (kind === 'translate' && field.widget === 'list' && field.fields) return { ...field, i18n: true, fields: field.fields.map(translated) };
  return { ...field, i18n: decapI18n(field.widget, kind) };
}

/**
 * A kind as Decap's widgets accept it: a list or an object takes only a boolean. An object is `true`
 * with its fields' own kinds inside (Decap copies duplicate fields into objects); a list the same in
 * every language is `false`, left out of the other languages' forms and filled in when saved.
 */
function decapI18n(widget: string, kind: I18nKind): DecapField['i18n'] {
  if (widget === 'object') return true;
  if (widget === 'list') return kind === 'translate';
  return kind;
}

const isTranslated = (field: DecapField) =>
  field.i18n === 'translate' || (field.i18n === true && (field.widget !== 'object' || Boolean(field.fields?.some(isTranslated))));

/**
 * Whether a field is text a translator writes (`translate`) or a value every language's file carries
 * unchanged (`duplicate`), from what the schema made of it: text whose only rule is a length (titles,
 * summaries, wordings, questions, a Markdown body) is translated; ids, references, dates, numbers,
 * choices, switches, links, images and other patterned values are duplicated. An object or a list is
 * translated when anything in it is.
 */
export function i18nKind(field: DecapField): I18nKind {
  switch (field.widget) {
    case 'markdown':
      return 'translate';
    case 'string':
    case 'text':
      return !field.pattern || LENGTH_ONLY.test(field.pattern[0]) ? 'translate' : 'duplicate';
    case 'object':
      return field.fields?.some(isTranslated) ? 'translate' : 'duplicate';
    case 'list':
      if (field.fields) return field.fields.some(isTranslated) ? 'translate' : 'duplicate';
      if (field.field) return isTranslated(field.field) ? 'translate' : 'duplicate';
      // A comma-separated line of words: patterned values unless the schema says otherwise (hashtags).
      return field.pattern ? 'duplicate' : 'translate';
    default:
      return 'duplicate';
  }
}

/** The pattern stringWidget gives a text field whose only rule is its length. */
const LENGTH_ONLY = /^\^\[\\s\\S\]\{0,\d+\}\$$/;

const translated = (field: DecapField): DecapField => ({
  ...field,
  i18n: field.widget === 'list' || field.widget === 'object' ? true : 'translate',
  ...(field.fields && { fields: field.fields.map(translated) }),
  ...(field.field && { field: translated(field.field) }),
});

function widgetField(name: string, schema: AnySchema, context: FieldContext, path: string, inOptionalGroup: boolean): DecapField {
  const { schema: inner, optional, defaultValue, meta } = unwrap(schema);
  const def = defOf(inner);
  const field: DecapField = { name, label: context.labelFor?.(path) ?? label(name), widget: 'string' };
  if (optional || inOptionalGroup) field.required = false;
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)) field.default = defaultValue;
  const hint = context.hintFor(path);
  if (hint) field.hint = hint;

  switch (def.type) {
    case 'pipe': {
      // A preprocess (dates, a code written as one string or a list): the form edits what comes out of it.
      if (defOf(def.out!).type === 'date') {
        return { ...field, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
      }
      // z.preprocess(fn, schema) edits what comes out; schema.transform(fn) edits what goes in.
      const edited = defOf(def.in!).type === 'transform' ? def.out! : def.in!;
      const { name: _, label: __, ...inner } = decapField(name, edited, context, path, inOptionalGroup);
      return { ...field, ...inner, ...((optional || inOptionalGroup) && { required: false }) };
    }
    case 'boolean':
      return { ...field, widget: 'boolean', default: defaultValue ?? false };
    case 'number': {
      if (meta.indexOf) return { ...field, ...indexSelect(meta.indexOf, context) };
      const min = check(def, 'greater_than')?.value;
      const max = check(def, 'less_than')?.value;
      return {
        ...field,
        widget: 'number',
        value_type: check(def, 'number_format') ? 'int' : 'float',
        ...(min !== undefined && { min }),
        ...(max !== undefined && { max }),
      };
    }
    case 'enum':
      return { ...field, widget: 'select', options: Object.values(def.entries!) };
    case 'string':
      return { ...field, ...stringWidget(def, meta, context) };
    case 'object':
      return { ...field, widget: 'object', collapsed: false, fields: objectFields(inner, context, path, optional || inOptionalGroup) };
    case 'array':
      return { ...field, ...listWidget(def, context, path, meta, inOptionalGroup) };
    case 'record': {
      // Decap has no widget for a map: it edits one group per key the hub knows (settings.translations: its other languages).
      const keys = context.recordKeys?.(path) ?? [];
      if (keys.length === 0) return { ...field, widget: 'hidden', required: false };
      const fields = keys.map((key) => ({
        ...decapField(key, def.valueType!, context, `${path}.*`, true),
        label: context.labelFor?.(`${path}.${key}`) ?? key,
        required: false,
      }));
      return { ...field, widget: 'object', collapsed: true, required: false, fields };
    }
    default:
      throw new Error(`No Decap widget for a ${def.type} field at ${path}`);
  }
}

function stringWidget(def: Def, meta: FieldMeta, context: FieldContext): Partial<DecapField> {
  if (meta.widget === 'image') return { widget: 'image', choose_url: false };
  if (meta.ref === '*') return entrySelect(context);
  if (meta.ref) return relation(meta.ref, context, meta.where);
  if (meta.format === 'url') return { widget: 'string', pattern: URL_PATTERN };
  if (meta.format === 'https-url') return { widget: 'string', pattern: HTTPS_URL_PATTERN };
  if (meta.format === 'email') return { widget: 'string', pattern: EMAIL_PATTERN };
  const max = check(def, 'max_length')?.maximum;
  const regex = meta.textPattern ?? (check(def, 'string_format') as { pattern?: RegExp } | undefined)?.pattern;
  const widget = max !== undefined && max <= ONE_LINE_MAX ? 'string' : 'text';
  // The schema's own pattern (ids, hosts) or length limit, so the form refuses what the content check refuses.
  const source = regex && decapPattern(regex);
  if (source) return { widget, pattern: [source, meta.rule ?? `Must match ${regex.source}`] };
  if (max !== undefined) return { widget, pattern: [`^[\\s\\S]{0,${max}}$`, `At most ${max} characters`] };
  return { widget };
}

const LETTER_DIGIT_UNDERSCORE = '[\\p{L}\\p{N}_]';
/** Anything but white space and ASCII punctuation other than "_": letters and digits of every script, roughly. */
const NOT_SPACE_OR_PUNCTUATION = '[^\\s!-\\/:-@\\[-\\^`{-~]';

/**
 * A schema pattern as Decap can test it. Decap compiles `pattern` without
 * flags: a case-insensitive pattern whose only letters are `a-z` ranges gets
 * `A-Z` added, and `[\p{L}\p{N}_]` (a `u` pattern) becomes "anything but
 * spaces and ASCII punctuation", looser by emoji and non-ASCII punctuation,
 * which the content check still refuses. Undefined where no translation exists.
 */
export function decapPattern(regex: RegExp): string | undefined {
  if (/[^iu]/.test(regex.flags)) return undefined;
  let source = regex.source;
  if (regex.flags.includes('u')) source = source.replaceAll(LETTER_DIGIT_UNDERSCORE, NOT_SPACE_OR_PUNCTUATION);
  if (regex.flags.includes('i')) {
    if (/[A-Za-z]/.test(source.replaceAll('a-z', '').replace(/\\./g, ''))) return undefined;
    source = source.replaceAll('a-z', 'a-zA-Z');
  }
  return /\\[pPu]\{/.test(source) ? undefined : source;
}

function relation(collection: string, context: FieldContext, where?: FieldMeta['where']): Partial<DecapField> {
  const title = context.titleFieldOf(collection);
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: [title],
    display_fields: [title],
    // Offer every entry when the list opens, not only after typing.
    options_length: 100,
    ...(where && { filters: Object.entries(where).map(([field, value]) => ({ field, values: [value] })) }),
  };
}

/**
 * A reference to an entry of any collection (`collection/id`): one relation
 * widget cannot span collections, so the choices are the content's entries,
 * listed when the configuration is made (in `npm run cms`, on every load of /admin/).
 */
function entrySelect(context: FieldContext): Partial<DecapField> {
  if (!context.entryOptions?.length) return { widget: 'string', pattern: [ENTRY_REF_PATTERN.source, 'collection/id, e.g. guidelines/add-value'] };
  return { widget: 'select', options: context.entryOptions };
}

/** A 0-based index into a sibling list, chosen by position ("1st option", "2nd option", …) and stored as the number. */
function indexSelect(list: string, context: FieldContext): Partial<DecapField> {
  const count = context.siblingMax?.(list) ?? INDEX_OPTIONS_FALLBACK;
  const noun = singular(list);
  return { widget: 'select', options: Array.from({ length: count }, (_, index) => ({ label: `${ordinal(index + 1)} ${noun}`, value: index })) };
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function listWidget(def: Def, context: FieldContext, path: string, listMeta: FieldMeta, inOptionalGroup: boolean): Partial<DecapField> {
  const min = check(def, 'min_length')?.minimum;
  const max = check(def, 'max_length')?.maximum;
  const bounds = { ...(min && { min }), ...(max !== undefined && { max }) };
  const { schema: element, meta } = unwrap(def.element!);
  const elementDef = defOf(element);
  if (elementDef.type === 'enum') return { widget: 'select', multiple: true, options: Object.values(elementDef.entries!), ...bounds };
  if (elementDef.type === 'string' && meta.ref && meta.ref !== '*') return { ...relation(meta.ref, context, meta.where), multiple: true, ...bounds };
  const itemLabel = context.itemLabelFor?.(path) ?? singular(path);
  if (elementDef.type === 'object') {
    const fields = objectFields(element, context, path, inOptionalGroup);
    return { widget: 'list', label_singular: itemLabel, fields, summary: itemSummary(element, fields), collapsed: false, ...bounds };
  }
  if (listMeta.list === 'compact') return { widget: 'list', ...compactPattern(meta), ...bounds };
  // The list's hint is shown once, above its items.
  const { hint: _, ...item } = decapField('item', def.element!, context, path, inOptionalGroup);
  return { widget: 'list', label_singular: itemLabel, field: { ...item, label: humanize(itemLabel) }, collapsed: false, ...bounds };
}

/**
 * How a collapsed list item reads: its first field (a wording's text, a
 * question), or, where every field is optional (a step: an entry or a task),
 * whichever of its text fields is filled in. Never Decap's "Item".
 */
function itemSummary(element: AnySchema, fields: DecapField[]): string {
  const shape = defOf(element).shape ?? {};
  const eitherOr = Object.values(shape).every((child) => unwrap(child).optional);
  const texts = fields.filter((f) => ['string', 'text', 'select', 'relation'].includes(f.widget));
  return (eitherOr ? texts : fields.slice(0, 1)).map((f) => `{{fields.${f.name}}}`).join('');
}

/**
 * Decap's list widget without fields is one comma-separated line, and checks
 * its pattern against the whole value: a list as Immutable.js prints it
 * (`List [ "a", "b" ]`), or a single value a file wrote as a plain string
 * (`code: maya-o`).
 */
function compactPattern(itemMeta: FieldMeta): Partial<DecapField> {
  const item = itemMeta.textPattern && decapPattern(itemMeta.textPattern);
  if (!item) return {};
  const inner = item.replace(/^\^/, '').replace(/\$$/, '');
  return {
    pattern: [`^(?:List \\[ "${inner}"(?:, "${inner}")* \\]|${inner})$`, itemMeta.rule ?? `Each item must match ${itemMeta.textPattern!.source}`],
  };
}

/** The fields of an object schema, in schema order. */
export function objectFields(schema: AnySchema, context: FieldContext, path = '', inOptionalGroup = false): DecapField[] {
  const shape = defOf(unwrap(schema).schema).shape;
  if (!shape) throw new Error(`Expected an object schema at ${path || 'the top level'}`);
  const siblings: FieldContext = {
    ...context,
    siblingMax: (name) => {
      const sibling = shape[name] && unwrap(shape[name]).schema;
      return sibling && check(defOf(sibling), 'max_length')?.maximum;
    },
  };
  return Object.entries(shape).map(([name, child]) => decapField(name, child, siblings, path ? `${path}.${name}` : name, inOptionalGroup));
}

/** "variants" → "variant", for Decap's "Add variant" button. */
function singular(path: string): string {
  const name = path.split('.').pop()!;
  return humanize(name.replace(/ies$/, 'y').replace(/s$/, '')).toLowerCase();
}

const LABELS: Record<string, string> = { do: 'Do', dont: "Don't", link: 'Link to share', utm: 'UTM tagging', x: 'X', linkedin: 'LinkedIn' };

function label(name: string): string {
  return LABELS[name] ?? humanize(name);
}
