/**
 * How one entry file's text is split, exactly as Astro splits it (its glob()
 * loader and `astro/markdown` use this same parseFrontmatter). No node:
 * here: the CMS runs it in the browser on the text it is about to save.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';

export interface EntrySource {
  /** The parsed front matter, as Astro's loader sees it. */
  data: unknown;
  /** The YAML text between the `---` lines. */
  yaml: string;
  /** Lines before the YAML text starts, to turn YAML lines into file lines. */
  lineOffset: number;
  body: string;
  hasFrontmatter: boolean;
}

export class FrontmatterError extends Error {
  /** 1-based line in the file, when js-yaml tells it. */
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Splits an entry file's text. Throws `FrontmatterError` (with the file line) for broken YAML. */
export function parseEntry(source: string): EntrySource {
  try {
    const parsed = parseFrontmatter(source, { frontmatter: 'remove' });
    const yaml = parsed.rawFrontmatter;
    const lineOffset = yaml ? source.slice(0, source.indexOf(yaml)).split('\n').length - 1 : 0;
    return { data: parsed.frontmatter, yaml, lineOffset, body: parsed.content, hasFrontmatter: parsed.rawFrontmatter !== '' };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    const yamlStart = source.indexOf('\n') + 1;
    const offset = source.slice(0, yamlStart).split('\n').length - 1;
    throw new FrontmatterError(reason, mark?.line !== undefined ? offset + mark.line + 1 : undefined);
  }
}
