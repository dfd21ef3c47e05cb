/**
 * hub(): the one Astro integration of the advocacy hub. When Astro starts it
 * reads and checks content/settings.yaml (once), works out the site's
 * configuration from it (site and base path, Markdown sanitizing, the
 * Content Security Policy, MDX and the sitemap), and hands settings and
 * paths to everything Astro runs through `virtual:hub/config`. It owns the
 * routes that are not pages of the site — Decap CMS under /admin/, share
 * cards under /og/, the feeds — and, in its build hooks, the search index,
 * the share cards' copy into dist/ and the security headers.
 *
 * Its options come from the environment (docs/architecture.md lists them):
 * HUB_CONTENT_DIR, HUB_NOW, HUB_CARD_CACHE, HUB_CARD_THREADS, HUB_CACHE_DIR,
 * and the CMS's HUB_CMS_*. Nothing else in src/ reads the environment.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { SETTINGS_FILE } from '../model/collections.ts';
import { formatProblem } from '../lib/problems.ts';
import { InvalidNowError, resolveNow } from '../lib/publish.ts';
import { sanitizeMarkdown } from '../lib/markdown/sanitize.ts';
import { SITE_DIRECTIVES } from '../lib/security/policy.ts';
import { cmsBackend, savesNothing } from '../lib/cms/backend.ts';
import { pathShower } from '../content/check.ts';
import { contentRoot } from '../content/tree.ts';
import { readSettings } from '../content/settings.ts';
import { cms, notCms } from './cms.ts';
import { type HubPart, combineParts } from './part.ts';
import { RENDERED_PAGES_MIDDLEWARE } from './rendered-pages.ts';
import { type RuntimeConfig, runtimeConfigPlugin } from './runtime-config.ts';
import { dataStore } from './data-store.ts';
import { pageKeys } from './page-keys.ts';
import { PAGE_READS_FILE } from '../lib/page-key.ts';

/** Where the content loader remembers the lines of the CMS's facts, in Astro's cache (src/content/cms-facts.ts). */
const FACT_LINES_FILE = 'cms-fact-lines.json';
import { memory } from './memory.ts';
import { copiedPages } from './copied-pages.ts';
import { cspDigests } from './csp-digests.ts';
import { searchIndex } from './search.ts';
import { keepSettings, lastGoodSettings, settingsProblemsPlugin } from './settings-problems.ts';
import { securityHeaders } from './security-headers.ts';
import { shareCards } from './share-cards.ts';
import { siteAndBase } from './site.ts';
import { webApp } from './web-app.ts';
import { makeExitSafe } from './safe-exit.ts';
import { OFFLINE_PATH } from '../lib/web-app/service-worker.ts';
import { hubLanguages, sameLanguage, settingsIn } from '../model/schemas/settings.ts';
import { type LanguagePlan, languageSegment } from '../lib/translations.ts';
import { LANGUAGE_VARIABLE, type LanguageRun, languages } from './languages.ts';

/** The environment variables the hub reads (all optional). */
export type HubEnvironment = Partial<
  Record<
    | 'HUB_CONTENT_DIR'
    | 'HUB_NOW'
    | 'HUB_CARD_CACHE'
    | 'HUB_CARD_THREADS'
    | 'HUB_CACHE_DIR'
    | 'HUB_LANGUAGE'
    | 'HUB_CMS_ROOT'
    | 'HUB_CMS_PROXY_URL'
    | 'HUB_CMS_BACKEND'
    | 'HUB_CMS_REPO'
    | 'HUB_CMS_BRANCH'
    | 'HUB_CMS_BASE_URL',
    string
  >
>;

/** Routes of the hub that are not pages of the site. */
const ROUTES: Record<string, string> = {
  '/og/hub.png': 'og/hub.png.ts',
  '/og/[collection]/[id].png': 'og/[collection]/[id].png.ts',
  '/rss.xml': 'rss.xml.ts',
  '/snippets.json': 'snippets.json.ts',
  '/snippets/[page].json': 'snippets/[page].json.ts',
  '/snippets.schema.json': 'snippets.schema.json.ts',
  '/search/words.json': 'search-words.json.ts',
  '/start/tracks.json': 'tracks.json.ts',
  '/calendar.ics': 'calendar.ics.ts',
  '/digest.json': 'digest.json.ts',
  '/digest/[team].json': 'digest/[team].json.ts',
  '/feeds/[feed].xml': 'feeds/[feed].xml.ts',
  '/feeds/[feed].json': 'feeds/[feed].json.ts',
  '/favicon.svg': 'favicon.svg.ts',
};

