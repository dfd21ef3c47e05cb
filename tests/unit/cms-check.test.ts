/**
 * Decap's save check (src/content/cms-check.ts, run by /admin/ before a
 * save) says what the build says: for each entry of the invalid and lint
 * fixtures, checking its text against the facts of the valid tree gives the
 * problems `checkContent` (the build, `npm run lint:content`) reports for
 * that file in a tree that holds it — same file, line, field and words.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { checkEntryToSave, checkSettingsToSave, joinPath } from '../../src/content/cms-check.ts';
import { treeFacts } from '../../src/content/cms-facts.ts';
import { drawableRanges } from '../../src/lib/cards/fonts.ts';
import { type CmsFacts, parseFacts } from '../../src/lib/cms/facts.ts';
import type { CollectionName } from '../../src/model/collections.ts';
import { type Problem, sortProblems } from '../../src/lib/problems.ts';
import { PROJECT } from '../support/build.ts';
import { FIXTURES, VALID_TREE, settingsOf, treeWith } from '../support/fixtures.ts';

const now = new Date('2026-11-22');
/** The facts of a checked tree as /admin/ reads them: through JSON, dates and all. */
const factsOf = (check: ReturnType<typeof checkContent>, root: string): CmsFacts =>
  parseFacts(JSON.stringify({ ...treeFacts(check, { root, project: PROJECT }), settings: settingsOf(root), contentPath: 'content', now, cardGlyphs: drawableRanges() }));
const facts = factsOf(checkContent({ root: VALID_TREE, now, cwd: PROJECT }), VALID_TREE);

const cases = ['invalid', 'lint'].flatMap((kind) =>
  readdirSync(path.join(FIXTURES, kind), { recursive: true, encoding: 'utf8' })
    .filter((file) => /^[a-z]+\/[^/]+\.mdx?$/.test(file.split(path.sep).join('/')) && !file.startsWith('settings'))
    .map((file) => ({ kind, file: file.split(path.sep).join('/') })),
);

// Checks the CMS leaves to the build: MDX bodies (the CMS writes .md). Card glyphs are checked in both, with the fonts' ranges in the CMS.
const buildOnly = (p: Problem) => p.file.endsWith('.mdx') && p.field === 'body';

/** Checks `text` as Decap would save it over `file` of the valid tree, and as the build reads that tree. */
function expectSameAsBuild(file: string, text: string) {
  const tree = treeWith({ [file]: text });
  try {
    const built = checkContent({ root: tree.root, now, cwd: PROJECT });
    // The facts of that tree, as the loader emits them after reading it (the entry itself is left out when checked).
    const treeOf = factsOf(built, tree.root);
    const shown = `${treeOf.folder}/${file}`;
    const expected = built.problems.filter((p) => p.file === shown && !buildOnly(p));
    const [collection, fileName] = file.split('/') as [CollectionName, string];
    const saved = checkEntryToSave({ collection, id: fileName.replace(/\.mdx?$/, ''), fileName, source: text }, treeOf);
    expect(expected.length, `the build finds nothing in ${file}`).toBeGreaterThan(0);
    expect(saved.filter((p) => !buildOnly(p))).toEqual(expected);
  } finally {
    tree.cleanup();
  }
}

