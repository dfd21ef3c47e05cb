/**
 * How Decap CMS reads and writes the hub's files, registered by /admin/ as
 * custom formats. Decap's own YAML writer rebuilds the front matter from
 * scratch (its own quotes, list styles and key order, comments dropped), so
 * one changed field became a rewrite of the whole block. These formats keep
 * the text an entry was read from (under SOURCE_KEY in the entry's data) and,
 * on save, change only the values that changed in that YAML document: every
 * other line keeps its quotes, flow or block lists, block scalars and
 * comments, and a one-field change is a one-line diff. New files are written
 * in the style of the sample content: fields in form order, short lists of
 * words as `[a, b]`, several lines as `|-` blocks.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** Format names, as the generated configuration uses them. */
export const FRONTMATTER_FORMAT = 'hub-frontmatter';
export const YAML_FORMAT = 'hub-yaml';

/** The data key that carries the text an entry was read from; never written to a file. */
export const SOURCE_KEY = '__hub_source';

/**
 * The data key the save check sets on the default language's version of an entry it lets Decap
 * save, so that the format tells it from the other languages' versions (src/lib/cms/i18n.ts);
 * never written to a file.
 */
export const DEFAULT_VERSION_KEY = '__hub_default_version';

/**
 * What the front matter format returns for a file that is not to be written (a language of an
 * entry with nothing translated). Decap writes every text its format returns — an empty one gets
 * a line break — so the admin page drops files with this text before its backend commits them
 * (src/lib/cms/save-languages.ts); were one written anyway, the build would refuse it.
 */
export const NO_FILE = '<!-- hub: no file for this language -->\n';

/** Decap's formatter interface (decap-cms-core `Formatter`). */
export interface Formatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
}

