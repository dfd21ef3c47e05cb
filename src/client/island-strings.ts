/** What islands need to speak the page's language: strings from the server, dates in its locale. */
import type { UiKey, Vars } from '../lib/i18n.ts';

/**
 * UI strings rendered by the server into `data-strings` (JSON), so islands hold no English of their own.
 * `K` is the keys the island's component hands over (src/components/island-keys.ts).
 */
export function stringsOf<K extends UiKey = UiKey>(element: HTMLElement): (key: K, vars?: Vars) => string {
  let strings: Record<string, string> = {};
  try {
    strings = JSON.parse(element.dataset.strings ?? '{}') as Record<string, string>;
  } catch {
    /* keep empty */
  }
  return (key, vars = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** A date as readers of the page's language see it. */
export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' }).format(new Date(iso));
}
