/**
 * `npm run lint:deps`: the import boundaries of .dependency-cruiser.mjs
 * (which layer may import which, no cycles) over src/, scripts/, bench/ and
 * tests/, `.astro` files included. Exit code 1 on any violation.
 *
 * dependency-cruiser reads JavaScript and TypeScript but not `.astro`, so the
 * tree is mirrored into a temporary folder first (one per run, so two runs
 * never share one, and removed afterwards): other files are copied as
 * they are, and each `.astro` file becomes `X.astro.ts` (its frontmatter)
 * and, when it has processed `<script>` blocks, `X.astro.script.ts` (their
 * browser code), which `X.astro.ts` imports. An import of './X.astro'
 * resolves to `X.astro.ts` by extension, so no specifier is rewritten. The
 * report names them `X.astro` and `X.astro <script>` again.
 *
 *   npm run lint:deps
 *   npm run lint:deps -- --output-type mermaid   # any dependency-cruiser reporter
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cruise, type OutputType } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { AstroSyntaxError, astroImports } from './lib/astro-imports.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const MIRROR = mkdtempSync(path.join(tmpdir(), 'lint-deps-'));
/** What is checked. tests/ is cruised for cycles and for what src/ must not import from it. */
const CRUISED = ['src', 'scripts', 'bench', 'tests', 'astro.config.mjs'];
/** Mirrored besides: package.json tells dependency-cruiser which packages are dependencies; the tests import .htmlvalidate.mjs. */
const MIRRORED = [...CRUISED, 'vitest.config.ts', 'package.json', '.htmlvalidate.mjs'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.astro']);

const { values: args } = parseArgs({ options: { 'output-type': { type: 'string', short: 'T', default: 'err-long' } } });

function mirror(relative: string): void {
  const from = path.join(ROOT, relative);
  const to = path.join(MIRROR, relative);
  const entries = readdirSync(from, { withFileTypes: true });
  mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    const name = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) mirror(name);
    } else if (entry.name.endsWith('.astro')) {
      const { frontmatter, browser } = astroImports(readFileSync(path.join(ROOT, name), 'utf8'), name);
      const script = browser.trim() ? `\nimport './${entry.name}.script.ts';\n` : '';
      writeFileSync(path.join(MIRROR, `${name}.ts`), frontmatter + script);
      if (script) writeFileSync(path.join(MIRROR, `${name}.script.ts`), browser);
    } else if (entry.isFile()) {
      copyFileSync(path.join(ROOT, name), path.join(MIRROR, name));
    }
  }
}

/** The mirror's names back to the files people edit, in any reporter's output. */
function realNames(report: string): string {
  return report.replaceAll(/[.]astro[.]script[.]ts\b/g, '.astro <script>').replaceAll(/[.]astro[.]ts\b/g, '.astro');
}

try {
  for (const entry of MIRRORED) {
    mkdirSync(path.dirname(path.join(MIRROR, entry)), { recursive: true });
    if (entry.includes('.')) copyFileSync(path.join(ROOT, entry), path.join(MIRROR, entry));
    else mirror(entry);
  }
  // Packages resolve from the mirror as from the project, and are named node_modules/… (preserveSymlinks).
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(MIRROR, 'node_modules'), 'dir');

  const options = await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.mjs'));
  // The report comes from cruise() itself: format() on a saved result would summarise it again without the
  // rules, and lose the chain of imports of a reachability violation.
  const report = await cruise(CRUISED, { ...options, baseDir: MIRROR, outputType: args['output-type'] as OutputType });
  process.stdout.write(realNames(String(report.output)));
  process.exitCode = report.exitCode > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof AstroSyntaxError)) throw error;
  console.error(`lint:deps cannot read the imports of ${error.message}`);
  process.exitCode = 2;
} finally {
  rmSync(MIRROR, { recursive: true, force: true });
}
