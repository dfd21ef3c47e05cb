/**
 * The one YAML parse of front matter and settings.yaml. It is js-yaml, the
 * parser Astro reads front matter with (so what the check accepts, Astro's
 * MDX compiler accepts too), with its core schema: YAML 1.2 without the
 * timestamp type, so `publish: 2026-11-31` arrives as the text the editor
 * wrote and the date field refuses it, where js-yaml's default schema would
 * hand over a `Date` already rolled over into December 1.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { CST, Parser } from 'yaml';

export interface YamlError {
  message: string;
  /** 1-based line of the YAML text at fault. */
  line?: number;
}

/** Plain values (strings, numbers, booleans, null, lists, maps), or why the text is not YAML. */
export type YamlResult = { data: unknown; error?: undefined } | { error: YamlError };

export function parseYaml(text: string): YamlResult {
  try {
    return { data: load(text, { schema: CORE_SCHEMA }) };
  } catch (error) {
    const unclosed = firstUnclosed(text);
    if (unclosed) return { error: { message: unclosed.message, line: lineAt(text, unclosed.offset) } };
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = mark?.line === undefined ? undefined : mark.line + 1;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0]!;
    return { error: { message: reason === 'duplicated mapping key' ? duplicateKey(text, line) : reason, line } };
  }
}

/** js-yaml says "duplicated mapping key" without the key; the editor looks for its name. */
function duplicateKey(text: string, line: number | undefined): string {
  const key = line === undefined ? undefined : /^[\s-]*([^:#]+?)\s*:/.exec(text.split('\n')[line - 1] ?? '')?.[1];
  return key ? `the field ${JSON.stringify(key.replace(/^["']|["']$/g, ''))} is given twice; keep one of them` : 'a field is given twice; keep one of them';
}

const CLOSED = {
  'double-quoted-scalar': /^"(?:[^"\\]|\\[\s\S])*"$/,
  'single-quoted-scalar': /^'(?:[^']|'')*'$/,
} as const;

/**
 * A quote or bracket that is never closed. js-yaml notices it only where the
 * text runs out (the closing `---`) or at the next line that cannot belong to
 * it; the line at fault is the one that opens it, which `yaml`'s syntax tree
 * keeps. A quote comes first: left open, it swallows the brackets after it.
 */
function firstUnclosed(text: string): { offset: number; message: string } | undefined {
  let quote: { offset: number; message: string } | undefined;
  let bracket: { offset: number; message: string } | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const part of [item.key, item.value]) {
        if (!part) continue;
        if (part.type === 'double-quoted-scalar' || part.type === 'single-quoted-scalar') {
          const mark = part.source[0];
          if (!quote && !CLOSED[part.type].test(part.source)) quote = { offset: part.offset, message: `the ${mark} that opens a quoted value on this line is never closed; end the value with ${mark}` };
        } else if (part.type === 'flow-collection') {
          const close = part.start.source === '[' ? ']' : '}';
          if (!bracket && !part.end.some((end) => end.source === close)) bracket = { offset: part.offset, message: `the ${part.start.source} opened on this line is never closed; end it with ${close}` };
        }
      }
    });
  }
  return quote ?? bracket;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
