/**
 * A hub in several languages is built one language at a time, the way Hugo
 * builds a multilingual site: `astro build` builds the default language at
 * the hub's URLs, then builds each other language, in a process of its own
 * (HUB_LANGUAGE), into dist/<language>/ with the base path /<language>/.
 * Every page, feed, card, calendar and search index of a language is then
 * that language's, through the same code as a one-language hub: nothing in
 * the pages has to thread a language through. Each language's pages link
 * to the others (hreflang, the switcher: src/views/languages.ts).
 *
 * Once all are built, this part merges what a host reads only at the root:
 * the security headers of every language into dist/_headers, and the
 * sitemaps into one whose URLs list their alternates in the other
 * languages. A language that fails to build fails the build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { type LanguagePlan, languageSegment } from '../lib/translations.ts';
import { HEADERS_FILE } from './security-headers.ts';
import { FORCE_FLAG, forcedBuild } from '../lib/force.ts';

/** The environment variable that makes `astro build` build one language other than the default. */
export const LANGUAGE_VARIABLE = 'HUB_LANGUAGE';

const SITEMAP_INDEX = 'sitemap-index.xml';

export interface LanguageRun {
  /** This run's language. */
  current: string;
  plan: LanguagePlan;
  /** The instant the run publishes for: every language publishes for the same one. */
  now: Date;
  /** The site's base path, where the default language's pages are (`/`, or `/hub/`). */
  rootBase: string;
}

/**
 * An integration of its own, added after @astrojs/sitemap (src/hub/index.ts): its build hook runs once
 * the default language's sitemap is written, which it merges with the others'.
 */
export function languages(run: () => LanguageRun | undefined): AstroIntegration {
  let project = '';
  return {
    name: 'hub:languages',
    hooks: {
      'astro:config:done': ({ config }) => {
        project = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const languageRun = run();
        if (!languageRun || languageRun.current !== languageRun.plan.default) return;
        const others = languageRun.plan.languages.slice(1);
        if (others.length === 0) return;
        const outDir = fileURLToPath(dir);
        for (const language of others) {
          const started = performance.now();
          const target = path.join(outDir, languageSegment(language, languageRun.plan));
          const code = await buildLanguage({ language, project, outDir: target, now: languageRun.now, logger });
          if (code !== 0) {
            logger.error(`The ${language} pages did not build (see above); the build stops.`);
            process.exit(1);
          }
          logger.info(`${language}: built in ${((performance.now() - started) / 1000).toFixed(1)} s into ${path.relative(project, target)}/`);
        }
        const segments = others.map((language) => languageSegment(language, languageRun.plan));
        mergeHeaders(outDir, languageRun.rootBase, segments);
        mergeSitemaps(outDir, languageRun.plan);
      },
    },
  };
}

/** The command line of one language's build: Astro's CLI into `outDir`, forced when this build is (`--force`). */
export function languageBuildArgs(astro: string, outDir: string, argv: readonly string[] = process.argv): string[] {
  return [astro, 'build', '--outDir', outDir, ...(forcedBuild(argv) ? [FORCE_FLAG] : [])];
}

/** One language's pages, by `astro build` in a process of its own; its output is logged under the language. */
function buildLanguage(options: { language: string; project: string; outDir: string; now: Date; logger: AstroIntegrationLogger }): Promise<number | null> {
  const { language, project, outDir, now, logger } = options;
  const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, languageBuildArgs(astro, outDir), {
      cwd: project,
      env: { ...process.env, [LANGUAGE_VARIABLE]: language, HUB_NOW: now.toISOString() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = logger.fork(`hub:${language}`);
    const relay = (write: (line: string) => void) => {
      let rest = '';
      return (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        // Without the child's own clock: the logger puts the time in front already.
        for (const line of lines) if (line.trim()) write(line.replace(/^\d\d:\d\d:\d\d /, ''));
      };
    };
    child.stdout.on(
      'data',
      relay((line) => log.info(line)),
    );
    child.stderr.on(
      'data',
      relay((line) => log.error(line)),
    );
    child.on('error', (error) => {
      log.error(error.message);
      resolve(1);
    });
    child.on('close', (code) => resolve(code));
  });
}

/**
 * Hosts read _headers at the root only: each language's rules (their paths carry /<language>/) join the
 * default's. A language's catch-all rule (`/de/*`) repeats the root's `/*`, which covers its pages already:
 * kept, a host would send each of those headers twice.
 */
