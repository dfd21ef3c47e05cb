/**
 * The code of an `.astro` file that imports something, for tools that only
 * read JavaScript and TypeScript (dependency-cruiser has no `.astro` support:
 * sverweij/dependency-cruiser#1007). Parsed with Astro's own compiler, so a
 * `---` inside a string or a `<script>` in a comment is not mistaken for code.
 *
 * - `frontmatter`: the component script, run at build time on the server.
 * - `browser`: the `<script>` blocks Astro processes and bundles for the
 *   browser. Astro processes a `<script>` only when it has no attribute but
 *   `src`; any other (`is:inline`, `type`, `define:vars`) leaves it as written
 *   in the page, where its imports are URLs fetched at run time, not modules.
 */
import { parse } from '@astrojs/compiler-rs';

export interface AstroImports {
  /** The frontmatter's TypeScript, as written (empty without a frontmatter). */
  frontmatter: string;
  /** The processed `<script>` blocks as one module; `<script src="x">` becomes `import 'x';`. */
  browser: string;
}

/** An `.astro` file the compiler cannot parse: the message names the file and line. */
export class AstroSyntaxError extends Error {}

interface Node {
  type?: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

interface ScriptElement extends Node {
  openingElement: { name: { name?: string }; attributes: { name?: { name?: string }; value?: { type: string; value?: unknown } | null }[] };
  children: Node[];
}

function isScript(node: Node): node is ScriptElement {
  return node.type === 'JSXElement' && (node as ScriptElement).openingElement.name.name === 'script';
}

/** Every node of the template, depth first (the frontmatter is read on its own). */
function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (value && typeof value === 'object') {
    if ('type' in value) yield value as Node;
    for (const [key, child] of Object.entries(value)) if (key !== 'frontmatter') yield* nodes(child);
  }
}

/** The browser code of one `<script>`, or undefined when Astro leaves the tag inline. */
function processedScript(source: string, element: ScriptElement): string | undefined {
  const attributes = element.openingElement.attributes;
  if (attributes.some((attribute) => attribute.name?.name !== 'src')) return undefined;
  const src = attributes[0]?.value;
  if (src) return src.type === 'Literal' && typeof src.value === 'string' ? `import ${JSON.stringify(src.value)};` : undefined;
  const program = element.children.find((child) => child.type === 'AstroScript')?.program as Node | undefined;
  return program ? source.slice(program.start, program.end) : '';
}

/** What an `.astro` file imports, split into server (frontmatter) and browser (`<script>`) code. */
export function astroImports(source: string, file = 'component.astro'): AstroImports {
  const { ast, diagnostics } = parse(source);
  const fatal = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (fatal) throw new AstroSyntaxError(`${file}:${fatal.labels[0]?.line ?? 1}: ${fatal.text}`);
  const program = (ast.frontmatter as { program?: Node } | null | undefined)?.program;
  const scripts = [...nodes(ast.body)].filter(isScript).map((element) => processedScript(source, element));
  return {
    frontmatter: program ? source.slice(program.start, program.end) : '',
    browser: scripts.filter((script) => script !== undefined).join('\n'),
  };
}
