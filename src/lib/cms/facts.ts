/**
 * What Decap CMS's save check (src/content/cms-check.ts, run in the browser
 * by /admin/) needs to know about the rest of the content tree, so that it
 * refuses what the build would refuse: the checked settings, every other
 * entry's checked front matter (references, mentors, what is published),
 * and the files next to entries (images). The content loader keeps it up to
 * date in the build channel; /admin/content-facts.json serves it from the
 * hub's own origin.
 */
import type { CollectionName } from '../../model/collections.ts';
import type { Settings } from '../../model/schemas/settings.ts';

export interface EntryFact {
  collection: CollectionName;
  /** The entry's id, the same in every language. */
  id: string;
  /** The language of a translation (`<id>.<language>.md`); absent for the default language's version. */
  lang?: string;
  /** The path as the build's messages show it. */
  file: string;
  /**
   * What other entries' checks read of this one, from its checked front matter (FACT_FIELDS): its
   * publish state, whether a person is a mentor, a module's requirements, its teams, topics and
   * networks; and for a published snippet what its share page shows (SHARE_FIELDS). No other
   * titles or texts: the file is served with the built /admin/, and unpublished content never is.
   */
  data: Record<string, unknown>;
  /**
   * Lines of the fields given, by field path (`variants[0].text`), so that a
   * settings save names the line the build would name.
   */
  lines?: Record<string, number>;
  /** Set when `data` holds what a snippet's share rules read (SHARE_FIELDS): a settings save checks them again. */
  shareable?: boolean;
}

/**
 * The fields of an entry the checks of another entry read (src/content/checks/references.ts, lint.ts),
 * and those whose allowed values settings.yaml lists (teams, topics, networks), which a settings save checks again.
 */
export const FACT_FIELDS = ['draft', 'publish', 'published', 'expires', 'mentor', 'requires', 'teams', 'team', 'topics', 'networks'] as const;

/**
 * What a snippet's share rules read (src/content/checks/share-rules.ts) beside FACT_FIELDS: its wordings
 * and what is added to them. Given for published snippets only in a build (their share pages show it all
 * anyway), for every snippet under `npm run cms`, where nothing is published.
 */
export const SHARE_FIELDS = ['title', 'link', 'campaign', 'hashtags', 'variants'] as const;

/** What the content loader found, as of its last reading of the tree. */
export interface TreeFacts {
  /** The content folder as messages show it (e.g. `content`). */
  folder: string;
  entries: EntryFact[];
  /** Every other file of the collections' folders (images), as messages show it. */
  assets: string[];
  /** The files under public/ (where `brand.logo` points), as paths under it: `brand/logo.svg`. */
  publicFiles?: string[];
}

export interface CmsFacts extends TreeFacts {
  settings: Settings;
  /** The instant the build publishes for when it is pinned (HUB_NOW); otherwise the editor's clock. */
  now?: string | Date;
  /** The content folder relative to the repository the CMS commits to (Decap's paths start with it). */
  contentPath: string;
  /** The code points the share card fonts draw, as sorted [first, last] ranges: a save with others is refused, as the build refuses it. */
  cardGlyphs?: [number, number][];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Reads /admin/content-facts.json, turning the dates JSON wrote as ISO strings back into Dates. */
export function parseFacts(json: string): CmsFacts {
  return JSON.parse(json, (_key, value: unknown) => (typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : value)) as CmsFacts;
}
