/**
 * Finds the line of a field in YAML text, so a report can say `file:line`.
 * The data itself is parsed by js-yaml, as Astro parses it (yaml.ts); this
 * second, position-aware parse is only used to point at lines.
 */
import { isMap, isSeq, parseDocument, type Node } from 'yaml';

export interface YamlLocator {
  /** 1-based line of the deepest node on `path` that exists, relative to the YAML text. */
  line(path: readonly PropertyKey[]): number | undefined;
  /** The value at `path` as written in the YAML text (quotes and indentation kept) and its 1-based first line, when the whole path exists. */
  written(path: readonly PropertyKey[]): { text: string; line: number } | undefined;
}

/**
 * The parsed document is kept only while something else keeps it: a hub's
 * entries each keep a locator for their reports, and holding every
 * document (its nodes and their text) pinned about 150 MB at 10,000
 * entries for the whole build (docs/benchmarks.md). A locator asked again
 * after a collection parses again.
 */
export function locateIn(yamlText: string): YamlLocator {
  let kept: WeakRef<ReturnType<typeof parseDocument>> | undefined;
  const starts = lineStarts(yamlText);
  const parsed = () => {
    let doc = kept?.deref();
    if (!doc) {
      doc = parseDocument(yamlText, { keepSourceTokens: false, uniqueKeys: false, strict: false });
      kept = new WeakRef(doc);
    }
    return doc;
  };
  return {
    written(path) {
      const range = (parsed().getIn(path, true) as Node | undefined)?.range;
      return range ? { text: yamlText.slice(range[0], range[1]), line: lineOf(starts, range[0]) } : undefined;
    },
    line(path) {
      let node: unknown = parsed().contents;
      let offset: number | undefined = rangeStart(node);
      for (const key of path) {
        let next: unknown;
        let keyOffset: number | undefined;
        if (isMap(node)) {
          const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
          next = pair?.value;
          keyOffset = rangeStart(pair?.key);
        } else if (isSeq(node) && typeof key === 'number') {
          next = node.items[key];
        }
        if (next === undefined && keyOffset === undefined) break;
        offset = keyOffset ?? rangeStart(next) ?? offset;
        node = next;
        if (!next) break;
      }
      return offset === undefined ? undefined : lineOf(starts, offset);
    },
  };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
