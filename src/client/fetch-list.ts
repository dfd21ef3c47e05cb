/**
 * A list the hub publishes as JSON beside its pages (`/search/words.json`,
 * `/start/tracks.json`), fetched by an island only when it needs it: the
 * list, or an empty one when it cannot be fetched (offline before the web
 * app kept it) or is not a list.
 */
export async function fetchList(url: string): Promise<unknown[]> {
  try {
    const response = await fetch(url);
    const list: unknown = response.ok ? await response.json() : [];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}