describe("Decap's save check", () => {
  it.each(cases)('reports $kind/$file as the build does', ({ kind, file }) => {
    expectSameAsBuild(file, readFileSync(path.join(FIXTURES, kind, file), 'utf8'));
  });

  // Issue 22's checks, as the build now makes them: dates as written, one URL rule, banned phrases however
  // written, references to entries that are not published; and the body's HTML and addresses.
  const live = readFileSync(path.join(VALID_TREE, 'snippets/live.md'), 'utf8');
  it.each([
    ['an impossible day, read as the text written', live.replace('campaign: launch', 'campaign: launch\npublish: 2026-11-31')],
    ['a link with a password', live.replace('https://www.fixture.example/launch', 'https://user:pw@www.fixture.example/launch')],
    ['a banned phrase in another case, width and spacing', live.replace('I worked on for a year', 'is the ＢＥＳＴ in  the\u00a0world')],
    ['a campaign that is a draft', live.replace('campaign: launch', 'campaign: draft-campaign')],
    ['a campaign that goes live later', live.replace('campaign: launch', 'campaign: scheduled-campaign')],
    ['a YAML error on its own line', live.replace('topics: [product]', 'topics: [product')],
    ['raw HTML that runs script in the body', `${live}\n<img src="./x.png" alt="x" onerror="alert(1)">\n`],
    ['a script address behind an entity in the body', `${live}\nRead [this](java&#x73;cript:alert(1)).\n`],
    ['an image from another site in the body', `${live}\n![pixel](https://tracker.example/p.gif)\n`],
  ])('reports %s as the build does', (_what, text) => {
    expectSameAsBuild('snippets/live.md', text);
  });

  it('accepts an unchanged valid entry, and finds images among the tree’s files', () => {
    const text = readFileSync(path.join(VALID_TREE, 'people/ana.md'), 'utf8');
    expect(checkEntryToSave({ collection: 'people', id: 'ana', fileName: 'ana.md', source: text }, facts).filter((p) => p.severity === 'error')).toEqual([]);
    const moved = text.replace('./ana.png', './gone.png');
    expect(checkEntryToSave({ collection: 'people', id: 'ana', fileName: 'ana.md', source: moved }, facts)[0]).toMatchObject({
      field: 'avatar',
      message: 'is "./gone.png", but there is no such file next to the entry; add the image or fix the path',
    });
    expect(checkEntryToSave({ collection: 'people', id: 'ana', fileName: 'ana.md', source: moved, uploads: ['content/people/gone.png'] }, facts)).toEqual(
      checkEntryToSave({ collection: 'people', id: 'ana', fileName: 'ana.md', source: text }, facts),
    );
  });

  it('keeps unpublished content out of the facts: ids, dates, flags and choices only; published snippets add what their share page shows', () => {
    const choices = ['draft', 'publish', 'published', 'expires', 'mentor', 'requires', 'teams', 'team', 'topics', 'networks'];
    const shown = ['title', 'link', 'campaign', 'hashtags', 'variants'];
    for (const entry of facts.entries) {
      const allowed = entry.collection === 'snippets' && entry.id === 'live' ? [...choices, ...shown] : choices;
      expect(
        Object.keys(entry.data).filter((k) => !allowed.includes(k)),
        `${entry.collection}/${entry.id}`,
      ).toEqual([]);
    }
    expect(facts.entries.find((e) => e.id === 'live')!.data.variants).toBeDefined();
    expect(JSON.stringify(facts.entries)).not.toContain('Something is coming in December');
    expect(JSON.stringify(facts.entries)).not.toContain('Draft snippet');
    expect(facts.entries.find((e) => e.id === 'scheduled')!.data.publish).toBeInstanceOf(Date);
  });

  it('joins image paths as the build resolves them', () => {
    expect(joinPath('content/people', './ana.png')).toBe('content/people/ana.png');
    expect(joinPath('content/people', '../articles/a.jpg')).toBe('content/articles/a.jpg');
  });
});