function mergeHeaders(outDir: string, rootBase: string, segments: readonly string[]) {
  const root = path.join(outDir, HEADERS_FILE);
  if (!existsSync(root)) return;
  const text = readFileSync(root, 'utf8');
  const siteWide = rulesOf(text).find((rule) => rule.path === `${rootBase}*`);
  const merged = [text.replace(/\n*$/, '\n')];
  for (const segment of segments) {
    const file = path.join(outDir, segment, HEADERS_FILE);
    if (!existsSync(file)) continue;
    const rules = rulesOf(readFileSync(file, 'utf8')).filter((rule) => !(rule.path === `${rootBase}${segment}*` && rule.headers === siteWide?.headers));
    if (rules.length) merged.push(rules.map((rule) => rule.text).join('\n\n') + '\n');
    rmSync(file);
  }
  writeFileSync(root, merged.join('\n'));
}

/** The rules of a _headers file: a path line, then its indented header lines; comments left out. */
function rulesOf(text: string): { path: string; headers: string; text: string }[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() && !line.startsWith('#')))
    .filter((lines) => lines.length > 0)
    .map(([first, ...headers]) => ({ path: first!.trim(), headers: headers.join('\n'), text: [first, ...headers].join('\n') }));
}

interface SitemapUrl {
  loc: string;
  rest: string;
}

/**
 * One sitemap for every language: each URL with `xhtml:link` alternates for the languages that have the
 * same page, as search engines read hreflang from sitemaps. Each language's own sitemap files are removed.
 */
function mergeSitemaps(outDir: string, plan: LanguagePlan) {
  const index = path.join(outDir, SITEMAP_INDEX);
  if (!existsSync(index)) return;
  const site = siteRoot(outDir);
  if (!site) return;
  const byLanguage = new Map<string, SitemapUrl[]>();
  for (const language of plan.languages) {
    const folder = path.join(outDir, languageSegment(language, plan));
    const locs = sitemapLocs(folder);
    const prefix = site + languageSegment(language, plan);
    byLanguage.set(
      language,
      locs.filter((loc) => loc.startsWith(prefix)).map((loc) => ({ loc, rest: loc.slice(prefix.length) })),
    );
    if (languageSegment(language, plan)) for (const file of sitemapFiles(folder)) rmSync(path.join(folder, file));
  }
  const pages = new Map<string, Map<string, string>>();
  for (const [language, urls] of byLanguage) {
    for (const { loc, rest } of urls) {
      if (!pages.has(rest)) pages.set(rest, new Map());
      pages.get(rest)!.set(language, loc);
    }
  }
  const entries: string[] = [];
  for (const alternates of pages.values()) {
    const links = alternates.size > 1 ? [...alternates].map(([language, loc]) => `<xhtml:link rel="alternate" hreflang="${xml(language)}" href="${xml(loc)}"/>`) : [];
    const fallback = alternates.get(plan.default);
    if (links.length && fallback) links.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${xml(fallback)}"/>`);
    for (const loc of alternates.values()) entries.push(`<url><loc>${xml(loc)}</loc>${links.join('')}</url>`);
  }
  for (const file of sitemapFiles(outDir)) if (file !== SITEMAP_INDEX) rmSync(path.join(outDir, file));
  writeFileSync(
    path.join(outDir, 'sitemap-0.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${entries.join('')}</urlset>\n`,
  );
  writeFileSync(
    index,
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${xml(`${site}sitemap-0.xml`)}</loc></sitemap></sitemapindex>\n`,
  );
}

/** The site's root URL as the default language's sitemap index names it (`https://hub.example/base/`). */
function siteRoot(outDir: string): string | undefined {
  const first = /<loc>([^<]+)<\/loc>/.exec(readFileSync(path.join(outDir, SITEMAP_INDEX), 'utf8'))?.[1];
  return first ? unxml(first).replace(/sitemap-[^/]*\.xml$/, '') : undefined;
}

function sitemapFiles(folder: string): string[] {
  const index = path.join(folder, SITEMAP_INDEX);
  if (!existsSync(index)) return [];
  const parts = [...readFileSync(index, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => unxml(m[1]!).split('/').pop()!);
  return [SITEMAP_INDEX, ...parts.filter((file) => existsSync(path.join(folder, file)))];
}

function sitemapLocs(folder: string): string[] {
  return sitemapFiles(folder)
    .filter((file) => file !== SITEMAP_INDEX)
    .flatMap((file) => [...readFileSync(path.join(folder, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => unxml(m[1]!)));
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unxml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
