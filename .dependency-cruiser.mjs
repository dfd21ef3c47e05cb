/**
 * Import boundaries of the hub (docs/architecture.md): each layer imports only
 * itself and the layers below it, and nothing imports in a cycle.
 *
 * Run it with `npm run lint:deps` (scripts/lint-deps.ts), not with `depcruise`
 * directly: dependency-cruiser cannot read `.astro` files, so that script
 * mirrors the tree into a temporary folder with each `X.astro` as `X.astro.ts`
 * (its frontmatter) and `X.astro.script.ts` (its processed `<script>` blocks,
 * browser code), and names them `X.astro` / `X.astro <script>` in the report.
 *
 * Paths are as dependency-cruiser sees them: relative to the project root,
 * npm packages as `node_modules/<name>/…`, Node's builtins without `node:`
 * (`fs`), and Astro's and Vite's virtual modules as written (`astro:content`,
 * `virtual:hub/config`), unresolved.
 */
import { builtinModules } from 'node:module';

// ── The layers ───────────────────────────────────────────────────────────────
const MODEL = '^src/model/';
const LIB = '^src/lib/';
const CLIENT = '^src/client/';
/** Browser islands: the custom elements beside the component they drive. */
const ISLANDS = ['^src/components/[^/]+[.]client[.]ts$', '^src/hub/routes/admin/[^/]+[.]client[.]ts$'];
/** The CMS's islands, which also run the content loader's own checks before a save (browser-safe modules only). */
const CMS_ISLANDS = '^src/hub/routes/admin/[^/]+[.]client[.]ts$';
/** The processed `<script>` blocks of `.astro` files (browser code), as scripts/lint-deps.ts names them. */
const ASTRO_SCRIPTS = '[.]astro[.]script[.]ts$';
const CONTENT = '^src/content/';
const CONTENT_CONFIG = '^src/content[.]config[.]ts$';
const VIEWS = '^src/views/';
const COMPONENTS = '^src/components/';
const LAYOUTS = '^src/layouts/';
const PAGES = '^src/pages/';
const ROUTES = '^src/hub/routes/';
/** The hub() integration: the files of src/hub/ itself, not its routes. */
const HUB = '^src/hub/[^/]+$';
const STYLES = '^src/styles/';
const I18N = '^src/i18n/[^/]+[.]json$';
const SCRIPTS = '^scripts/';
const SCRIPTS_LIB = '^scripts/lib/';
const BENCH = '^bench/';
const TOOLS = ['^scripts/', '^bench/', '^tests/'];

// ── What lies outside the tree ───────────────────────────────────────────────
const NPM = '^node_modules/';
const ASTRO_ZOD = '^node_modules/astro/dist/zod[.]js$';
/** Node's builtins, with and without `node:` (dependency-cruiser reports them without). */
const NODE_BUILTINS = `^(node:)?(${builtinModules.map((name) => name.replace(/^node:/, '').replaceAll('/', '[/]')).join('|')})$`;
/** Astro's runtime modules that render or route: fine anywhere Astro renders. */
const ASTRO_RENDERING = '^astro:(assets|transitions|i18n|actions|env/client)$';

