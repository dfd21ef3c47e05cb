import type { z } from 'astro/zod';
import type { CollectionName } from '../collections.ts';
import type { Settings } from './settings.ts';

/** What a collection schema needs to know beyond its own file. */
export interface SchemaContext<Image extends z.ZodType = z.ZodType> {
  settings: Settings;
  /**
   * Ids of every entry per collection, read from file names before parsing, so
   * a reference to a missing entry fails the parse. Without them references are
   * only checked for form: Astro's own schema pass and the CMS configuration
   * run after the content check has checked them.
   */
  ids?: Record<CollectionName, ReadonlySet<string>>;
  /** Astro's `image()` in the build; a plain path check when validating outside Astro. */
  image: () => Image;
}

/** A settings list (teams, topics, networks) as the non-empty tuple `z.enum` wants. */
export function tuple<T extends string>(values: readonly T[]): [T, ...T[]] {
  return values as [T, ...T[]];
}