describe("Decap's save check of settings.yaml", () => {
  const validSettings = readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8');
  const errorsOf = (problems: Problem[]) => sortProblems(problems.filter((p) => p.severity === 'error' && !buildOnly(p)));

  /**
   * Saves `text` over the valid tree's settings.yaml as /admin/ would (facts of the tree as it is, served as a
   * build or `npm run cms` serves them), and reads the tree that holds it as the build does.
   */
  function saveSettings(text: string, options: { unpublishedTexts?: boolean } = {}) {
    const tree = treeWith();
    try {
      const before = checkContent({ root: tree.root, now, cwd: PROJECT });
      const facts = parseFacts(
        JSON.stringify({
          ...treeFacts(before, { root: tree.root, project: PROJECT, publicDir: path.join(PROJECT, 'public'), ...options }),
          settings: settingsOf(tree.root),
          contentPath: 'content',
          now,
        }),
      );
      writeFileSync(path.join(tree.root, 'settings.yaml'), text);
      return { saved: checkSettingsToSave(text, facts), built: checkContent({ root: tree.root, now, cwd: PROJECT }).problems };
    } finally {
      tree.cleanup();
    }
  }

  const invalid = readdirSync(path.join(FIXTURES, 'invalid', 'settings'));
  it.each(invalid)('reports invalid/settings/%s as the build does', (file) => {
    const { saved, built } = saveSettings(readFileSync(path.join(FIXTURES, 'invalid', 'settings', file), 'utf8'));
    expect(errorsOf(built).length).toBeGreaterThan(0);
    expect(errorsOf(saved)).toEqual(errorsOf(built));
  });

  it.each([
    ['a team taken out that entries still name', validSettings.replace('teams: [all, sales, engineering]', 'teams: [all, engineering]'), /a team from settings\.yaml/],
    ['a topic taken out', validSettings.replace('topics: [product, culture, events]', 'topics: [culture, events]'), /a topic from settings\.yaml/],
    [
      'a network turned off that a wording is limited to',
      validSettings.replace('networks: [linkedin, x, bluesky, mastodon, email]', 'networks: [x, bluesky, mastodon, email]'),
      /network enabled/,
    ],
    [
      'a banned phrase a published wording holds',
      validSettings.replace('banned: ["best in the world"]', 'banned: ["best in the world", "worked on for a year"]'),
      /banned phrase "worked on for a year"/,
    ],
    ['a colour that is no colour', validSettings.replace('primary: "#1d4ed8"', 'primary: "blue-ish"'), /hex colour/],
    ['a logo that does not exist', validSettings.replace('brand: { primary: "#1d4ed8"', 'brand: { logo: /brand/missing.svg, primary: "#1d4ed8"'), /does not exist/],
  ])('refuses %s with the build’s problems, file and line', (_what, text, message) => {
    const { saved, built } = saveSettings(text);
    expect(errorsOf(built).some((p) => message.test(p.message))).toBe(true);
    expect(errorsOf(saved)).toEqual(errorsOf(built));
  });

  it('accepts the settings as they are, and a change the entries allow', () => {
    expect(saveSettings(validSettings).saved).toEqual([]);
    expect(saveSettings(validSettings.replace('name: Fixture Hub', 'name: Fixture Voices')).saved).toEqual([]);
  });

  it('checks snippets not yet published under npm run cms, and says a build’s /admin/ could not', () => {
    // "December will be busy." is a wording of a scheduled snippet: its text is never served with a built /admin/.
    const text = validSettings.replace('banned: ["best in the world"]', 'banned: ["best in the world", "will be busy"]');
    const inBuild = saveSettings(text);
    expect(errorsOf(inBuild.built).map((p) => p.file)).toEqual([expect.stringMatching(/snippets\/scheduled\.md$/)]);
    expect(errorsOf(inBuild.saved)).toEqual([]);
    expect(inBuild.saved.filter((p) => p.severity === 'warning').map((p) => p.message)).toEqual([
      expect.stringMatching(/2 snippets are not published yet \(draft, scheduled\).*the build and the pull-request check will/),
    ]);
    const inCms = saveSettings(text, { unpublishedTexts: true });
    expect(errorsOf(inCms.saved)).toEqual(errorsOf(inCms.built));
  });
});

describe("the facts' lines remembered between builds", () => {
  it('gives the lines as found, takes them back for the same file, text and facts, and finds them again for an edited entry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-fact-lines-'));
    try {
      const check = checkContent({ root: VALID_TREE, now, cwd: PROJECT });
      const factLines = path.join(dir, 'cms-fact-lines.json');
      const found = treeFacts(check, { root: VALID_TREE, project: PROJECT });
      expect(treeFacts(check, { root: VALID_TREE, project: PROJECT, factLines })).toEqual(found);

      // What is kept is what the next build uses: a planted line comes back for the same entry…
      const kept = JSON.parse(readFileSync(factLines, 'utf8')) as { version: string; values: Record<string, Record<string, number>> };
      expect(Object.keys(kept.values)).toHaveLength(check.entries.length);
      for (const lines of Object.values(kept.values)) for (const field of Object.keys(lines)) lines[field] = 999;
      writeFileSync(factLines, JSON.stringify(kept));
      const remembered = treeFacts(check, { root: VALID_TREE, project: PROJECT, factLines });
      const lineValues = (facts: typeof found) => facts.entries.flatMap((entry) => Object.values(entry.lines ?? {}));
      expect(lineValues(remembered).length).toBeGreaterThan(0);
      expect(new Set(lineValues(remembered))).toEqual(new Set([999]));

      // …but an entry whose text changed has its lines found again.
      const at = found.entries.findIndex((entry) => Object.keys(entry.lines ?? {}).length > 0);
      const entries = check.entries.map((entry, index) => (index === at ? { ...entry, source: `${entry.source}\n` } : entry));
      const again = treeFacts({ ...check, entries }, { root: VALID_TREE, project: PROJECT, factLines });
      expect(again.entries[at]!.lines).toEqual(found.entries[at]!.lines);
      expect(Object.values(found.entries[at]!.lines!).every((line) => line < 999)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
