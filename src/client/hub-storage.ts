/**
 * The hub's localStorage, as every progress island uses it: values kept as
 * JSON under "hub:*" keys, a `hub:progress` event when one changes, and one
 * way to follow changes from this page, from prefs and from other tabs.
 * Kept apart from the parsers so a small island (the guidelines reminder)
 * loads only what it reads.
 */

export function readItem(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the hub still works, it just forgets
  }
}

/** Stores `value` as JSON (undefined removes it) and tells the other islands on the page. */
export function writeItem(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage disabled */
  }
  document.dispatchEvent(new CustomEvent('hub:progress', { detail: { key } }));
}

/** Calls `update` now, when another island changes progress or prefs, and when another tab does. */
export function onProgressChange(update: () => void): void {
  document.addEventListener('hub:progress', update);
  document.addEventListener('hub:prefs', update);
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith('hub:')) update();
  });
  update();
}
