/**
 * What the advocate shared (`hub:shared`, through src/client/share-store.ts):
 * per snippet or article id, when and on which network it was last shared.
 * A track's snippet step completes itself from it. Checked on read like
 * every stored value; kept to the most recent MAX_SHARED items.
 */
import { isId } from '../../model/ids.ts';
import type { NetworkId } from '../../model/networks.ts';

/**
 * The shape of a network id, not the registry's list: the track page reads
 * this record too, and the registry would then be split out of the snippet
 * page's script into a chunk of its own (about 1 KB more to load there).
 * A network removed since is harmless: only the snippet id counts.
 */
const NETWORK_SHAPE = /^[a-z][a-z0-9-]{0,31}$/;

/** Its localStorage key. */
export const SHARED_KEY = 'hub:shared';
export const SHARED_VERSION = 1;
export const MAX_SHARED = 500;

export interface SharedItems {
  v: typeof SHARED_VERSION;
  items: Record<string, { at: string; network: NetworkId }>;
}

export function parseSharedItems(raw: string | null): SharedItems {
  const shared: SharedItems = { v: SHARED_VERSION, items: {} };
  try {
    const value = JSON.parse(raw ?? 'null') as { v?: unknown; items?: Record<string, { at?: unknown; network?: unknown }> } | null;
    if (value?.v !== SHARED_VERSION || !value.items || typeof value.items !== 'object') return shared;
    for (const [id, item] of Object.entries(value.items)) {
      if (isId(id) && typeof item?.at === 'string' && !Number.isNaN(Date.parse(item.at)) && typeof item.network === 'string' && NETWORK_SHAPE.test(item.network))
        shared.items[id] = { at: item.at, network: item.network as NetworkId };
    }
  } catch {
    /* not JSON: start again */
  }
  return shared;
}

/** `id` shared on `network` at `at`; the oldest records go past MAX_SHARED. */
export function sharedOnce(shared: SharedItems, id: string, network: NetworkId, at: Date): SharedItems {
  const { [id]: _previous, ...rest } = shared.items;
  const entries = [...Object.entries(rest), [id, { at: at.toISOString(), network }] as const].slice(-MAX_SHARED);
  return { v: SHARED_VERSION, items: Object.fromEntries(entries) };
}

/**
 * The day `at` as the advocate reads it ("Shared on …"), in the page's language and their time zone.
 * Intl directly, not lib/dates.ts: that module would add about 2 KB to the snippet page's script.
 */
export function sharedDay(at: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(at));
}
