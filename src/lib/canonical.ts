/**
 * Values typed into a URL by people (`?team=sales`, `?type=people`) matched to
 * the hub's own spelling (`Sales`, `Person`) without regard to case, spaces
 * or hyphens, so a link works however it was written. No imports: the search
 * page's script and the advocate store both carry it.
 */

/** The form two spellings are compared in: lower case, hyphens and underscores as spaces, spaces collapsed. */
export function foldValue(value: string): string {
  return value
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/**
 * The canonical value `value` means: the one of `allowed` it equals once
 * folded, else the value an alias (another name for it, e.g. the collection
 * `people` for the type `Person`) points to; undefined when none matches.
 */
export function canonicalValue(value: string, allowed: Iterable<string>, aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const key = foldValue(value);
  if (!key) return undefined;
  const values = [...allowed];
  const exact = values.find((candidate) => candidate === value);
  if (exact !== undefined) return exact;
  const folded = values.find((candidate) => foldValue(candidate) === key);
  if (folded !== undefined) return folded;
  for (const [alias, target] of Object.entries(aliases)) {
    if (foldValue(alias) === key && values.includes(target)) return target;
  }
  return undefined;
}
