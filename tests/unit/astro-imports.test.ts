/** What the import-boundary check (scripts/lint-deps.ts) sees of an .astro file: the frontmatter's imports and the scripts Astro bundles, never inline ones. */
import { describe, expect, it } from 'vitest';
import { AstroSyntaxError, astroImports } from '../../scripts/lib/astro-imports.ts';

describe('astroImports', () => {
  const source = [
    '---',
    '// “quotes” → before the code',
    "import A from './a.ts';",
    "import type { B } from './b.ts';",
    "const c = await import('./c.ts');",
    "if (c) return Astro.redirect('/');",
    "const text = '--- not a fence';",
    '---',
    '<p>héllo 😀 <!-- <script>import "./comment.ts"</script> --></p>',
    '<script is:inline>import "./inline.js";</script>',
    '<script type="module">import "./typed.js";</script>',
    '<script define:vars={{ a: 1 }}>import "./vars.js";</script>',
    '<script type="application/json" set:html={JSON.stringify({})} />',
    '<script src="./external.ts"></script>',
    "<script>import { run } from './Island.client.ts'; run();</script>",
  ].join('\n');

  it('returns the frontmatter as written, past a --- inside a string', () => {
    const { frontmatter } = astroImports(source);
    expect(frontmatter).toContain("import A from './a.ts';");
    expect(frontmatter).toContain("import type { B } from './b.ts';");
    expect(frontmatter).toContain("await import('./c.ts')");
    expect(frontmatter).toContain("'--- not a fence'");
  });

  it('returns only the <script> blocks Astro processes, src= as an import', () => {
    const { browser } = astroImports(source);
    expect(browser).toContain("import { run } from './Island.client.ts';");
    expect(browser).toContain('import "./external.ts";');
    for (const inline of ['inline.js', 'typed.js', 'vars.js', 'comment.ts']) expect(browser).not.toContain(inline);
  });

  it('handles a component without frontmatter or scripts', () => {
    expect(astroImports('<p>hi</p>')).toEqual({ frontmatter: '', browser: '' });
  });

  it('names the file and line of a syntax error', () => {
    expect(() => astroImports('---\nconst a = {\n---\n<div>', 'src/components/X.astro')).toThrow(AstroSyntaxError);
    expect(() => astroImports('---\nconst a = {\n---\n<div>', 'src/components/X.astro')).toThrow(/^src\/components\/X\.astro:\d+: /);
  });
});
