/**
 * How one entry file's text is split, exactly as Astro splits it (its glob()
 * loader and `astro/markdown` use this same extractFrontmatter), and its YAML
 * parsed as the build parses it (yaml.ts). No node: here, and not
 * `astro/markdown` either (it brings Vite's path helpers): the CMS runs this
 * in the browser on the text it is about to save.
 */
import { extractFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parseYaml } from './yaml.ts';

export interface EntrySource {
  /** The parsed front matter: plain values, every date still the text written (see yaml.ts). */
  data: unknown;
  /** The YAML text between the `---` lines. */
  yaml: string;
  /** Lines before the YAML text starts, to turn YAML lines into file lines. */
  lineOffset: number;
  body: string;
  hasFrontmatter: boolean;
}

export class FrontmatterError extends Error {
  /** 1-based line in the file, when it can be told. */
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** An opening `---` (or TOML's `+++`) as Astro finds it: first in the file, or after blank lines. */
const OPENING = /^(?:\uFEFF?|\s*\n)(---|\+\+\+)/;

/**
 * Splits an entry file's text where Astro's own parseFrontmatter splits it,
 * and parses the YAML without timestamps. Throws `FrontmatterError` (with
 * the file line) for broken YAML and for front matter that is never closed.
 */
export function parseEntry(source: string): EntrySource {
  const opening = OPENING.exec(source);
  const line = opening ? opening[0].split('\n').length : 1;
  // Astro would read it as TOML; Decap and the docs write YAML, and only YAML is checked line by line.
  if (opening?.[1] === '+++') throw new FrontmatterError('has front matter between "+++" lines (TOML); write it as YAML between "---" lines', line);
  const yaml = extractFrontmatter(source);
  if (yaml === undefined) {
    if (opening) throw new FrontmatterError(`has front matter that starts with "---" on line ${line} but has no closing "---"; end the fields with a line "---"`, line);
    return { data: {}, yaml: '', lineOffset: 0, body: source, hasFrontmatter: false };
  }
  // The YAML text starts right after the opening "---", on its line: YAML line 1 is that file line.
  const lineOffset = source.slice(0, source.indexOf(`---${yaml}`)).split('\n').length - 1;
  const parsed = parseYaml(yaml);
  if (parsed.error) {
    const { message, line } = parsed.error;
    throw new FrontmatterError(`has front matter that is not valid YAML: ${message}`, line === undefined ? undefined : lineOffset + line);
  }
  return { data: parsed.data, yaml, lineOffset, body: source.replace(`---${yaml}---`, ''), hasFrontmatter: true };
}
