/**
 * A synthetic, realistic content tree of N entries for the benchmarks: every
 * collection in the proportions of a grown hub (mostly snippets, then
 * articles, people, campaigns, guidelines, training, tracks), valid by the
 * schemas and the content check, with 2–4 variants per snippet, references
 * (campaign, author, requires, mentor, steps, links between entries),
 * realistic lengths, varied topics and teams, and some drafts, scheduled and
 * expired entries. The same seed always writes the same files.
 *
 *   node bench/scale/corpus.ts <dir> [entries] [seed]   writes a tree (with settings.yaml)
 *
 * Vocabulary grows with the corpus as it does in real hubs (place, customer
 * and product names are made of syllables), so the search index grows too.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROUTE_OF, type CollectionName } from '../../src/model/collections.ts';

export type BenchCollection = CollectionName;

/** Share of each collection in the corpus; the order is a grown hub's, largest first. */
export const PROPORTIONS: Record<BenchCollection, number> = {
  snippets: 0.64,
  articles: 0.18,
  people: 0.1,
  campaigns: 0.04,
  guidelines: 0.015,
  training: 0.015,
  tracks: 0.01,
};

export interface CorpusOptions {
  /** Number of entries, all collections together. */
  entries: number;
  seed?: number;
  /** The instant the benchmark builds for (HUB_NOW): drafts, scheduled and expired entries are placed around it. */
  now?: Date;
}

export interface CorpusFile {
  /** Relative to the content root, with forward slashes. */
  path: string;
  text: string;
}

export interface Corpus {
  files: CorpusFile[];
  /** Entries per collection. */
  counts: Record<BenchCollection, number>;
  /** Entries per collection that the build publishes (not draft, scheduled or expired at `now`). */
  published: Record<BenchCollection, number>;
}

export const DEFAULT_NOW = new Date('2026-11-22T00:00:00Z');
export const DEFAULT_SEED = 20261122;

const DAY = 86_400_000;

/**
 * How much commoner the first words of a list are than the last (see `zipf`):
 * set so that the commonest phrase, "heat pump", is as frequent as in the
 * sample hub (0.5% of words), which makes it a fair worst case for a search.
 */
const ZIPF = 1.3;

/** mulberry32: small, fast and good enough to pick words. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** Zipf-like: early items far more often, as words in real text. */
  const zipf = <T>(list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(list.length * next() ** ZIPF))]!;
  const chance = (p: number) => next() < p;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const pool = [...list];
    const out: T[] = [];
    for (let n = int(min, Math.min(max, pool.length)); n > 0; n--) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, zipf, chance, some };
}
type Random = ReturnType<typeof prng>;

export const TEAMS = ['all', 'sales', 'engineering', 'marketing', 'people', 'support', 'operations', 'finance', 'product', 'installers'] as const;
export const TOPICS = [
  'culture',
  'product',
  'industry',
  'sustainability',
  'careers',
  'events',
  'research',
  'customers',
  'policy',
  'community',
  'safety',
  'service',
] as const;

const SETTINGS = `# A synthetic hub for the benchmarks (bench/scale/corpus.ts). Field reference: README.md → "Settings".
name: Tidewater Voices
organization: Tidewater Thermal
description: Share-ready posts, guidelines and training for the people of Tidewater Thermal.
lang: en
site: https://voices.tidewater.example.com
brand:
  primary: "#0b5563"
  accent: "#f2a541"
  logo: /brand/logo.svg
disclosure: "#TidewaterEmployee"
utm:
  medium: employee-advocacy
networks: [linkedin, x, bluesky, mastodon, threads, facebook, reddit, whatsapp, telegram, email]
mastodon:
  instance: mastodon.social
teams: [${TEAMS.join(', ')}]
topics: [${TOPICS.join(', ')}]
banned: ["guaranteed savings", "best in the world", "zero emissions forever"]
`;

