/**
 * The configuration the hub() integration hands to everything Astro and Vite
 * run (routes, components, view models, the content loader) as the virtual
 * module `virtual:hub/config`: worked out once when Astro starts, from
 * settings.yaml and the environment, instead of each module reading files
 * or environment variables itself. Its types: src/hub/virtual-config.d.ts.
 */
import type { Plugin } from 'vite';
import type { Settings } from '../model/schemas/settings.ts';
import type { Problem } from '../lib/problems.ts';
import type { LanguagePlan } from '../lib/translations.ts';

export const CONFIG_MODULE = 'virtual:hub/config';

/** What `virtual:hub/config` exports. */
export interface RuntimeConfig {
  /** content/settings.yaml, checked. */
  settings: Settings;
  /** The instant this build publishes for (HUB_NOW, or when Astro started). */
  now: Date;
  /** The Astro command: "build", "dev", "preview" or "sync". */
  command: string;
  paths: {
    /** The project folder. */
    project: string;
    /** The content folder (HUB_CONTENT_DIR, default content/). */
    content: string;
    /** The project's public/ folder. */
    public: string;
  };
  cards: {
    /** Where drawn cards are kept between builds (HUB_CARD_CACHE, default .cache/cards/). */
    cacheDir: string;
    /** The card renderer's sources, which its worker processes run unbundled. */
    rendererDir: string;
    /** Worker threads (HUB_CARD_THREADS). Default: one per core. */
    threads?: number;
  };
  cms: {
    /** Decap's backend block, from settings.cms, HUB_CMS_* and local editing. */
    backend: Record<string, string | boolean>;
    editorialWorkflow: boolean;
    /** The content folder relative to the repository the CMS commits to, with forward slashes. */
    contentPath: string;
    /** Whether HUB_NOW is set: the CMS's save check then publishes for the build's instant too, not for the editor's clock. */
    nowPinned: boolean;
  };
  search: {
    /** Whether this run writes a search index: `astro build` does, `astro dev` does not. */
    indexed: boolean;
  };
  /**
   * `astro build` only: where what each entry page read of the content is kept between builds, in Astro's
   * cache: its key in the incremental build (src/views/page-key.ts, src/hub/page-keys.ts). Set once the cache folder is known.
   */
  pageReads: string | undefined;
  /**
   * `astro build` only: where the lines of the CMS's facts are remembered between builds, in Astro's cache
   * (src/content/cms-facts.ts, `rememberedLines`). Set once the cache folder is known.
   */
  factLines: string | undefined;
  /**
   * The language whose pages this run builds (`settings.lang` is set to it) and the hub's languages:
   * `astro build` builds the default language, then each other one under /<language>/ (src/hub/languages.ts).
   */
  language: {
    current: string;
    plan: LanguagePlan;
    /** The site's base path without the language's segment: where the default language's pages are. */
    rootBase: string;
    /** settings.yaml as written, in the default language: what content is checked against. */
    defaultSettings: Settings;
  };
  /**
   * `astro dev` only: the errors of settings.yaml when it has some. `settings` then holds the last
   * good settings (or a placeholder), every page shows these problems, and no entry is loaded.
   */
  settingsProblems: Problem[];
}

/** Where the module finds the instant of the run: a global of the process, not its code (see below). */
const NOW_KEY = 'hub:now';

/**
 * The Vite plugin that serves `virtual:hub/config`, written when first loaded (so `pageReads`, known
 * once Astro's cache folder is, can be set after the plugin is made).
 *
 * The instant is not written into the module: Astro's incremental build hashes each page's modules
 * and renders every page again when one changes, and without HUB_NOW the instant changes with every
 * build. The pages' keys hold what the instant decides instead (src/views/page-key.ts).
 */
export function runtimeConfigPlugin(config: RuntimeConfig): Plugin {
  const resolved = `\0${CONFIG_MODULE}`;
  (globalThis as Record<symbol, unknown>)[Symbol.for(NOW_KEY)] = config.now.toISOString();
  const code = () => {
    const { now: _now, ...plain } = config;
    return [
      ...Object.entries(plain).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`),
      `const now_ = globalThis[Symbol.for(${JSON.stringify(NOW_KEY)})];`,
      `if (typeof now_ !== 'string') throw new Error('virtual:hub/config runs outside the hub() integration that sets its instant');`,
      `export const now = new Date(now_);`,
    ].join('\n');
  };
  return {
    name: 'hub:runtime-config',
    resolveId: (id) => (id === CONFIG_MODULE ? resolved : undefined),
    load: (id) => (id === resolved ? code() : undefined),
  };
}