/** A rule that allows `from` to import only what `allowed` matches. */
function onlyImports(name, from, allowed, comment, except) {
  return { name, severity: 'error', comment, from: { path: from, ...(except && { pathNot: except }) }, to: { pathNot: allowed } };
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    onlyImports(
      'model-imports-only-model',
      MODEL,
      [MODEL, ASTRO_ZOD],
      'src/model is the bottom layer: schemas, ids, patterns and the network registry, imported by the build and by browser code alike. ' +
        'It imports only src/model and astro/zod: no src/lib, no node: builtin, no other package. ' +
        'Fix: move the fact you need down into src/model, or move this code up into src/lib.',
    ),
    onlyImports(
      'lib-imports-lib-model-packages',
      LIB,
      [LIB, MODEL, NPM, NODE_BUILTINS],
      'src/lib is pure logic without Astro: it imports src/lib, src/model, npm packages and node: builtins. ' +
        'Never astro:* or virtual:* modules (it must run in plain Node, in tests and tools), nor content, views, hub, components, pages or client. ' +
        'Fix: pass the value in as an argument from the caller above (a view, the hub integration), or move this code up to that layer.',
    ),
    onlyImports(
      'client-imports-client-lib-model',
      CLIENT,
      [CLIENT, LIB, MODEL],
      'src/client holds browser helpers (storage, island strings): they import only src/client, src/lib and src/model. ' +
        'Fix: move what you need into src/lib or src/model (browser-safe), or keep it on the page side and hand it to the island as data.',
    ),
    {
      name: 'island-imports-client-lib-model',
      severity: 'error',
      comment:
        'A browser island (*.client.ts beside its component) imports only src/client, src/lib and src/model. ' +
        "Not another component or the component's server-side helpers, even for a type. " +
        'Fix: move the shared code or type into src/client (browser helpers) or src/model (facts and types).',
      from: { path: ISLANDS, pathNot: CMS_ISLANDS },
      to: { pathNot: [CLIENT, LIB, MODEL] },
    },
    {
      name: 'cms-island-imports-content-client-lib-model',
      severity: 'error',
      comment:
        "The CMS's islands (src/hub/routes/admin/*.client.ts) import what islands do, and the content loader's checks too " +
        '(src/content/cms-check.ts), so that Decap refuses what the build refuses with the same words; ' +
        'browser-code-reaches-no-node-builtin keeps those modules free of node:. Fix: move the code into src/lib or src/content.',
      from: { path: CMS_ISLANDS },
      to: { pathNot: [CLIENT, LIB, MODEL, CONTENT] },
    },
    {
      name: 'astro-script-imports-islands-client',
      severity: 'error',
      comment:
        'The <script> of an .astro file is browser code: it imports its island (*.client.ts) or src/client, src/lib, src/model. ' +
        'Fix: put the code in an island beside the component and import that.',
      from: { path: ASTRO_SCRIPTS },
      to: { pathNot: [...ISLANDS, CLIENT, LIB, MODEL] },
    },
    {
      name: 'browser-code-reaches-no-node-builtin',
      severity: 'error',
      comment:
        'Browser code (src/client, islands, .astro <script>) must not reach a node: builtin through any chain of imports ' +
        '(type-only and dynamic imports count: keep browser-safe modules apart from Node ones). ' +
        'Fix: split the module in the chain into a browser-safe part (src/lib or src/model) and a Node part, and import only the first.',
      from: { path: [CLIENT, ...ISLANDS, ASTRO_SCRIPTS] },
      to: { path: NODE_BUILTINS, reachable: true },
    },
    onlyImports(
      'content-imports-content-lib-model',
      CONTENT,
      [CONTENT, LIB, MODEL, NPM, NODE_BUILTINS],
      'src/content (the loader and its checks, run in Node) imports src/content, src/lib, src/model, npm packages and node: builtins. ' +
        'Not views, components, pages, the hub integration, nor astro:* / virtual:* modules. ' +
        'Fix: take what you need as a parameter of the loader or check (the hub integration and content.config.ts pass it in).',
    ),
    onlyImports(
      'content-config-imports-content-model',
      CONTENT_CONFIG,
      [CONTENT, MODEL, ASTRO_ZOD, '^astro:content$', '^virtual:hub/config$'],
      'src/content.config.ts only wires the collections: src/content (the loader), src/model (schemas), astro:content, astro/zod and virtual:hub/config. ' +
        'Fix: put logic in src/content or src/model and call it from here.',
    ),
    onlyImports(
      'views-imports-views-lib-model',
      VIEWS,
      [VIEWS, LIB, MODEL, I18N, '^astro:', '^virtual:hub/config$'],
      'src/views (what a page needs from several collections) imports src/views, src/lib, src/model, src/i18n/*.json, astro:* and virtual:hub/config. ' +
        'Not content, the hub integration, components or pages, nor npm packages or node: builtins. ' +
        'Fix: move Node or package work (reading files, hashing) into src/lib and call it from the view.',
    ),
    onlyImports(
      'components-imports-below',
      [COMPONENTS, LAYOUTS],
      [COMPONENTS, LAYOUTS, VIEWS, LIB, MODEL, CLIENT, STYLES, I18N, ASTRO_RENDERING, NPM, NODE_BUILTINS],
      'src/components and src/layouts import components, layouts, src/views, src/lib, src/model, src/client, src/styles and src/i18n. ' +
        'Not src/content, the hub integration or pages; no astro:content or virtual:hub/config (data and settings come from src/views). ' +
        'Fix: take the value as a prop, or get it from a view model in src/views.',
    ),
    onlyImports(
      'routes-imports-below',
      [PAGES, ROUTES],
      [PAGES, ROUTES, COMPONENTS, LAYOUTS, VIEWS, LIB, MODEL, CLIENT, STYLES, I18N, ASTRO_RENDERING, NPM, NODE_BUILTINS, '^astro:content$'],
      'Routes (src/pages, src/hub/routes) stay thin: getStaticPaths and a layout. They import components, layouts, src/views, src/lib, src/model, ' +
        'src/client, src/styles, src/i18n and astro:content (for render()). Not src/content, the hub integration code or virtual:hub/config. ' +
        'Fix: get settings and entries from a view in src/views (src/views/hub.ts re-exports the settings).',
      // The CMS's islands are browser code with a rule of their own (cms-island-imports-content-client-lib-model).
      CMS_ISLANDS,
    ),
    onlyImports(
      'hub-imports-hub-content-lib-model',
      HUB,
      [HUB, CONTENT, LIB, MODEL, NPM, NODE_BUILTINS],
      'The hub() integration (src/hub/*.ts) runs in Node while Astro starts: it imports src/hub, src/content, src/lib, src/model, npm packages and node: builtins. ' +
        'Not views, components, pages, layouts, nor astro:* / virtual:* modules (those exist only inside the build). ' +
        'Fix: hand values to runtime code through virtual:hub/config; reference routes by URL (injectRoute), not by import.',
    ),
    {
      name: 'src-imports-no-tools',
      severity: 'error',
      comment:
        'Nothing in src/ imports scripts/, bench/ or tests/: those are Node tools around the site, never part of it. ' +
        'Fix: move the shared code into src/lib (or src/model) and import it from both sides.',
      // The layers' own rules already refuse it; this one covers the rest of src/ (i18n, styles, declarations).
      from: { path: '^src/', pathNot: [MODEL, LIB, CLIENT, ...ISLANDS, CONTENT, CONTENT_CONFIG, VIEWS, COMPONENTS, LAYOUTS, PAGES, ROUTES, HUB] },
      to: { path: TOOLS },
    },
    onlyImports(
      'scripts-imports-scripts-lib-and-src-below-views',
      SCRIPTS,
      [SCRIPTS_LIB, MODEL, LIB, CONTENT, HUB, I18N, NPM, NODE_BUILTINS],
      'scripts/ (Node tools) imports scripts/lib, src/model, src/lib, src/content, the hub integration (src/hub/*.ts), src/i18n data, npm packages and node: builtins. ' +
        "Never views, components, pages, layouts or client code, which need Astro or a browser; never another tool's entry point. " +
        'Fix: move code shared by tools into scripts/lib.',
    ),
    onlyImports(
      'bench-imports-bench-scripts-lib-and-src-below-views',
      BENCH,
      [BENCH, SCRIPTS_LIB, MODEL, LIB, CONTENT, HUB, I18N, NPM, NODE_BUILTINS],
      'bench/ imports bench/, scripts/lib, src/model, src/lib, src/content, the hub integration (src/hub/*.ts), src/i18n data, npm packages and node: builtins. ' +
        'Not tests/ (tests may import tools, not the other way round), views, components, pages or client code. ' +
        'Fix: move what bench and tests share into scripts/lib.',
    ),
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This import closes a cycle: the modules in it can only be understood, tested and loaded together (and one sees the other half-initialised). ' +
        'Fix: move what both sides need into a module below them, or pass it in as a parameter.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import does not resolve to a file or an installed package (astro:* and virtual:* modules exist only inside the build and are exempt). ' +
        'Fix: correct the path (with its extension, .ts or .astro), or add the package to package.json.',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^astro:', '^virtual:'] },
    },
    {
      name: 'no-undeclared-package',
      severity: 'error',
      comment:
        'This package is not in package.json: it is only there because something else depends on it and can vanish with any update. ' +
        'Fix: npm install --save-exact it (-D if only tools and tests use it).',
      from: {},
      // A type-only import of a dependency's own dependency (Vite's Plugin type, through Astro) is exempt: pinning
      // that package ourselves could install a second copy whose types no longer match; `astro check` catches its loss.
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-not-to-dev-dependency',
      severity: 'error',
      comment:
        'Code in src/ runs in the build and the browser: it may use only "dependencies", which `npm run audit:prod` audits, not devDependencies. ' +
        'Fix: move the package to "dependencies" (npm install --save-exact), or keep its use in scripts/, bench/ or tests/. Type-only imports are fine.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    // bench/control is a separate Astro project, the benchmark's baseline: its own layers, none of ours.
    exclude: { path: '^bench/control/' },
    doNotFollow: { path: NPM },
    // Type-only imports are imports too: a model that imports a type from src/lib still depends on it.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
    // scripts/lint-deps.ts links node_modules into its mirror; keep that path rather than the link's target.
    preserveSymlinks: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
      mainFields: ['module', 'main'],
    },
    skipAnalysisNotInRules: true,
  },
};