// Words: common ones first (they are picked Zipf-like).
const NOUNS = [
  'heat pump',
  'home',
  'installer',
  'winter',
  'radiator',
  'team',
  'customer',
  'engineer',
  'house',
  'question',
  'system',
  'flow temperature',
  'outdoor unit',
  'thermostat',
  'survey',
  'bill',
  'building',
  'apprentice',
  'warranty',
  'service visit',
  'hot water cylinder',
  'defrost cycle',
  'heat loss',
  'insulation',
  'boiler',
  'tariff',
  'grid',
  'retrofit',
  'training day',
  'field report',
  'callout',
  'commissioning sheet',
  'refrigerant',
  'compressor',
  'filter',
  'pipework',
  'controls',
  'schedule',
  'forecast',
  'neighbourhood',
  'school',
  'town hall',
  'supplier',
  'spare part',
  'van',
  'depot',
  'helpline',
  'manual',
  'checklist',
  'datasheet',
  'noise level',
  'planning rule',
  'grant',
  'heat network',
  'solar panel',
  'battery',
  'smart meter',
  'floor plan',
  'cold snap',
  'heatwave',
  'landlord',
  'tenant',
  'housing association',
  'architect',
];
const ADJECTIVES = [
  'quiet',
  'practical',
  'honest',
  'cold',
  'warm',
  'new',
  'old',
  'simple',
  'careful',
  'local',
  'steady',
  'clear',
  'small',
  'large',
  'first',
  'common',
  'efficient',
  'reliable',
  'draughty',
  'well-insulated',
  'Victorian',
  'post-war',
  'terraced',
  'detached',
  'rural',
  'coastal',
  'busy',
  'frosty',
  'early',
  'late',
  'patient',
  'thorough',
  'unexpected',
  'overlooked',
  'useful',
  'surprising',
  'everyday',
  'real',
];
const VERBS = [
  'explains',
  'checks',
  'fixes',
  'measures',
  'shows',
  'answers',
  'balances',
  'installs',
  'services',
  'tests',
  'replaces',
  'plans',
  'compares',
  'records',
  'shares',
  'reviews',
  'tunes',
  'inspects',
  'calculates',
  'documents',
  'trains',
  'supports',
  'welcomes',
  'visits',
  'improves',
];
const OPENERS = [
  'This week',
  'Last winter',
  'On a cold morning',
  'After twenty installs',
  'In our support queue',
  'At the depot',
  'During the open day',
  'On the training floor',
  'In a 1960s semi',
  'At the installer summit',
  'Over a cup of tea',
  'Before the first frost',
  'In the test lab',
];
const FIRST = [
  'Ana',
  'Bo',
  'Chidi',
  'Dana',
  'Elena',
  'Farah',
  'Gustav',
  'Hana',
  'Ibrahim',
  'Jonas',
  'Keiko',
  'Lucas',
  'Maya',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Samuel',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Aisha',
  'Bruno',
  'Carla',
  'Dmitri',
  'Eva',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jakob',
  'Kofi',
  'Lena',
  'Marco',
  'Nora',
  'Oskar',
  'Paula',
  'Rahul',
  'Sofia',
  'Theo',
  'Valentina',
];
const LAST = [
  'Okafor',
  'Brandt',
  'Petrova',
  'Raman',
  'Adeyemi',
  'Novák',
  'Lindqvist',
  'García',
  'Müller',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'Moreau',
  'Silva',
  'Jensen',
  'O’Brien',
  'Rossi',
  'Nowak',
  'Fischer',
  'Dubois',
  'Horvat',
  'Kaya',
  'Nguyen',
  'Schmidt',
  'Costa',
  'Virtanen',
  'Eriksen',
];
const ROLES_BY_TEAM: Record<string, string[]> = {
  all: ['Communications Lead', 'Chief Executive', 'Office Manager'],
  sales: ['Account Executive', 'Sales Engineer', 'Regional Sales Manager', 'Key Account Manager'],
  engineering: ['Field Engineer', 'Systems Engineer', 'Head of Field Engineering', 'Test Engineer', 'Acoustics Engineer'],
  marketing: ['Content Lead', 'Brand Manager', 'Social Media Manager', 'Events Manager'],
  people: ['People Partner', 'Recruiter', 'Apprenticeship Coordinator', 'Learning Designer'],
  support: ['Support Lead', 'Support Specialist', 'Technical Support Engineer'],
  operations: ['Plant Manager', 'Logistics Planner', 'Quality Lead'],
  finance: ['Finance Partner', 'Controller'],
  product: ['Product Manager', 'UX Researcher', 'Product Designer'],
  installers: ['Installer Trainer', 'Partner Manager', 'Certification Lead'],
};
const SYLLABLES = [
  'ab',
  'ar',
  'bel',
  'bri',
  'cal',
  'dor',
  'el',
  'fen',
  'gar',
  'ham',
  'hol',
  'ing',
  'kel',
  'lan',
  'ley',
  'mar',
  'mer',
  'nor',
  'oak',
  'pen',
  'ral',
  'ros',
  'sel',
  'ston',
  'tor',
  'vale',
  'wick',
  'wyn',
  'ford',
  'by',
  'ton',
  'dale',
  'mouth',
  'bury',
  'holm',
  'stead',
];

