/**
 * Entries in several languages: how files name their language (src/content/tree.ts), what settings
 * allow (languages, untranslated, translations) and which version each language shows
 * (src/lib/translations.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/content/settings.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { type LanguagePlan, type Version, entryLanguages, languageName, languageSegment, versionIn } from '../../src/lib/translations.ts';
import { settingsIn } from '../../src/model/schemas/settings.ts';
import { PROJECT } from '../support/build.ts';
import { VALID_TREE, treeReport, treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const SETTINGS = readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8');
const LIVE = readFileSync(path.join(VALID_TREE, 'snippets/live.md'), 'utf8');
const MULTI = `${SETTINGS}languages: [en, de]\n`;

/** readSettings of a tree whose settings.yaml is `yaml`. */
function settingsOf(yaml: string): ReturnType<typeof readSettings> {
  const tree = treeWith({ 'settings.yaml': yaml });
  try {
    return readSettings({ root: tree.root, publicDir: path.join(PROJECT, 'public'), show: (p) => path.relative(tree.root, p) });
  } finally {
    tree.cleanup();
  }
}

function settingsErrors(yaml: string): string[] {
  return settingsOf(yaml)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);
}

describe('entry files in several languages', () => {
  it('reads <id>.<language>.md as the entry <id> in that language, and <id>.<default>.md as the default version', () => {
    const report = treeReport(
      {
        'settings.yaml': MULTI,
        'snippets/live.de.md': LIVE.replace('Live snippet', 'Live-Beitrag'),
        'guidelines/be-honest.en.md': readFileSync(path.join(VALID_TREE, 'guidelines/be-honest.md'), 'utf8'),
      },
      NOW,
    );
    // be-honest.md of the valid tree and be-honest.en.md are both the English version: one must go.
    expect(report.errors).toEqual([
      expect.stringMatching(
        /^guidelines\/be-honest\.(en\.)?md — is the en version of "be-honest", like guidelines\/be-honest(\.en)?\.md; keep one of them \(be-honest\.md and be-honest\.en\.md are both the default language's\)$/,
      ),
    ]);
    expect(report.ids.filter((id) => id === 'snippets/live')).toHaveLength(2);
  });

  it('refuses a file that names a language the hub does not publish in, naming the file, the language and the fix', () => {
    const report = treeReport({ 'settings.yaml': MULTI, 'snippets/live.fr.md': LIVE }, NOW);
    expect(report.errors).toEqual([
      'snippets/live.fr.md — names the language "fr", but the hub\'s languages are en, de; add "fr" to languages in settings.yaml, or rename the file.',
    ]);
    const single = treeReport({ 'snippets/live.de.md': LIVE }, NOW);
    expect(single.errors).toEqual([
      'snippets/live.de.md — names the language "de", but the hub has one language, en; add "de" to languages in settings.yaml, or rename the file.',
    ]);
  });
});

describe('settings of a hub in several languages', () => {
  it('needs the default language among languages', () => {
    expect(settingsErrors(`${SETTINGS}languages: [de, ar]\n`)).toEqual([
      expect.stringContaining('field "languages" is [de, ar], which leaves out the default language lang: en; list it too, e.g. [en, de, ar]'),
    ]);
  });

  it('refuses an untranslated setting it does not know, with the allowed values', () => {
    expect(settingsErrors(`${MULTI}untranslated: fallback\n`)).toEqual([
      expect.stringContaining('field "untranslated" is "fallback", which is not a way to treat untranslated entries; allowed: show, hide'),
    ]);
  });

  it('warns about a language whose interface has no strings, naming the file to add', () => {
    const { settings, problems } = settingsOf(`${SETTINGS}languages: [en, de, fr]\n`);
    expect(settings).toBeDefined();
    expect(problems.map(formatProblem)).toEqual([
      'settings.yaml — field "languages" lists "fr", but the interface has no strings in it, so its pages would show every button and heading in English; copy src/i18n/en.json to src/i18n/fr.json and translate the values (README.md → Another language)',
    ]);
    // de-CH reads de.json: no warning, nor anything else.
    expect(settingsOf(`${SETTINGS}languages: [en, de-CH]\n`).problems.map(formatProblem)).toEqual([]);
  });

  it('takes translations of name and description for its other languages only', () => {
    expect(settingsErrors(`${MULTI}translations:\n  de:\n    description: Auf Deutsch.\n`)).toEqual([]);
    expect(settingsErrors(`${MULTI}translations:\n  fr:\n    description: En français.\n`)).toEqual([
      expect.stringContaining('field "translations.fr" is for "fr", which is not one of languages; allowed: de'),
    ]);
    expect(settingsErrors(`${MULTI}translations:\n  de:\n    banned: [x]\n`)).toEqual([expect.stringContaining('translations.de')]);
    const settings = { lang: 'en', name: 'Hub', description: 'In English.', translations: { de: { description: 'Auf Deutsch.' } } };
    expect(settingsIn(settings, 'de')).toMatchObject({ lang: 'de', name: 'Hub', description: 'Auf Deutsch.' });
    expect(settingsIn(settings, 'en')).toMatchObject({ lang: 'en', description: 'In English.' });
  });
});

describe('the version each language shows', () => {
  const show: LanguagePlan = { default: 'en', languages: ['en', 'de', 'ar'], untranslated: 'show' };
  const hide: LanguagePlan = { ...show, untranslated: 'hide' };
  const v = (lang: string | undefined, published = true): Version => ({ collection: 'snippets', id: 'x', ...(lang ? { lang } : {}), published });

  it('shows its own published version, else the default language per settings.untranslated', () => {
    const versions = [v(undefined), v('de')];
    expect(versionIn(versions, 'de', show)).toBe(versions[1]);
    expect(versionIn(versions, 'ar', show)).toBe(versions[0]);
    expect(versionIn(versions, 'ar', hide)).toBeUndefined();
    expect(versionIn(versions, 'en', hide)).toBe(versions[0]);
    // A draft translation: the default language's version stands in (show), or the draft, which the publish filter drops (hide).
    const draft = [v(undefined), v('de', false)];
    expect(versionIn(draft, 'de', show)).toBe(draft[0]);
    expect(versionIn(draft, 'de', hide)).toBe(draft[1]);
  });

  it('knows where each entry has a page, and where that page shows the default language', () => {
    const versions = [v(undefined), v('de'), { ...v(undefined), id: 'y' }, { ...v('ar'), id: 'z' }];
    expect(entryLanguages(versions, show)).toEqual({
      pages: { 'snippets/x': ['en', 'de', 'ar'], 'snippets/y': ['en', 'de', 'ar'], 'snippets/z': ['ar'] },
      untranslated: { 'snippets/x': ['ar'], 'snippets/y': ['de', 'ar'] },
    });
    expect(entryLanguages(versions, hide).pages).toEqual({ 'snippets/x': ['en', 'de'], 'snippets/y': ['en'], 'snippets/z': ['ar'] });
  });

  it('puts other languages under /<language>/ and names each in itself', () => {
    expect(languageSegment('en', show)).toBe('');
    expect(languageSegment('de-CH', show)).toBe('de-ch/');
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('ar')).toBe('العربية');
  });
});
