/** UI strings handed to a client island through `data-strings`, with their `{placeholders}` left for the island to fill. */
import type { Translate, UiKey } from './i18n.ts';

export function clientStrings(t: Translate, keys: readonly UiKey[]): string {
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, t(key)])));
}
