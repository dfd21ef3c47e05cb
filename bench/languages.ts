/**
 * What each extra language costs a build: the synthetic corpus of bench/scale
 * (default 1,000 entries) built with `languages: [en]`, then `[en, de]`, then
 * `[en, de, ar]`, a fifth of the snippets and guidelines translated into each
 * other language and the rest shown in English (`untranslated: show`, so
 * every language has every page: the most a language can cost). Each set-up
 * is built twice with its caches kept; the second (warm) build is the figure,
 * as in a daily CI rebuild.
 *
 *   npm run bench:languages                 1,000 entries
 *   npm run bench:languages -- --entries 300
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASTRO_BIN, astroEnv } from '../scripts/lib/astro.ts';
import { writeCorpus } from './scale/corpus.ts';
import { runMeasured } from './scale/measure.ts';

const PROJECT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(PROJECT, '.cache/bench/languages');
const { values } = parseArgs({ options: { entries: { type: 'string', default: '1000' }, now: { type: 'string', default: '2026-11-22' } } });
const entries = Number(values.entries);
const SETUPS = [['en'], ['en', 'de'], ['en', 'de', 'ar']] as const;
const TRANSLATED = ['snippets', 'guidelines'];

/** Every fifth entry of the translated collections, copied into `language` with its title marked. */
function translate(content: string, language: string): number {
  let count = 0;
  for (const collection of TRANSLATED) {
    const folder = path.join(content, collection);
    const files = readdirSync(folder).filter((file) => /^[a-z0-9-]+\.md$/.test(file));
    files.forEach((file, index) => {
      if (index % 5 !== 0) return;
      const text = readFileSync(path.join(folder, file), 'utf8').replace(
        /^title: (.*)$/m,
        (_, title: string) => `title: "[${language}] ${title.replace(/^"|"$/g, '').replace(/"/g, "'")}"`,
      );
      writeFileSync(path.join(folder, file.replace(/\.md$/, `.${language}.md`)), text);
      count++;
    });
  }
  return count;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`Build time per language, ${entries} entries (bench/scale corpus), HUB_NOW ${values.now}; warm builds (second of two).`);
console.log('| languages | wall | default language | each other language | peak memory |');
console.log('| --- | ---: | ---: | --- | ---: |');
for (const languages of SETUPS) {
  const content = path.join(WORK, 'content');
  writeCorpus(content, { entries, now: new Date(`${values.now}T00:00:00Z`) });
  const settings = path.join(content, 'settings.yaml');
  writeFileSync(settings, `${readFileSync(settings, 'utf8')}languages: [${languages.join(', ')}]\n`);
  const translations = languages.slice(1).map((language) => translate(content, language));
  const work = path.join(WORK, languages.join('-'));
  rmSync(work, { recursive: true, force: true });
  const env = astroEnv({
    HUB_CONTENT_DIR: content,
    HUB_NOW: values.now,
    HUB_CACHE_DIR: path.join(work, 'cache'),
    HUB_CARD_CACHE: path.join(work, 'cards'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });
  let last;
  for (const round of [1, 2]) {
    const outDir = path.join(work, 'dist');
    rmSync(outDir, { recursive: true, force: true });
    last = await runMeasured(process.execPath, [ASTRO_BIN, 'build', '--outDir', outDir], { cwd: PROJECT, env });
    if (last.code !== 0) {
      console.error(`build ${round} of [${languages.join(', ')}] failed:\n${last.output.slice(-3000)}`);
      process.exit(1);
    }
  }
  const others = [...last!.output.matchAll(/\[hub:languages\] (\S+): built in ([\d.]+) s/g)].map((m) => ({ language: m[1]!, ms: Number(m[2]) * 1000 }));
  const defaultMs = last!.wallMs - others.reduce((sum, o) => sum + o.ms, 0);
  const each = others.map((o, i) => `${o.language} ${s(o.ms)} (${translations[i]} translated)`).join(', ') || '—';
  console.log(
    `| ${languages.join(', ')} | ${s(last!.wallMs)} | ${s(defaultMs)} | ${each} | ${last!.peakRss === undefined ? 'n/a' : `${Math.round(last!.peakRss / 1024 / 1024)} MB`} |`,
  );
}
