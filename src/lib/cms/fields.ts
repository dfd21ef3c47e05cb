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
  options?: string[];
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
}

export interface FieldContext {
  /** The field a collection's entries are named by (relation display, summaries). */
  titleFieldOf(collection: string): string;
  /** Editor help for a field, by dotted path within its collection, e.g. `variants.networks`. */
  hintFor(path: string): string | undefined;
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  defaultValue?: unknown;
  in?: AnySchema;
  out?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; format?: string } } }[];
}

const defOf = (schema: AnySchema) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (schema: AnySchema) => (z.globalRegistry.get(schema) ?? {}) as { ref?: string; format?: string; widget?: string };

/** Longest text shown in a one-line input; longer fields get a text area. */
const ONE_LINE_MAX = 160;
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

export function decapField(name: string, schema: AnySchema, context: FieldContext, path = name): DecapField {
  const { schema: inner, optional, defaultValue, meta } = unwrap(schema);
  const def = defOf(inner);
  const field: DecapField = { name, label: label(name), widget: 'string' };
  if (optional) field.required = false;
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
      const { name: _, label: __, ...inner } = decapField(name, edited, context, path);
      return { ...field, ...inner, ...(optional && { required: false }) };
    }
    case 'boolean':
      return { ...field, widget: 'boolean', default: defaultValue ?? false };
    case 'number': {
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
      return { ...field, widget: 'object', collapsed: false, fields: objectFields(inner, context, path) };
    case 'array':
      return { ...field, ...listWidget(def, context, path) };
    default:
      throw new Error(`No Decap widget for a ${def.type} field at ${path}`);
  }
}

function stringWidget(def: Def, meta: Unwrapped['meta'], context: FieldContext): Partial<DecapField> {
  if (meta.widget === 'image') return { widget: 'image', choose_url: false };
  if (meta.ref === '*') return { widget: 'string', pattern: [ENTRY_REF_PATTERN.source, 'collection/id, e.g. guidelines/add-value'] };
  if (meta.ref) return relation(meta.ref, context);
  if (meta.format === 'url') return { widget: 'string', pattern: URL_PATTERN };
  if (meta.format === 'https-url') return { widget: 'string', pattern: HTTPS_URL_PATTERN };
  if (meta.format === 'email') return { widget: 'string', pattern: EMAIL_PATTERN };
  const max = check(def, 'max_length')?.maximum;
  return max !== undefined && max <= ONE_LINE_MAX ? { widget: 'string' } : { widget: 'text' };
}

function relation(collection: string, context: FieldContext): Partial<DecapField> {
  const title = context.titleFieldOf(collection);
  return { widget: 'relation', collection, value_field: '{{slug}}', search_fields: [title], display_fields: [title] };
}

function listWidget(def: Def, context: FieldContext, path: string): Partial<DecapField> {
  const min = check(def, 'min_length')?.minimum;
  const bounds = min ? { min } : {};
  const { schema: element, meta } = unwrap(def.element!);
  const elementDef = defOf(element);
  if (elementDef.type === 'enum') return { widget: 'select', multiple: true, options: Object.values(elementDef.entries!), ...bounds };
  if (elementDef.type === 'string' && meta.ref && meta.ref !== '*') return { ...relation(meta.ref, context), multiple: true, ...bounds };
  if (elementDef.type === 'object') {
    const fields = objectFields(element, context, path);
    return { widget: 'list', label_singular: singular(path), fields, summary: `{{fields.${fields[0]!.name}}}`, collapsed: false, ...bounds };
  }
  return { widget: 'list', field: decapField('item', def.element!, context, path), ...bounds };
}

/** The fields of an object schema, in schema order. */
export function objectFields(schema: AnySchema, context: FieldContext, path = ''): DecapField[] {
  const shape = defOf(unwrap(schema).schema).shape;
  if (!shape) throw new Error(`Expected an object schema at ${path || 'the top level'}`);
  return Object.entries(shape).map(([name, child]) => decapField(name, child, context, path ? `${path}.${name}` : name));
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