/** The installable web app's routes (settings.web_app); its service worker is written after the build (web-app.ts). */
const WEB_APP_ROUTES: Record<string, string> = {
  '/manifest.webmanifest': 'manifest.webmanifest.ts',
  '/icons/[icon].png': 'icons/[icon].png.ts',
};

export function hub(env: HubEnvironment = process.env): AstroIntegration {
  makeExitSafe();
  // Known once settings are read (astro:config:setup); the worker is written after the build.
  let webAppOn = true;
  // Known once settings are read: the language this run builds, and whether it is the default (which has /admin/).
  let languageRun: LanguageRun | undefined;
  const isDefaultLanguage = () => !languageRun || languageRun.current === languageRun.plan.default;
  const parts: HubPart[] = [
    dataStore(),
    cspDigests(),
    cms(isDefaultLanguage),
    shareCards(),
    memory(),
    pageKeys(),
    copiedPages(),
    searchIndex(),
    webApp(() => webAppOn),
    securityHeaders(),
  ];
  const hooks = combineParts(parts);
  return {
    name: 'hub',
    hooks: {
      ...hooks,
      'astro:config:setup': async (params) => {
        const { config, command, logger, updateConfig, injectRoute, addMiddleware, addWatchFile } = params;
        const project = fileURLToPath(config.root);
        // Settings and HUB_NOW are reported like content, under hub:content.
        const runtime = runtimeConfig({ env, command, project, publicDir: fileURLToPath(config.publicDir), logger: logger.fork('hub:content') });
        // Settings shape the whole site (base path, Markdown, every page): a change restarts `astro dev`.
        const settingsFile = path.join(runtime.paths.content, SETTINGS_FILE);
        addWatchFile(settingsFile);
        const { site, base: rootBase } = siteAndBase(runtime.settings.site);
        languageRun = { current: runtime.language.current, plan: runtime.language.plan, now: runtime.now, rootBase };
        // Another language's pages live under /<language>/, with Astro's cache of their own (its content store holds that language's entries).
        const segment = languageSegment(runtime.language.current, runtime.language.plan);
        const base = `${rootBase}${segment}`;
        const cacheDir = env.HUB_CACHE_DIR ? path.resolve(project, env.HUB_CACHE_DIR) : segment ? fileURLToPath(config.cacheDir) : undefined;
        const updated = updateConfig({
          site,
          base,
          // Entry pages are folders (/share/<id>/): part of the content model's URLs.
          trailingSlash: 'always',
          // Four pages in flight: with one, the build's thread waits for each page's file to be written
          // (a third of a 10,000-entry build idle); four cut rendering by a fifth, eight is slower again
          // (docs/benchmarks.md, "At scale").
          build: { format: 'directory', concurrency: 4 },
          // Separate caches let tests build several content trees side by side.
          ...(cacheDir ? { cacheDir: pathToFileURL(`${path.join(cacheDir, segment ? `language-${segment}` : '')}/`) } : {}),
          // A Content Security Policy in every page (Astro hashes the scripts and styles it renders);
          // security-headers.ts repeats it as HTTP headers in dist/_headers.
          security: { csp: { algorithm: 'SHA-256', directives: [...SITE_DIRECTIVES] } },
          // A build copies an entry page from the last one when its code and its key (src/views/page-key.ts) are unchanged.
          experimental: { incrementalBuild: true },
          markdown: {
            // Raw HTML in Markdown bodies is parsed, then cut down to safe formatting (src/lib/markdown/safe-html.ts).
            processor: satteri({ features: { rawHtml: true }, hastPlugins: [sanitizeMarkdown({ site: runtime.settings.site })] }),
            // Prism marks code with classes; Shiki's inline style attributes would need 'unsafe-inline' styles.
            syntaxHighlight: 'prism',
          },
          // The offline page is what the service worker shows without a connection, no page to find.
          // Languages last: once the default language is built (its sitemap too), it builds the others and merges their sitemaps.
          integrations: [
            mdx(),
            sitemap({ filter: (page) => notCms(base)(page) && new URL(page).pathname !== `${base.replace(/\/?$/, '/')}${OFFLINE_PATH}` }),
            languages(() => languageRun),
          ],
          vite: {
            plugins: [
              runtimeConfigPlugin(runtime),
              settingsProblemsPlugin(runtime.settingsProblems, settingsFile, () =>
                readSettings({ root: runtime.paths.content, publicDir: fileURLToPath(config.publicDir), show: pathShower(project) }).problems.filter(
                  (p) => p.severity === 'error',
                ),
              ),
            ],
            // Test and benchmark builds write under .cache/; `astro dev` need not watch them.
            server: { watch: { ignored: ['**/.cache/**'] } },
          },
        });
        if (command === 'build') {
          runtime.pageReads = fileURLToPath(new URL(PAGE_READS_FILE, updated.cacheDir));
          runtime.factLines = fileURLToPath(new URL(FACT_LINES_FILE, updated.cacheDir));
        }
        webAppOn = runtime.settings.web_app;
        const routes = webAppOn ? { ...ROUTES, ...WEB_APP_ROUTES } : ROUTES;
        for (const [pattern, file] of Object.entries(routes)) injectRoute({ pattern, entrypoint: new URL(`./routes/${file}`, import.meta.url) });
        if (command === 'build') addMiddleware({ entrypoint: RENDERED_PAGES_MIDDLEWARE, order: 'post' });
        await hooks['astro:config:setup']?.({ ...params, config: updated });
      },
    },
  };
}

