import type { z } from 'astro/zod';
import type { Settings } from './settings.ts';

/** The collections of content/, in the order the hub reports and builds them. */
export const COLLECTIONS = ['snippets', 'articles', 'guidelines', 'training', 'campaigns', 'people', 'tracks'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** What a collection schema needs to know beyond its own file. */
export interface SchemaContext<Image extends z.ZodType = z.ZodType> {
  settings: Settings;
  /** Ids of every entry per collection, read from file names before parsing, for references. */
  ids: Record<CollectionName, ReadonlySet<string>>;
  /** Astro's `image()` in the build; a plain path check when validating outside Astro. */
  image: () => Image;
}

/** A settings list (teams, topics, networks) as the non-empty tuple `z.enum` wants. */
export function tuple<T extends string>(values: readonly T[]): [T, ...T[]] {
  return values as [T, ...T[]];
}
