/**
 * What the search index knows about one entry besides its text: the filters
 * readers narrow by, and the metadata a result shows, whose date (when the
 * entry has one) is also what "newest first" orders by (the build reads it
 * back from the index into NEWEST_FILE: src/hub/search.ts).
 * `components/SearchEntry.astro` renders it as <data> elements inside the
 * entry's page; Pagefind reads them when the build indexes dist/.
 */
import type { CollectionName } from '../../model/collections.ts';
import { formatDate, isoDay } from '../dates.ts';
import { humanize } from '../labels.ts';
import { type Publishable, unpublishedReason } from '../publish.ts';
import { type NetworkId, network, offeredNetworks } from '../../model/networks.ts';
import { ROUTE_OF } from '../../model/collections.ts';
import { cardThumbPath, entryPath } from '../urls.ts';
import { SORT_KEY, type SearchFilters } from './filters.ts';

export interface SearchRecord {
  filters: SearchFilters;
  /**
   * title, type, image (a thumbnail of the share card), date (ISO day, SORT_KEY) + date_label when dated,
   * share (snippets: where to share it). Undated entries (training, people, tracks …) come last under "newest first".
   */
  meta: Record<string, string>;
}

export interface SearchEntryInput {
  collection: CollectionName;
  id: string;
  /** The entry's validated front matter. */
  data: Publishable & Record<string, unknown>;
  /** The title (a person's name). */
  title: string;
  /** The entry type in the hub's language: "Snippet", "Article" … */
  typeLabel: string;
  /** The hub's language, for the date shown in results. */
  lang: string;
  /** `settings.networks`: what a snippet without its own `networks` is offered on. */
  defaultNetworks: readonly NetworkId[];
  /** `settings.teams`: an entry for "all" is found under each of them too. */
  teams: readonly string[];
  /** The instant the build publishes for. */
  now: Date;
  /**
   * Filter values as readers of the hub's language see them (src/views/labels.ts: the team "all" and a
   * network named by a word are translated). Default: ids made readable by humanize(), networks' labels.
   */
  names?: Partial<FilterNames>;
}

export interface FilterNames {
  team(id: string): string;
  topic(id: string): string;
  network(id: NetworkId): string;
}

const ENGLISH_NAMES: FilterNames = { team: humanize, topic: humanize, network: (id) => network(id).label };

/** A route tried to put an unpublished entry into the index: a code defect, never a content problem. */
export class UnpublishedEntryError extends Error {
  override name = 'UnpublishedEntryError';
}

export function searchRecord(input: SearchEntryInput): SearchRecord {
  const { collection, id, data } = input;
  const reason = unpublishedReason(data, input.now);
  if (reason) {
    throw new UnpublishedEntryError(
      `/${ROUTE_OF[collection]}/${id}/ is ${reason} but was about to be added to the search index; ` +
        'its route must list entries through published() from src/views/hub.ts',
    );
  }

  const names: FilterNames = { ...ENGLISH_NAMES, ...input.names };
  const filters: SearchFilters = { type: [input.typeLabel] };
  const topics = strings(data.topics);
  if (topics.length) filters.topic = topics.map((topic) => names.topic(topic));
  const teams = teamsOf(collection, data, input.teams);
  if (teams.length) filters.team = teams.map((team) => names.team(team));
  if (collection === 'snippets') {
    const own = strings(data.networks) as NetworkId[];
    filters.network = offeredNetworks(input.defaultNetworks, own.length ? own : undefined).map((id) => names.network(id));
  }

  const meta: Record<string, string> = { title: input.title, type: input.typeLabel, image: cardThumbPath(collection, id) };
  const date = entryDate(collection, data);
  if (date) {
    meta[SORT_KEY] = isoDay(date);
    meta.date_label = formatDate(date, input.lang);
  }
  if (collection === 'snippets') meta.share = entryPath('snippets', id);

  return { filters, meta };
}

/**
 * The date an entry is known by, if it has one: an article's publication,
 * a snippet's publish date, a campaign's start, a guideline's last update.
 */
export function entryDate(collection: CollectionName, data: Record<string, unknown>): Date | undefined {
  const field = { articles: 'published', snippets: 'publish', campaigns: 'starts', guidelines: 'updated' }[collection as string];
  const value = field ? data[field] : undefined;
  return value instanceof Date ? value : undefined;
}

/**
 * The teams an entry is filed under: who it is for (snippets, campaigns,
 * tracks) or belongs to (people). What is for "all" is for every team, so a
 * reader who narrows to their team finds it too (as the snippet lists'
 * team filter shows it: matchesTeam in src/lib/onboarding.ts).
 */
function teamsOf(collection: CollectionName, data: Record<string, unknown>, hubTeams: readonly string[]): string[] {
  if (collection === 'people') return strings(data.team);
  const audience = collection === 'tracks' ? strings(data.team) : collection === 'snippets' || collection === 'campaigns' ? strings(data.teams) : [];
  if (!audience.includes(ALL_TEAMS)) return audience;
  return [...new Set([ALL_TEAMS, ...audience, ...hubTeams])];
}

/** The team value that means everyone (settings.teams lists it first). */
const ALL_TEAMS = 'all';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