/** Everything `virtual:hub/config` holds, from settings.yaml and the environment; stops Astro with the report when settings are wrong. */
export function runtimeConfig(options: { env: HubEnvironment; command: string; project: string; publicDir: string; logger: AstroIntegrationLogger }): RuntimeConfig {
  const { env, command, project, publicDir, logger } = options;
  const stop = (message: string): never => {
    logger.error(message);
    process.exit(1);
  };
  let now: Date;
  try {
    // One instant for the whole run, so every route, feed and check agrees on what is published.
    now = resolveNow(env.HUB_NOW);
  } catch (error) {
    if (!(error instanceof InvalidNowError)) throw error;
    return stop(error.message);
  }
  const content = contentRoot(env.HUB_CONTENT_DIR, project);
  const read = readSettings({ root: content, publicDir, show: pathShower(project) });
  for (const problem of read.problems) (problem.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(problem));
  let settings = read.settings;
  if (settings) keepSettings(settings);
  else if (command === 'dev') {
    // `astro dev` restarts when settings.yaml changes: instead of stopping (and taking /admin/ with it),
    // it serves the report on every page until the file is fixed (settings-problems.ts).
    logger.error(`${SETTINGS_FILE} has errors: every page shows them until the file is fixed; it is read again when saved.`);
    settings = lastGoodSettings();
  } else return stop(`${SETTINGS_FILE} has errors: fix them and start again.`);
  const settingsProblems = read.settings ? [] : read.problems.filter((p) => p.severity === 'error');
  const plan: LanguagePlan = { default: settings.lang, languages: hubLanguages(settings), untranslated: settings.untranslated };
  const asked = env[LANGUAGE_VARIABLE]?.trim();
  const current = asked ? plan.languages.find((language) => sameLanguage(language, asked)) : plan.default;
  if (!current) return stop(`${LANGUAGE_VARIABLE}=${asked} is not one of the hub's languages (${plan.languages.join(', ')}, from ${SETTINGS_FILE}).`);
  // Folders are relative to the repository Decap commits to (decap-server's GIT_REPO_DIRECTORY locally).
  const repoRoot = path.resolve(project, env.HUB_CMS_ROOT ?? '.');
  const { backend, editorialWorkflow } = cmsBackend({ settings, proxyUrl: env.HUB_CMS_PROXY_URL || undefined, env });
  if (command === 'build' && savesNothing(backend)) {
    logger.warn(
      `${SETTINGS_FILE} has no "cms:" block, so the built /admin/ runs Decap's in-memory demo backend and saves nothing (it says so on the page). ` +
        'To edit the deployed hub, add one: docs/editing.md explains the GitHub, GitLab and Netlify set-ups.',
    );
  }
  return {
    // The pages of this run speak its language: settings.lang is it (the content check keeps the default, language.plan.default).
    settings: settingsIn(settings, current),
    now,
    command,
    paths: { project, content, public: publicDir },
    cards: {
      cacheDir: path.resolve(project, env.HUB_CARD_CACHE || '.cache/cards'),
      rendererDir: fileURLToPath(new URL('../lib/cards/', import.meta.url)),
      ...(Number(env.HUB_CARD_THREADS) > 0 ? { threads: Number(env.HUB_CARD_THREADS) } : {}),
    },
    cms: {
      backend,
      editorialWorkflow,
      contentPath: path.relative(repoRoot, content).split(path.sep).join('/'),
      nowPinned: Boolean(env.HUB_NOW),
    },
    search: { indexed: command === 'build' },
    pageReads: undefined,
    factLines: undefined,
    language: { current, plan, rootBase: siteAndBase(settings.site).base, defaultSettings: settings },
    settingsProblems,
  };
}