export interface FormatOptions {
  /**
   * Dotted paths of image fields (`cover.src`, `avatar`). Decap writes a file
   * picked next to the entry as `photo.jpg`; the content model and Astro
   * want `./photo.jpg`.
   */
  imageFields?: readonly string[];
  /**
   * Decides, just before an entry's data is written, what is written: the data (changed or not),
   * or undefined for no file (a language of the entry with nothing translated; src/lib/cms/i18n.ts).
   */
  beforeWrite?(data: Record<string, unknown>): Record<string, unknown> | undefined;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;
/** Items that read best on one line: ids, topics, hashtags. */
const WORD = /^[\p{L}\p{N}_.-]+$/u;
const IMAGE_FILE = /^[^/\\:]+\.(?:avif|gif|jpe?g|png|svg|webp)$/i;

type Plain = unknown;

function parse(yaml: string, what: string): Document {
  const doc = parseDocument(yaml);
  if (doc.errors.length) throw new Error(`${what} is not valid YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc;
}

function dataOf(doc: Document): Record<string, unknown> {
  const data = doc.toJS() as unknown;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** Splits a Markdown file into its front matter (without the `---` lines) and its body, as written. */
export function splitFrontMatter(content: string): { yaml: string; body: string } | undefined {
  if (!/^---[ \t]*\r?\n/.test(content)) return undefined;
  const match = FRONT_MATTER.exec(content);
  if (!match || match.index !== 0) return undefined;
  return { yaml: match[1]!, body: content.slice(match[0].length) };
}

export function frontmatterFormat(options: FormatOptions = {}): Formatter {
  return {
    fromFile(content) {
      const parts = splitFrontMatter(content);
      if (!parts) return { body: content, [SOURCE_KEY]: content };
      const data = dataOf(parse(parts.yaml, 'The front matter'));
      return { ...data, ...(parts.body.trim() && { body: parts.body }), [SOURCE_KEY]: content };
    },
    toFile(data, sortedKeys = []) {
      const decided = options.beforeWrite ? options.beforeWrite(data) : data;
      if (!decided) return NO_FILE;
      const { body = '', [SOURCE_KEY]: source, [DEFAULT_VERSION_KEY]: _default, ...meta } = decided as { body?: string } & Record<string, unknown>;
      const original = typeof source === 'string' ? splitFrontMatter(source) : undefined;
      const yaml = writeYaml(original?.yaml, withImagePaths(meta, options.imageFields ?? []), sortedKeys);
      // The body as it was when only the front matter changed (Decap trims what it reads).
      const text = original && original.body.trim() === String(body).trim() ? original.body : String(body);
      return `---\n${yaml}---\n${text}`;
    },
  };
}

export function yamlFormat(): Formatter {
  return {
    fromFile(content) {
      return { ...dataOf(parse(content, 'The file')), [SOURCE_KEY]: content };
    },
    toFile(data, sortedKeys = []) {
      const { [SOURCE_KEY]: source, ...values } = data;
      return writeYaml(typeof source === 'string' ? source : undefined, values, sortedKeys);
    },
  };
}

/**
 * `values` as YAML: the document `source` with only what changed replaced,
 * or a new document with keys in `sortedKeys` order.
 */
export function writeYaml(source: string | undefined, values: Record<string, unknown>, sortedKeys: readonly string[] = []): string {
  const original = source !== undefined && source.trim() ? source : undefined;
  const doc = original ? parse(original, 'The file') : new Document({});
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap;
  const before = dataOf(doc);
  updateMap(doc, doc.contents as YAMLMap, values, sortedKeys);
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: original ? /[[{] \S/.test(original) : false });
  if (!original) return text === '{}\n' ? '' : text;
  // The YAML library rewrites some details of unchanged lines (e.g. "[a]" beside "{ b: c }" in one file):
  // unchanged top-level fields are copied from the original text instead.
  const after = dataOf(doc);
  const old = topLevelSegments(original);
  const fresh = topLevelSegments(text);
  return (
    old.head +
    fresh.keys.map(({ key, text: written }) => (key in before && deepEqual(before[key], after[key]) && old.byKey.has(key) ? old.byKey.get(key)! : written)).join('')
  );
}

/** A key at the start of a line: a top-level field of a block mapping. */
const TOP_LEVEL_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:,[\]{}&*!|>%@`][^:#]*?)):(?:[ \t]|\r?\n|$)/;

/**
 * The text of each top-level field: its line, the indented lines that follow
 * (its value), and the comments and blank lines before it (which YAML hangs
 * on the next field). `head`: the comments before the first field.
 */
export function topLevelSegments(text: string): { head: string; keys: { key: string; text: string }[]; byKey: Map<string, string> } {
  const keys: { key: string; text: string }[] = [];
  let head = '';
  let pending = '';
  for (const line of text.split(/(?<=\n)/)) {
    const match = TOP_LEVEL_KEY.exec(line);
    if (match) {
      const key = match[1] !== undefined ? JSON.parse(`"${match[1]}"`) : match[2] !== undefined ? match[2].replaceAll("''", "'") : match[3]!.trimEnd();
      keys.push({ key, text: pending + line });
      pending = '';
    } else if (/^(?:#|\s*$)/.test(line)) {
      pending += line;
    } else if (keys.length) {
      keys.at(-1)!.text += pending + line;
      pending = '';
    } else {
      head += pending + line;
      pending = '';
    }
  }
  if (keys.length) keys.at(-1)!.text += pending;
  else head += pending;
  if (keys.length === 0) return { head, keys, byKey: new Map() };
  return { head, keys, byKey: new Map(keys.map(({ key, text: t }) => [key, t])) };
}

function updateMap(doc: Document, map: YAMLMap, values: Record<string, unknown>, order: readonly string[]) {
  for (const pair of [...map.items]) {
    const key = keyOf(pair.key);
    if (!(key in values) || isEmpty(values[key])) {
      // An optional field emptied in the form: gone from the file, unless it was written empty.
      if (!(key in values) || !sameValue(pair.value as Node, values[key])) map.delete(pair.key);
    }
  }
  for (const [key, value] of Object.entries(values)) {
    const pair = map.items.find((p) => keyOf(p.key) === key);
    if (pair) {
      if (!isEmpty(value) || sameValue(pair.value as Node, value)) pair.value = updated(doc, pair.value as Node | null, value);
      continue;
    }
    if (isEmpty(value)) continue;
    const node = doc.createPair(key, value);
    node.value = styled(doc, value);
    map.items.splice(insertionIndex(map, key, order), 0, node);
  }
}

/** Where a new key goes: before the first present key that comes after it in the form's order, else at the end. */
function insertionIndex(map: YAMLMap, key: string, order: readonly string[]): number {
  const rank = order.indexOf(key);
  if (rank < 0) return map.items.length;
  const next = map.items.findIndex((pair) => {
    const other = order.indexOf(keyOf(pair.key));
    return other > rank;
  });
  return next < 0 ? map.items.length : next;
}

/** The node for `value`, reusing `node` (and its style) wherever the value is unchanged or of the same kind. */
function updated(doc: Document, node: Node | null, value: unknown): Node {
  if (node && sameValue(node, value)) return node;
  if (isMap(node) && isRecord(value)) {
    updateMap(doc, node, value, []);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const seq = node as YAMLSeq;
    value.forEach((item, index) => {
      if (index < seq.items.length) seq.items[index] = updated(doc, seq.items[index] as Node, item);
      else seq.items.push(seq.flow && !isRecord(item) && !Array.isArray(item) ? doc.createNode(item) : styled(doc, item));
    });
    seq.items.splice(value.length);
    return seq;
  }
  if (isScalar(node) && !isRecord(value) && !Array.isArray(value)) {
    const scalar = node as Scalar;
    scalar.value = value;
    const multiline = typeof value === 'string' && value.includes('\n');
    if (multiline && scalar.type !== 'BLOCK_LITERAL' && scalar.type !== 'BLOCK_FOLDED') scalar.type = 'BLOCK_LITERAL';
    if (!multiline && (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED')) scalar.type = undefined;
    return scalar;
  }
  return styled(doc, value);
}

/** A new node in the sample content's style. */
function styled(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  style(node);
  return node;
}

function style(node: Node) {
  if (isSeq(node)) {
    const items = node.items as Node[];
    node.flow = items.length > 0 && items.every((item) => isScalar(item) && (typeof item.value !== 'string' || WORD.test(item.value)));
    items.forEach(style);
  } else if (isMap(node)) {
    for (const pair of node.items) style(pair.value as Node);
  } else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) {
    node.type = 'BLOCK_LITERAL';
  }
}

function keyOf(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a form leaves behind in an optional field it never filled: nothing, "", or a group of such. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return isRecord(value) && Object.values(value).every(isEmpty);
}

function sameValue(node: Node | null, value: unknown): boolean {
  return deepEqual(node === null ? null : (node.toJS(new Document()) as Plain), value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

/** Image fields picked in Decap's media library, as the content model writes them: `./photo.jpg`. */
function withImagePaths(values: Record<string, unknown>, imageFields: readonly string[], prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string' && imageFields.includes(path) && IMAGE_FILE.test(value)) return [key, `./${value}`];
      if (isRecord(value)) return [key, withImagePaths(value, imageFields, path)];
      return [key, value];
    }),
  );
}
