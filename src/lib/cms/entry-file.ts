/**
 * The file Decap CMS is about to write for an entry, worked out in the
 * browser before it saves (src/hub/routes/admin/cms-checks.client.ts), so the
 * content check reads the same text, and names the same lines, as the build
 * will: through the collection's custom format when one is registered, else
 * as Decap's own front matter format writes it (YAML, keys in the order of
 * the configuration's fields, then the body).
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

export interface CollectionConfig {
  name: string;
  folder?: string;
  format?: string;
  identifier_field?: string;
  fields?: LabelledField[];
  /** A files collection's files (the settings). */
  files?: (CollectionConfig & { file: string })[];
}

export interface EntryFormatter {
  toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>): string;
}

/** The collections of the generated /admin/config.yml, by name. */
export function collectionsOf(configYaml: string): Map<string, CollectionConfig> {
  const config = parseYaml(configYaml) as { collections?: CollectionConfig[] } | null;
  return new Map((config?.collections ?? []).map((collection) => [collection.name, collection]));
}

/** The entry's file text; `custom` is the collection's registered format, if any. */
export function entryFileText(config: CollectionConfig, data: Record<string, unknown>, custom?: EntryFormatter): string {
  const order = (config.fields ?? []).map((field) => field.name);
  if (custom) return custom.toFile(data, order);
  const { body, ...front } = data;
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const sorted = Object.fromEntries(Object.entries(front).sort(([a], [b]) => rank(a) - rank(b)));
  return `---\n${stringifyYaml(sorted)}---\n${typeof body === 'string' ? body : ''}`;
}

/** A new entry's id, as Decap's `{{slug}}` makes it from the title with the hub's slug settings (ASCII, accents removed). */
export function newEntrySlug(title: unknown): string {
  return String(title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.~-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A field of the generated configuration, as much as its label needs. */
export interface LabelledField {
  name: string;
  label?: string;
  widget?: string;
  /** In a hub of several languages (src/lib/cms/i18n.ts). */
  i18n?: 'translate' | 'duplicate' | 'none' | boolean;
  /** An object list's item fields, or an object's fields. */
  fields?: LabelledField[];
  /** A list of single values: its item field. */
  field?: LabelledField;
}

/**
 * The form's words for a field path of the build's messages: `variants[1].text` is
 * "Wordings › 2 › Wording", `body` is the collection's body label ("Article").
 */
export function formLabel(fields: readonly LabelledField[] | undefined, path: string | undefined): string | undefined {
  if (!fields || !path) return undefined;
  const words: string[] = [];
  let level: readonly LabelledField[] | undefined = fields;
  for (const segment of path.match(/[^.[\]]+/g) ?? []) {
    if (/^\d+$/.test(segment)) {
      words.push(String(Number(segment) + 1));
      continue;
    }
    const field: LabelledField | undefined = level?.find((candidate) => candidate.name === segment);
    if (!field) break;
    words.push(field.label ?? field.name);
    level = field.fields;
  }
  return words.length ? words.join(' › ') : undefined;
}
