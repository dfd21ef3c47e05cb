/**
 * The builds the build tests read. Each (content tree, date) pair is built
 * once per run by the build project's global setup
 * (tests/build/global-setup.ts), from the start of the run, and every test
 * that reads it waits for it by name: `await built('valid@2026-11-22')`.
 * A test that needs a tree changed in a particular way gets a named tree
 * here, not a build of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { BuildResult } from './build.ts';
import { FIXTURES, VALID_TREE, invalidFixture } from './fixtures.ts';

/** The day the fixture trees are built for, and a later one that publishes their scheduled entries. */
export const TODAY = '2026-11-22';
export const LATER = '2026-12-06';

/**
 * A content tree: a fixture folder, with `files` (relative path → text) written over a copy of it,
 * and `links` (relative path → absolute target) made in the copy as symbolic links.
 */
export interface TreeSpec {
  from: string;
  files?: Record<string, string>;
  links?: Record<string, string>;
}

/** A snippet of the valid tree with `fields` after its topics and teams. */
const snippet = (fields: string) => `---\ntitle: A snippet\nlink: https://www.fixture.example.com/page\ntopics: [product]\nteams: [all]\n${fields}\n---\n`;

export const TREES = {
  /**
   * tests/fixtures/valid: an entry of every collection, and unpublished ones beside them (a draft, an
   * expired and a scheduled snippet and campaign, a scheduled article), a person with a portrait, and
   * an analytics export of two advocates, one of whom opted in to recognition.
   */
  valid: { from: VALID_TREE },
  /** tests/fixtures/hostile/escaped: markup, script and layout breakers in every text field. */
  hostile: { from: path.join(FIXTURES, 'hostile', 'escaped') },
  /**
   * The valid tree some days on, for builds of a later day: one snippet retitled since (so its card
   * changes, and no other card of the valid tree does).
   */
  later: {
    from: VALID_TREE,
    files: {
      'snippets/live.md': readFileSync(path.join(VALID_TREE, 'snippets/live.md'), 'utf8').replace('title: Live snippet', 'title: Live snippet, now with a better title'),
    },
  },
  /** A copy of the valid tree of its own, for the builds of one site one after the other, which edit it (BuildSpec.edit). */
  'valid-site': { from: VALID_TREE, files: {} },
  /** The valid tree with the edit the last of those builds makes (EDITED_SITE), built without a cache to compare with it. */
  'valid-site-edited': { from: VALID_TREE, files: {} },
  /**
   * The valid tree with `lang: ar`: the interface in Arabic, the page right to left (its content stays English),
   * and a hub name as long as a real one, which a phone's header must show whole beside the wider "القائمة".
   */
  arabic: {
    from: VALID_TREE,
    files: {
      'settings.yaml': readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8')
        .replace(/^lang: en$/m, 'lang: ar')
        .replace(/^name: Fixture Hub$/m, 'name: Fixture Thermal Voices'),
    },
  },
  /** The valid tree with `lang: de`: the interface in German (src/i18n/de.json), its content English. */
  german: {
    from: VALID_TREE,
    files: { 'settings.yaml': readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8').replace(/^lang: en$/m, 'lang: de') },
  },
  /**
   * The valid tree in English, German and Arabic (settings.languages): the live snippet and the guideline
   * translated into German, the guideline into Arabic too, the hub's description in German; the training
   * modules are not translated, so German and Arabic pages show them in English, marked as such.
   */
  languages: {
    from: VALID_TREE,
    files: {
      'settings.yaml': `${readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8')}languages: [en, de, ar]\ntranslations:\n  de:\n    description: Beiträge zum Teilen für die Leute von Fixture Corp.\n`,
      'snippets/live.de.md': readFileSync(path.join(VALID_TREE, 'snippets/live.md'), 'utf8')
        .replace('title: Live snippet', 'title: Live-Beitrag')
        .replace('We launched something I worked on for a year.', 'Wir haben etwas gestartet, an dem ich ein Jahr gearbeitet habe.')
        .replace('A long read about the launch, for LinkedIn only.', 'Ein langer Text zum Start, nur für LinkedIn.')
        .replace('Notes for advocates.', 'Hinweise für Fürsprecher.'),
      'guidelines/be-honest.de.md': readFileSync(path.join(VALID_TREE, 'guidelines/be-honest.md'), 'utf8').replace(/^title: .*$/m, 'title: Sei ehrlich'),
      'guidelines/be-honest.ar.md': readFileSync(path.join(VALID_TREE, 'guidelines/be-honest.md'), 'utf8').replace(/^title: .*$/m, 'title: كن صادقًا'),
    },
  },
  /** The languages tree with `untranslated: hide`: a language shows only what is translated into it. */
  'languages-hide': {
    from: VALID_TREE,
    files: {
      'settings.yaml': `${readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8')}languages: [en, de]\nuntranslated: hide\n`,
      'snippets/live.de.md': readFileSync(path.join(VALID_TREE, 'snippets/live.md'), 'utf8').replace('title: Live snippet', 'title: Live-Beitrag'),
    },
  },
  /** One entry error: a snippet with a topic settings do not have. */
  'unknown-topic': { from: VALID_TREE, files: { 'snippets/unknown-topic.md': invalidFixture('snippets/unknown-topic.md') } },
  /** A guideline titled in Thai, a script no card font draws (issue 19). */
  'thai-title': { from: VALID_TREE, files: { 'guidelines/thai-title.md': invalidFixture('guidelines/thai-title.md') } },
  /** Two days that do not exist, unquoted (YAML's timestamps would roll them over into other days). */
  'impossible-dates': {
    from: VALID_TREE,
    files: {
      'snippets/impossible-publish.md': invalidFixture('snippets/impossible-publish.md'),
      'snippets/impossible-expires.md': invalidFixture('snippets/impossible-expires.md'),
    },
  },
  /**
   * Checks that were easy to get around: the banned phrase written with other spaces and invisible
   * characters, an entry with an upper-case extension, a hidden one, links to an entry and a folder
   * outside the tree, and a published snippet in a draft campaign. Every one is an error.
   */
  evasions: {
    from: VALID_TREE,
    files: {
      'snippets/spaced.md': snippet(
        'variants:\n  - text: "We are the best  in the world."\n  - text: "The best\\u00a0in the world."\n  - text: "The best in\\u202fthe world."\n' +
          '  - text: "The be\\u200bst in the wo\\u200crld, the be\\u200dst in the\\u2060 world, the best in the wor\\u00adld."\n  - text: "The ｂｅｓｔ ｉｎ ｔｈｅ ｗｏｒｌｄ."\n' +
          '  - text: |\n      We are the best\n      in the world.',
      ),
      'snippets/shouting.MD': snippet('variants:\n  - text: "One"\n  - text: "Two"'),
      'snippets/.hidden.md': snippet('variants:\n  - text: "One"\n  - text: "Two"'),
      'snippets/teaser.md': snippet('campaign: draft-campaign\nvariants:\n  - text: "One"\n  - text: "Two"'),
    },
    links: {
      'snippets/linked.md': path.join(VALID_TREE, 'snippets', 'live.md'),
      'snippets/linked-folder': path.join(VALID_TREE, 'articles'),
    },
  },
  /** One settings error: a site URL without its scheme. */
  'relative-site': { from: VALID_TREE, files: { 'settings.yaml': invalidFixture('settings/relative-site.yaml') } },
  /** A settings error that reaches every URL: a site with a user name and password. */
  'credentials-site': { from: VALID_TREE, files: { 'settings.yaml': rejectedFixture('settings/credentials-site.yaml') } },
  /** A site with markup in its path (before, ~1,200 lines of stack traces from the routes built on it). */
  'markup-site': { from: VALID_TREE, files: { 'settings.yaml': rejectedFixture('settings/markup-site.yaml') } },
} satisfies Record<string, TreeSpec>;

export type TreeName = keyof typeof TREES;

/** The text of a fixture of the hostile corpus's rejected half, e.g. `settings/markup-site.yaml`. */
function rejectedFixture(file: string): string {
  return readFileSync(path.join(FIXTURES, 'hostile', 'rejected', file), 'utf8');
}

export interface BuildSpec {
  tree: TreeName;
  now: string;
  /**
   * A share-card cache of the build's own instead of the one the other
   * builds of the run share, for the test of the cache itself: empty, or
   * the cache that the build `cardsOf` left (its files linked, not copied,
   * so the same card is the same file); the build then waits for that one.
   */
  ownCardCache?: boolean;
  cardsOf?: string;
  /**
   * The next build of the site `after` built: once it has ended, in its project copy and with its
   * Astro cache and card cache (its incremental build), into a folder of its own (BuildPlace.outDir).
   * Builds `after` one build run one after the other.
   */
  after?: string;
  /** Files written over the tree's copy (relative path → text) before the build: an editor's commit between two builds. */
  edit?: Record<string, string>;
}

/**
 * The editor's commit between the last two builds of the valid tree's site: a snippet retitled (its campaign's
 * page lists it, so that page shows the new title) and its notes rewritten with a word found nowhere else.
 */
const EDITED_SITE = {
  'snippets/live.md': readFileSync(path.join(VALID_TREE, 'snippets/live.md'), 'utf8')
    .replace('title: Live snippet', 'title: Live snippet, retitled by an editor')
    .replace('Notes for advocates.', 'Notes for advocates, rewritten with a zebracorn.'),
};

/** Every build of the run, by name; the global setup builds them in this order, side by side. */
export const BUILDS = {
  'valid@2026-11-22': { tree: 'valid', now: TODAY, ownCardCache: true },
  'hostile@2026-11-22': { tree: 'hostile', now: TODAY },
  'arabic@2026-11-22': { tree: 'arabic', now: TODAY },
  'german@2026-11-22': { tree: 'german', now: TODAY },
  'languages@2026-11-22': { tree: 'languages', now: TODAY },
  'languages-hide@2026-11-22': { tree: 'languages-hide', now: TODAY },
  // Publishes the valid tree's scheduled entries; starts from the cards of the build above.
  'later@2026-12-06': { tree: 'later', now: LATER, ownCardCache: true, cardsOf: 'valid@2026-11-22' },
  'unknown-topic@2026-11-22': { tree: 'unknown-topic', now: TODAY },
  'thai-title@2026-11-22': { tree: 'thai-title', now: TODAY },
  'relative-site@2026-11-22': { tree: 'relative-site', now: TODAY },
  'credentials-site@2026-11-22': { tree: 'credentials-site', now: TODAY },
  'markup-site@2026-11-22': { tree: 'markup-site', now: TODAY },
  'impossible-dates@2026-11-22': { tree: 'impossible-dates', now: TODAY },
  'evasions@2026-11-22': { tree: 'evasions', now: TODAY },
  // The next builds of the valid tree's site (Astro's incremental build, src/views/page-key.ts): the same
  // content later the same day, then on a day that publishes the scheduled entries, then with one entry edited.
  'valid-site@2026-11-22T06:00:00Z': { tree: 'valid-site', now: `${TODAY}T06:00:00Z`, ownCardCache: true, cardsOf: 'valid@2026-11-22' },
  'valid-site@2026-11-22T12:00:00Z': { tree: 'valid-site', now: `${TODAY}T12:00:00Z`, after: 'valid-site@2026-11-22T06:00:00Z' },
  'valid-site@2026-12-06': { tree: 'valid-site', now: LATER, after: 'valid-site@2026-11-22T12:00:00Z' },
  'valid-site-edited@2026-12-06': { tree: 'valid-site', now: LATER, after: 'valid-site@2026-12-06', edit: EDITED_SITE },
  // The same content on the same days, each built without a cache: what the builds above must come out as.
  'valid@2026-12-06': { tree: 'valid', now: LATER },
  'valid-site-edited-fresh@2026-12-06': { tree: 'valid-site-edited', now: LATER, edit: EDITED_SITE },
} satisfies Record<string, BuildSpec>;

export type BuildName = keyof typeof BUILDS;

/** Where a build of the run writes, known before it ends. */
export interface BuildPlace extends Omit<BuildResult, 'code' | 'output'> {
  /** The content folder that is built. */
  contentDir: string;
  /** The share-card cache the build uses. */
  cardCache: string;
  /** Written when the build has ended: its BuildReport as JSON. */
  report: string;
}

export type BuildReport = Pick<BuildResult, 'code' | 'output'>;

export type SharedBuild = BuildPlace & BuildReport;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every build of BUILDS, by name: started by the global setup, ended when its report is written. */
    builds: Record<BuildName, BuildPlace>;
  }
}

/** How long a test waits for a build of the run before it gives up. */
const WAIT_MS = 600_000;

/**
 * A build of the run, once it has ended (successfully or not). Read its
 * outDir, never write to it: other test files read it too.
 */
export async function built(name: BuildName): Promise<SharedBuild> {
  const place = inject('builds')?.[name];
  if (!place) throw new Error(`No build "${name}": the build project's global setup (tests/build/global-setup.ts) makes it; run the tests with --project build`);
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(place.report)) {
    if (Date.now() > deadline) throw new Error(`The build "${name}" did not end within ${WAIT_MS / 1000} s (no ${place.report})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...place, ...(JSON.parse(readFileSync(place.report, 'utf8')) as BuildReport) };
}
