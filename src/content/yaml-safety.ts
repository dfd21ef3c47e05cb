/**
 * YAML anchors (&name) and aliases (*name) are refused in front matter and
 * settings. js-yaml, which Astro parses front matter with, keeps an alias as
 * a shared reference: a "billion laughs" file of ten lines parses in a
 * millisecond into a value that is exponential to walk, and every schema
 * check, JSON copy and page render walks it. No field of the hub needs them,
 * so the content check stops such a file before anything walks it, with the
 * line of the first one. The `yaml` package finds them without expanding them.
 */
import { isAlias, isNode, parseDocument, visit } from 'yaml';

export interface AnchorUse {
  kind: 'anchor' | 'alias';
  name: string;
  /** 1-based line in the YAML text. */
  line: number;
}

/** The first anchor or alias of a YAML text, if any. */
export function firstAnchor(yamlText: string): AnchorUse | undefined {
  // Neither can be written without "&" or "*"; most files have neither.
  if (!/[&*]/.test(yamlText)) return undefined;
  const doc = parseDocument(yamlText, { keepSourceTokens: false, uniqueKeys: false, strict: false });
  let found: { kind: AnchorUse['kind']; name: string; offset: number } | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) found = { kind: 'alias', name: node.source, offset: node.range?.[0] ?? 0 };
    else if (isNode(node) && node.anchor) found = { kind: 'anchor', name: node.anchor, offset: node.range?.[0] ?? 0 };
    return found ? visit.BREAK : undefined;
  });
  if (!found) return undefined;
  return { kind: found.kind, name: found.name, line: yamlText.slice(0, found.offset).split('\n').length };
}

/** The problem message for an anchor or alias. */
export function anchorMessage(use: AnchorUse): string {
  const written = use.kind === 'alias' ? `*${use.name}` : `&${use.name}`;
  return `uses the YAML ${use.kind} ${written}; anchors (&name) and aliases (*name) are not accepted, because a few lines of them can stand for millions of values: write the values out in full`;
}

/** Half of a UTF-16 surrogate pair without the other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface BrokenText {
  path: PropertyKey[];
  /** The lone half, as an escape: \uD800. */
  half: string;
}

/**
 * Strings holding half a character: YAML's "\uD800" escape writes one, and
 * every later step that encodes text (share links, JSON, cards) throws on it.
 * Such a value can only come from an escape, so a text without one is skipped.
 */
export function brokenTexts(data: unknown, yamlText: string): BrokenText[] {
  if (!/\\u[dD][89a-fA-F]/.test(yamlText)) return [];
  const found: BrokenText[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const half = LONE_SURROGATE.exec(value)?.[0];
      if (half) found.push({ path, half: `\\u${half.charCodeAt(0).toString(16).toUpperCase()}` });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  return found;
}

/** The problem message for a string holding half a character. */
export function brokenTextMessage({ half }: BrokenText): string {
  return `holds half of a character (the escape "${half}" without its other half), which no page, feed or share link can encode; write the character itself, or both halves of its escape`;
}
