/** UI strings handed to a client island through `data-strings`, with their `{placeholders}` left for the island to fill. */
import type { Translate } from './i18n.ts';

/**
 * `keys` are checked against the keys `t` takes (for the hub's `t`, those of src/i18n/en.json); `plurals`
 * are the forms of strings the island counts itself (`pluralStrings` of src/views/hub.ts).
 */
export function clientStrings<K extends string>(t: Translate<K>, keys: readonly NoInfer<K>[], plurals: Record<string, string> = {}): string {
  return JSON.stringify({ ...Object.fromEntries(keys.map((key) => [key, t(key)])), ...plurals });
}
