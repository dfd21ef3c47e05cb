/**
 * A hub in several languages (settings.languages): the default language at the hub's URLs, each other
 * one under /<language>/, every page with its language and direction, alternates in the head and in
 * one sitemap, translations where they exist and, for the rest, what settings.untranslated says.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { built } from '../support/builds.ts';
import { filesWith, readText } from '../support/html.ts';

const de = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../src/i18n/de.json'), 'utf8')) as Record<string, string>;

const build = await built('languages@2026-11-22');
const hide = await built('languages-hide@2026-11-22');
const single = await built('valid@2026-11-22');
const SITE = 'https://hub.fixture.example';

/** The `<link rel="alternate" hreflang>` of a page, language → URL. */
function alternates(html: string): Record<string, string> {
  const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)];
  return Object.fromEntries(links.map((m) => [m[1], m[2]]));
}

const htmlRoot = (html: string) => /<html\b[^>]*>/i.exec(html)?.[0] ?? '';

describe('a hub in English, German and Arabic', () => {
  it('builds every language: German and Arabic under /de/ and /ar/, with no /admin/ of their own', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/de: built in [\d.]+ s/);
    expect(build.output).toMatch(/ar: built in [\d.]+ s/);
    for (const language of ['de', 'ar']) {
      expect(existsSync(path.join(build.outDir, language, 'index.html'))).toBe(true);
      expect(existsSync(path.join(build.outDir, language, 'admin'))).toBe(false);
    }
    expect(existsSync(path.join(build.outDir, 'admin', 'index.html'))).toBe(true);
  });

  it('gives every page its language and direction', () => {
    const pages = filesWith(build.outDir, ['.html']).filter((file) => !file.startsWith('admin/'));
    const expected = (file: string) => (file.startsWith('de/') ? ['de', 'ltr'] : file.startsWith('ar/') ? ['ar', 'rtl'] : ['en', 'ltr']);
    const wrong = pages.filter((file) => {
      const [lang, dir] = expected(file);
      const root = htmlRoot(readText(build.outDir, file));
      return !root.includes(`lang="${lang}"`) || !root.includes(`dir="${dir}"`);
    });
    expect(pages.filter((file) => file.startsWith('de/')).length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it('shows the translation where there is one, in the interface of its language', () => {
    const snippet = readText(build.outDir, 'de/share/live/index.html');
    expect(snippet).toMatch(/<h1[^>]*>Live-Beitrag</);
    expect(snippet).toContain('Wir haben etwas gestartet, an dem ich ein Jahr gearbeitet habe.');
    expect(snippet).toContain(de['sharePanel.title']);
    expect(snippet).not.toContain('untranslated" role="note"');
    expect(readText(build.outDir, 'share/live/index.html')).toMatch(/<h1[^>]*>Live snippet</);
    expect(readText(build.outDir, 'ar/guidelines/be-honest/index.html')).toContain('كن صادقًا');
    // settings.translations.de.description
    expect(readText(build.outDir, 'de/index.html')).toContain('<meta name="description" content="Beiträge zum Teilen für die Leute von Fixture Corp.">');
    expect(readText(build.outDir, 'index.html')).not.toContain('Beiträge zum Teilen');
  });

  it('links each page to the same page in the other languages, in the head', () => {
    const expected = { en: `${SITE}/share/live/`, de: `${SITE}/de/share/live/`, ar: `${SITE}/ar/share/live/`, 'x-default': `${SITE}/share/live/` };
    for (const file of ['share/live/index.html', 'de/share/live/index.html', 'ar/share/live/index.html'])
      expect(alternates(readText(build.outDir, file)), file).toEqual(expected);
    expect(alternates(readText(build.outDir, 'de/index.html'))).toEqual({ en: `${SITE}/`, de: `${SITE}/de/`, ar: `${SITE}/ar/`, 'x-default': `${SITE}/` });
  });

  it('has a language switcher that keeps the page, each language named in itself', () => {
    const html = readText(build.outDir, 'de/share/live/index.html');
    const nav = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(nav).toContain(`aria-label="${de['languages.label']}"`);
    expect(nav).toContain('<a href="/share/live/" hreflang="en" lang="en">English</a>');
    expect(nav).toContain('<span lang="de" aria-current="page">Deutsch</span>');
    expect(nav).toContain('<a href="/ar/share/live/" hreflang="ar" lang="ar">العربية</a>');
    // A hub of one language has none.
    expect(readText(single.outDir, 'share/live/index.html')).not.toContain('language-switcher');
  });

  it('shows an untranslated entry in English on the German pages, marked, and keeps it out of the German search index', () => {
    const page = readText(build.outDir, 'de/training/basics/index.html');
    const note = de['languages.untranslated']!.replace('{language}', 'Deutsch').replace('{source}', 'Englisch');
    expect(page).toContain(note);
    // Its words are marked English for screen readers (WCAG 3.1.2): the title, the body, the quiz; the interface stays German.
    expect(page).toMatch(/<h1 dir="auto" lang="en">/);
    expect(page).toMatch(/<div class="prose" dir="auto" lang="en">/);
    expect(htmlRoot(page)).toContain('lang="de"');
    expect(readText(build.outDir, 'de/training/index.html')).toMatch(/<h[23] class="card-title" dir="auto" lang="en">\s*<a href="\/de\/training\/basics\/">/);
    // A translated page marks none of its words as another language's.
    const translated = readText(build.outDir, 'de/share/live/index.html');
    expect(translated).toMatch(/<h1 dir="auto">/);
    expect(translated).toMatch(/<div class="prose" dir="auto">/);
    expect(page).not.toContain('data-pagefind-body');
    expect(readText(build.outDir, 'de/share/live/index.html')).toContain('data-pagefind-body');
    expect(alternates(readText(build.outDir, 'training/basics/index.html'))).toHaveProperty('de', `${SITE}/de/training/basics/`);
  });

  it('writes one sitemap with every language, each URL with its alternates', () => {
    const sitemap = readText(build.outDir, 'sitemap-0.xml');
    expect(readText(build.outDir, 'sitemap-index.xml')).toContain(`<loc>${SITE}/sitemap-0.xml</loc>`);
    expect(existsSync(path.join(build.outDir, 'de', 'sitemap-index.xml'))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'de', 'sitemap-0.xml'))).toBe(false);
    const entry = new RegExp(`<url><loc>${SITE}/de/share/live/</loc>(.*?)</url>`).exec(sitemap)?.[1] ?? '';
    expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${SITE}/share/live/"/>`);
    expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="ar" href="${SITE}/ar/share/live/"/>`);
    expect(entry).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${SITE}/share/live/"/>`);
    expect(sitemap).toContain(`<loc>${SITE}/ar/guidelines/be-honest/</loc>`);
  });

  it('serves the security headers of every language from the one _headers file', () => {
    const headers = readText(build.outDir, '_headers');
    expect(headers).toMatch(/^\/de\/share\/\*\n {2}Cross-Origin-Opener-Policy: same-origin\n {2}Content-Security-Policy: /m);
    expect(headers).toMatch(/^\/ar\/training\/\*\n/m);
    expect(headers).toMatch(/^\/share\/\*\n/m);
    expect(existsSync(path.join(build.outDir, 'de', '_headers'))).toBe(false);
  });

  it('has feeds, a calendar, a share feed and a search index per language', () => {
    expect(readText(build.outDir, 'de/rss.xml')).toContain('<language>de</language>');
    const feed = JSON.parse(readText(build.outDir, 'de/snippets.json')) as { pages: { url: string }[] };
    const page = readText(build.outDir, path.join('de', new URL(feed.pages[0]!.url).pathname.replace(/^\/de\//, '')));
    expect(page).toContain('Wir haben etwas gestartet');
    expect(existsSync(path.join(build.outDir, 'de/calendar.ics'))).toBe(true);
    expect(filesWith(path.join(build.outDir, 'de/pagefind'), ['.pf_meta']).some((file) => file.startsWith('pagefind.de_'))).toBe(true);
    expect(filesWith(path.join(build.outDir, 'pagefind'), ['.pf_meta']).every((file) => file.startsWith('pagefind.en_'))).toBe(true);
    // Each language's order "newest first" beside its index, of its own pages (the German guideline is dated).
    const newest = (dir: string) => (JSON.parse(readText(build.outDir, `${dir}/newest.json`)) as string[][]).flat();
    expect(newest('de/pagefind')).not.toEqual([]);
    expect(newest('de/pagefind').every((id) => id.startsWith('de_'))).toBe(true);
    expect(newest('pagefind').every((id) => id.startsWith('en_'))).toBe(true);
  });
});

describe('untranslated: hide', () => {
  it('leaves an entry not translated into German out of the German pages and their alternates', () => {
    expect(hide.code, hide.output).toBe(0);
    expect(existsSync(path.join(hide.outDir, 'de/share/live/index.html'))).toBe(true);
    expect(existsSync(path.join(hide.outDir, 'de/training/basics/index.html'))).toBe(false);
    expect(readText(hide.outDir, 'de/training/index.html')).not.toContain('/de/training/basics/');
    expect(alternates(readText(hide.outDir, 'training/basics/index.html'))).toEqual({});
    expect(alternates(readText(hide.outDir, 'share/live/index.html'))).toHaveProperty('de', `${SITE}/de/share/live/`);
  });
});
