/**
 * The collections of content/ and what the content model fixes about each:
 * the file types an entry may be, and the first path segment of its pages
 * (`/share/<id>/` and `/start/<id>/` are part of the contract, docs/content-model.md).
 */
import { ID_PATTERN } from './ids.ts';

/** The collections, in the order the hub reports and builds them. */
export const COLLECTIONS = ['snippets', 'articles', 'guidelines', 'training', 'campaigns', 'people', 'tracks'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Extensions an entry may have, per collection. */
export const ENTRY_EXTENSIONS: Record<CollectionName, readonly string[]> = {
  snippets: ['.md'],
  articles: ['.md', '.mdx'],
  guidelines: ['.md', '.mdx'],
  training: ['.md', '.mdx'],
  campaigns: ['.md'],
  people: ['.md'],
  tracks: ['.md'],
};

/** Files that may sit next to entries (covers, avatars) without being entries. */
export const ASSET_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.svg'];

/** The first path segment of each collection's pages. */
export const ROUTE_OF: Record<CollectionName, string> = {
  snippets: 'share',
  articles: 'articles',
  guidelines: 'guidelines',
  training: 'training',
  campaigns: 'campaigns',
  people: 'people',
  tracks: 'start',
};

/** The settings file at the root of the content folder. */
export const SETTINGS_FILE = 'settings.yaml';

/** A reference to any entry, "collection/id", as track steps write it. */
export const ENTRY_REF_PATTERN = new RegExp(`^(?:${COLLECTIONS.join('|')})/${ID_PATTERN.source.slice(1)}`);

export function isCollection(value: unknown): value is CollectionName {
  return typeof value === 'string' && (COLLECTIONS as readonly string[]).includes(value);
}