/** A made-up proper name, e.g. "Belford" or "Norwyndale": the vocabulary a real hub accumulates. */
function properName(r: Random): string {
  let word = '';
  for (let n = r.int(2, 3); n > 0; n--) word += r.pick(SYLLABLES);
  return word[0]!.toUpperCase() + word.slice(1);
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

/** A YAML double-quoted string. */
function q(text: string): string {
  return JSON.stringify(text);
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Corpus-wide name pools: a few hundred places and customers per 1,000 entries, capped like real vocabularies. */
function namePools(r: Random, entries: number) {
  const size = Math.round(60 + 12 * Math.sqrt(entries));
  const unique = (make: () => string) => [...new Set(Array.from({ length: size }, make))];
  return {
    places: unique(() => properName(r)),
    customers: unique(() => `${properName(r)} ${r.pick(['Housing', 'Homes', 'Estates', 'School', 'Co-op', 'Dairy', 'Leisure Centre', 'Library', 'Hotel'])}`),
    models: unique(() => `TW-${r.int(4, 16)}${r.pick(['A', 'C', 'E', 'S', 'X'])}${r.chance(0.3) ? ` ${r.pick(['Pro', 'Compact', 'Duo'])}` : ''}`),
  };
}
type Pools = ReturnType<typeof namePools>;

function sentence(r: Random, pools: Pools): string {
  const noun = () => r.zipf(NOUNS);
  const adjective = () => r.zipf(ADJECTIVES);
  const forms = [
    () => `${r.pick(OPENERS)}, a ${adjective()} ${noun()} in ${r.pick(pools.places)} taught us more about the ${noun()} than any ${noun()} could.`,
    () =>
      `Our ${r.pick(['field engineer', 'support team', 'installer partner', 'apprentice', 'product team'])} ${r.zipf(VERBS)} the ${noun()} before anyone touches the ${noun()}.`,
    () => `The ${adjective()} answer is usually the right one: check the ${noun()}, then the ${noun()}, then call us.`,
    () => `${r.pick(pools.customers)} asked why the ${noun()} ran all night; the ${noun()} was set ${r.int(2, 9)} degrees too high.`,
    () => `About ${r.int(3, 95)} percent of the ${noun()}s we visited in ${r.pick(pools.places)} needed nothing more than a ${adjective()} ${noun()}.`,
    () => `The ${r.pick(pools.models)} ${r.zipf(VERBS).replace(/s$/, '')}s the ${noun()} without fuss, even at minus ${r.int(2, 20)} degrees.`,
    () => `If you remember one thing, make it this: a ${adjective()} ${noun()} beats a ${adjective()} ${noun()} every time.`,
    () => `We ${r.pick(['measured', 'logged', 'compared', 'mapped', 'recorded'])} ${r.int(12, 1400)} ${noun()}s across ${r.int(2, 40)} sites, and the pattern held.`,
    () => `Ask the ${noun()} question early; it saves a ${adjective()} ${noun()} later.`,
    () =>
      `${capitalise(adjective())} ${noun()}s and ${adjective()} ${noun()}s are not the same problem, and our ${r.pick(ROLES_BY_TEAM.engineering!)}s know the difference.`,
  ];
  return r.pick(forms)();
}

function paragraph(r: Random, pools: Pools, sentences: [number, number]): string {
  return Array.from({ length: r.int(...sentences) }, () => sentence(r, pools)).join(' ');
}

interface Ref {
  collection: BenchCollection;
  id: string;
}

/** A Markdown body of `paragraphs`, with headings, a list and links (external, and to published entries). */
function body(r: Random, pools: Pools, paragraphs: [number, number], links: Ref[], headings = false): string {
  const parts: string[] = [];
  const count = r.int(...paragraphs);
  for (let i = 0; i < count; i++) {
    if (headings && i > 0 && i % 3 === 0) parts.push(`## ${capitalise(r.zipf(ADJECTIVES))} ${r.zipf(NOUNS)}s in ${r.pick(pools.places)}`);
    let text = paragraph(r, pools, [3, 6]);
    if (links.length && r.chance(0.35)) {
      const target = r.pick(links);
      text += ` See [${target.id.replace(/-/g, ' ')}](/${ROUTE_OF[target.collection]}/${target.id}/) for the details.`;
    } else if (r.chance(0.25)) {
      text += ` The [${r.zipf(NOUNS)} guide](https://www.tidewater.example.com/guides/${slug(r.zipf(NOUNS))}) has the numbers.`;
    }
    parts.push(text);
    if (headings && r.chance(0.2)) parts.push(Array.from({ length: r.int(3, 5) }, () => `- **${capitalise(r.zipf(NOUNS))}.** ${sentence(r, pools)}`).join('\n'));
  }
  return parts.join('\n\n');
}

function title(r: Random, pools: Pools, max: number): string {
  const forms = [
    () => `What a ${r.zipf(ADJECTIVES)} ${r.zipf(NOUNS)} taught us in ${r.pick(pools.places)}`,
    () => `${capitalise(r.zipf(NOUNS))}s in the ${r.pick(['cold', 'city', 'countryside', 'first winter', 'old town', 'new estate'])}`,
    () => `How our ${r.pick(ROLES_BY_TEAM.engineering!)}s check the ${r.zipf(NOUNS)}`,
    () => `${r.int(3, 9)} ${r.zipf(ADJECTIVES)} questions about the ${r.zipf(NOUNS)}`,
    () => `The ${r.pick(pools.models)} at ${r.pick(pools.customers)}`,
    () => `Why the ${r.zipf(NOUNS)} matters more than the ${r.zipf(NOUNS)}`,
    () => `A ${r.zipf(ADJECTIVES)} look at ${r.zipf(NOUNS)}s in ${r.pick(pools.places)}`,
  ];
  return r.pick(forms)().slice(0, max).trim();
}

/** Ids made unique by a counter, readable like real file names. */
function idFactory() {
  const seen = new Set<string>();
  return (text: string) => {
    const base = slug(text) || 'entry';
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    return id;
  };
}

type State = 'live' | 'draft' | 'scheduled' | 'expired';

/** About 3% drafts, 3% scheduled and 3% expired, as in a hub that has run for years. */
function stateOf(r: Random): State {
  const x = r.next();
  return x < 0.03 ? 'draft' : x < 0.06 ? 'scheduled' : x < 0.09 ? 'expired' : 'live';
}

/**
 * `draft`, `publish` and `expires` lines for a state, around `now`; `created`
 * is when the entry was written (in the past). Expiry always comes after publication.
 */
function publishing(r: Random, state: State, now: Date, created: Date): string[] {
  const lines: string[] = [];
  const written = new Date(Math.min(created.getTime(), now.getTime() - 3 * DAY));
  if (state === 'draft') lines.push('draft: true');
  if (state === 'scheduled') lines.push(`publish: ${day(new Date(now.getTime() + r.int(2, 90) * DAY))}`);
  else if (r.chance(0.6) || state === 'expired') lines.push(`publish: ${day(written)}`);
  if (state === 'expired') {
    const days = Math.floor((now.getTime() - written.getTime()) / DAY) - 1;
    lines.push(`expires: ${day(new Date(written.getTime() + r.int(1, Math.max(1, days)) * DAY))}`);
  } else if (r.chance(0.1)) {
    // Far enough ahead that the content check does not warn about it expiring soon.
    lines.push(`expires: ${day(new Date(now.getTime() + r.int(30, 400) * DAY))}`);
  }
  return lines;
}

function pastDate(r: Random, now: Date, maxDays = 3 * 365): Date {
  return new Date(now.getTime() - r.int(3, maxDays) * DAY);
}

function entry(front: string[], text: string): string {
  return `---\n${front.join('\n')}\n---\n${text}\n`;
}

/** Entry counts per collection for `entries` in all; every collection gets at least one. */
export function countsFor(entries: number): Record<BenchCollection, number> {
  const names = Object.keys(PROPORTIONS) as BenchCollection[];
  const counts = Object.fromEntries(names.map((c) => [c, Math.max(1, Math.floor(entries * PROPORTIONS[c]))])) as Record<BenchCollection, number>;
  counts.snippets += Math.max(0, entries - names.reduce((sum, c) => sum + counts[c], 0));
  return counts;
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const now = options.now ?? DEFAULT_NOW;
  const r = prng(options.seed ?? DEFAULT_SEED);
  const pools = namePools(r, options.entries);
  const counts = countsFor(options.entries);
  const files: CorpusFile[] = [{ path: 'settings.yaml', text: SETTINGS }];
  const published = Object.fromEntries(Object.keys(counts).map((c) => [c, 0])) as Record<BenchCollection, number>;
  const live: Record<BenchCollection, string[]> = { snippets: [], articles: [], people: [], campaigns: [], guidelines: [], training: [], tracks: [] };
  const add = (collection: BenchCollection, id: string, state: State, text: string) => {
    files.push({ path: `${collection}/${id}.md`, text });
    if (state === 'live') {
      published[collection]++;
      live[collection].push(id);
    }
  };
  // Links in bodies only point to entries written earlier and published (the content check requires it).
  const linkTargets = (): Ref[] => {
    const refs: Ref[] = [];
    for (const collection of ['snippets', 'articles', 'guidelines'] as const) {
      const ids = live[collection];
      for (let n = 0; n < 2 && ids.length; n++) refs.push({ collection, id: r.pick(ids) });
    }
    return refs;
  };

  // People first: everything else refers to them.
  const personId = idFactory();
  const mentors: string[] = [];
  const spotlights = Math.min(12, Math.max(1, Math.round(counts.people * 0.02)));
  for (let i = 0; i < counts.people; i++) {
    const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const id = personId(name);
    const team = i < TEAMS.length ? TEAMS[i]! : r.pick(TEAMS);
    // The first people are live, so every hub has authors and mentors to point to.
    const state = i < 10 ? 'live' : stateOf(r);
    const mentor = state === 'live' && (i < 3 || r.chance(0.12));
    const front = [
      `name: ${q(name)}`,
      `title: ${q(r.pick(ROLES_BY_TEAM[team]!))}`,
      `team: ${team}`,
      `roles: [${r.some(['listener', 'curator', 'commenter', 'creator'], 1, 3).join(', ')}]`,
    ];
    if (mentor) front.push('mentor: true');
    if (r.chance(0.4)) {
      front.push(`code: ${id.slice(0, 34)}-${i % 1000}`);
      if (r.chance(0.5)) front.push('recognize: true');
    }
    if (i < spotlights) front.push(`spotlight: ${q(`${name.split(' ')[0]} ${sentence(r, pools).replace(/^./, (c) => c.toLowerCase())}`.slice(0, 270))}`);
    const profiles = r.some(['linkedin', 'bluesky', 'mastodon', 'website'], 0, 3);
    if (profiles.length) {
      front.push('profiles:');
      for (const profile of profiles) {
        const url = {
          linkedin: `https://www.linkedin.com/in/example-${id}`,
          bluesky: `https://bsky.app/profile/${id}.tidewater.example`,
          mastodon: `https://mastodon.social/@example_${id.replace(/-/g, '_')}`,
          website: `https://www.tidewater.example/people/${id}`,
        }[profile]!;
        front.push(`  ${profile}: ${url}`);
      }
    }
    front.push(...publishing(r, state, now, pastDate(r, now)));
    add('people', id, state, entry(front, body(r, pools, [1, 3], [])));
    if (mentor) mentors.push(id);
  }

  const campaignId = idFactory();
  for (let i = 0; i < counts.campaigns; i++) {
    const name = `${capitalise(r.zipf(ADJECTIVES))} ${r.zipf(NOUNS)}s ${r.pick(['week', 'month', 'season', 'tour', 'days', 'drive'])} ${r.pick(pools.places)}`;
    const id = campaignId(name);
    // A tenth running now, a tenth coming up, the rest in the past: a hub that has run for years.
    const when = r.next();
    const starts = when < 0.1 ? new Date(now.getTime() - r.int(1, 30) * DAY) : when < 0.2 ? new Date(now.getTime() + r.int(5, 120) * DAY) : pastDate(r, now);
    const ends = new Date(Math.max(starts.getTime() + r.int(7, 60) * DAY, when < 0.1 ? now.getTime() + r.int(1, 30) * DAY : 0));
    const state = i < 3 ? 'live' : stateOf(r);
    const front = [
      `title: ${q(name.slice(0, 120))}`,
      `summary: ${q(paragraph(r, pools, [1, 2]).slice(0, 290))}`,
      `starts: ${day(starts)}`,
      `ends: ${day(ends)}`,
      `topics: [${r.some(TOPICS, 1, 3).join(', ')}]`,
      `teams: [${r.some(TEAMS, 1, 3).join(', ')}]`,
      ...publishing(r, state, now, new Date(Math.min(starts.getTime() - 14 * DAY, now.getTime()))),
    ];
    add('campaigns', id, state, entry(front, body(r, pools, [2, 5], [], true)));
  }

  const guidelineId = idFactory();
  for (let i = 0; i < counts.guidelines; i++) {
    const name =
      `${r.pick(['Share', 'Check', 'Say', 'Respect', 'Keep', 'Add', 'Ask about'])} ${r.pick(['what you know', 'the numbers', 'that you work here', 'customer privacy', 'the tone calm', 'something of your own', 'before you post'])} ${i >= 8 ? `(${r.pick(pools.places)})` : ''}`.trim();
    const id = guidelineId(name);
    const state = i < 4 ? 'live' : stateOf(r);
    const front = [
      `title: ${q(name)}`,
      `summary: ${q(sentence(r, pools))}`,
      `order: ${i + 1}`,
      'do:',
      ...Array.from({ length: r.int(2, 4) }, () => `  - ${q(sentence(r, pools))}`),
      'dont:',
      ...Array.from({ length: r.int(2, 4) }, () => `  - ${q(sentence(r, pools))}`),
      ...(r.chance(0.5) ? [`updated: ${day(pastDate(r, now, 200))}`] : []),
      ...publishing(r, state, now, pastDate(r, now)),
    ];
    add('guidelines', id, state, entry(front, body(r, pools, [3, 6], linkTargets(), true)));
  }

  const trainingId = idFactory();
  for (let i = 0; i < counts.training; i++) {
    const name = `${r.pick(['Advocacy basics', 'Comments that count', 'Your first post', 'Listening first', 'Curating well', 'Writing about your work', 'Handling tough replies'])}${i >= 7 ? `: ${r.zipf(NOUNS)}s` : ''}`;
    const id = trainingId(name);
    // Prerequisites are earlier modules that will be published, so there are no loops and no dangling links.
    const state = i < 3 ? 'live' : stateOf(r);
    const requires = live.training.length ? r.some(live.training.slice(-6), 0, 2) : [];
    const front = [
      `title: ${q(name)}`,
      `summary: ${q(paragraph(r, pools, [1, 2]).slice(0, 290))}`,
      `order: ${i + 1}`,
      `level: ${r.pick(['starter', 'practitioner', 'expert'])}`,
      `role: ${r.pick(['all', 'listener', 'curator', 'commenter', 'creator'])}`,
      `minutes: ${r.int(5, 45)}`,
      'objectives:',
      ...Array.from({ length: r.int(2, 4) }, () => `  - ${q(sentence(r, pools))}`),
      `requires: [${requires.join(', ')}]`,
    ];
    if (r.chance(0.7)) {
      front.push('quiz:');
      for (let n = r.int(2, 4); n > 0; n--) {
        const options = r.int(2, 4);
        front.push(`  - question: ${q(`${sentence(r, pools).replace(/\.$/, '')}?`)}`, '    options:');
        for (let o = 0; o < options; o++) front.push(`      - ${q(sentence(r, pools))}`);
        front.push(`    answer: ${r.int(0, options - 1)}`, `    explain: ${q(paragraph(r, pools, [1, 3]))}`);
      }
    }
    front.push(...publishing(r, state, now, pastDate(r, now)));
    add('training', id, state, entry(front, body(r, pools, [6, 12], linkTargets(), true)));
  }

  const snippetId = idFactory();
  const liveCampaigns = live.campaigns;
  for (let i = 0; i < counts.snippets; i++) {
    const name = title(r, pools, 110);
    const id = snippetId(name);
    const state = i < 5 ? 'live' : stateOf(r);
    const hashtags = r.some(['HeatPumps', 'WinterReady', 'Careers', 'Installers', 'CleanHeat', 'Engineering', 'TidewaterLife', 'Retrofit', 'Apprenticeships'], 0, 2);
    const variants = r.int(2, 4);
    const front = [
      `title: ${q(name)}`,
      `link: https://www.tidewater.example.com/${r.pick(['stories', 'guides', 'careers', 'news', 'events'])}/${id}${r.chance(0.2) ? '?lang=en' : ''}`,
    ];
    if (liveCampaigns.length && r.chance(0.45)) front.push(`campaign: ${r.pick(liveCampaigns)}`);
    front.push(`topics: [${r.some(TOPICS, 1, 3).join(', ')}]`, `teams: [${r.some(TEAMS, 1, 2).join(', ')}]`);
    if (hashtags.length) front.push(`hashtags: [${hashtags.join(', ')}]`);
    front.push('variants:');
    for (let v = 0; v < variants; v++) {
      // Short wordings fit X (280 with link, hashtags and disclosure); one in four is a longer post for the roomier networks.
      const long = v > 0 && r.chance(0.25);
      let text = sentence(r, pools);
      while (text.length < (long ? 320 : 90)) text += ` ${sentence(r, pools)}`;
      text = text
        .slice(0, long ? 480 : 160)
        .replace(/\s+\S*$/, '')
        .replace(/[,;:]$/, '');
      front.push(`  - text: ${q(text)}`);
      if (long) front.push('    networks: [linkedin, facebook, email]');
    }
    front.push(...publishing(r, state, now, pastDate(r, now)));
    add('snippets', id, state, entry(front, body(r, pools, [1, 3], [])));
  }

  const articleId = idFactory();
  const authors = live.people;
  for (let i = 0; i < counts.articles; i++) {
    const name = title(r, pools, 180);
    const id = articleId(name);
    const state = i < 3 ? 'live' : stateOf(r);
    const published = state === 'scheduled' ? new Date(now.getTime() + r.int(2, 60) * DAY) : pastDate(r, now);
    const front = [
      `title: ${q(name)}`,
      `description: ${q(
        paragraph(r, pools, [1, 2])
          .slice(0, 195)
          .replace(/\s+\S*$/, '.'),
      )}`,
      `author: ${r.pick(authors)}`,
      `published: ${day(published)}`,
    ];
    if (r.chance(0.2) && state !== 'scheduled') front.push(`updated: ${day(new Date(Math.min(now.getTime(), published.getTime() + r.int(1, 90) * DAY)))}`);
    front.push(`topics: [${r.some(TOPICS, 1, 3).join(', ')}]`);
    if (r.chance(0.1)) front.push(`canonical: https://blog.tidewater.example.com/${id}`);
    if (state === 'draft') front.push('draft: true');
    if (state === 'expired') {
      const days = Math.floor((now.getTime() - published.getTime()) / DAY) - 1;
      front.push(`expires: ${day(new Date(published.getTime() + r.int(1, Math.max(1, days)) * DAY))}`);
    }
    // Articles are the long entries: 6 to 18 paragraphs (about 600 to 2,000 words).
    add('articles', id, state, entry(front, body(r, pools, [6, 18], linkTargets(), true)));
  }

  const trackId = idFactory();
  for (let i = 0; i < counts.tracks; i++) {
    const team = r.pick(TEAMS.filter((t) => t !== 'all'));
    const name = `${capitalise(team)}: ${r.pick(['your first month', 'writing in public', 'from listener to creator', 'sharing with care', 'events season'])}${i >= 5 ? ` in ${r.pick(pools.places)}` : ''}`;
    const id = trackId(name);
    const state = i < 2 ? 'live' : stateOf(r);
    const front = [`title: ${q(name)}`, `summary: ${q(paragraph(r, pools, [1, 2]).slice(0, 290))}`, `team: ${team}`];
    if (mentors.length && r.chance(0.8)) front.push(`mentor: ${r.pick(mentors)}`);
    front.push('steps:');
    for (let n = r.int(4, 8); n > 0; n--) {
      const collection = r.pick(['guidelines', 'training', 'snippets', 'articles', 'task'] as const);
      if (collection !== 'task' && live[collection].length) front.push(`  - ref: ${collection}/${r.pick(live[collection])}`);
      else front.push(`  - task: ${q(sentence(r, pools))}`);
    }
    front.push(...publishing(r, state, now, pastDate(r, now)));
    add('tracks', id, state, entry(front, body(r, pools, [2, 4], linkTargets())));
  }

  return { files, counts, published };
}

/** Writes the corpus to `dir` (emptied first) and returns it. */
export function writeCorpus(dir: string, options: CorpusOptions): Corpus {
  const corpus = generateCorpus(options);
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const file of corpus.files) {
    const target = path.join(dir, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(target, file.text);
  }
  return corpus;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, entries = '1000', seed = String(DEFAULT_SEED)] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/scale/corpus.ts <dir> [entries] [seed]');
    process.exit(2);
  }
  const corpus = writeCorpus(path.resolve(dir), { entries: Number(entries), seed: Number(seed) });
  console.log(`wrote ${corpus.files.length - 1} entries to ${dir}:`, corpus.counts, 'published:', corpus.published);
}
