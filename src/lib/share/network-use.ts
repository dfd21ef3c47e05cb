/**
 * How often the advocate shared to each network (`hub:network-use`, through
 * src/client/share-store.ts), so the share panel puts their networks first.
 * Before any use, the hub's own order (settings.networks, LinkedIn first by
 * default) stands. Checked on read like every stored value.
 */
import { type NetworkId, isNetworkId } from '../../model/networks.ts';

export const USE_VERSION = 1;

export interface NetworkUse {
  v: typeof USE_VERSION;
  counts: Partial<Record<NetworkId, number>>;
}

export function parseNetworkUse(raw: string | null): NetworkUse {
  const use: NetworkUse = { v: USE_VERSION, counts: {} };
  try {
    const value = JSON.parse(raw ?? 'null') as { v?: unknown; counts?: Record<string, unknown> } | null;
    if (value?.v !== USE_VERSION) return use;
    for (const [id, count] of Object.entries(value.counts ?? {}))
      if (isNetworkId(id) && Number.isInteger(count) && (count as number) > 0) use.counts[id] = count as number;
  } catch {
    /* not JSON: start again */
  }
  return use;
}

/** One more share to `id`. */
export function usedOnce(use: NetworkUse, id: NetworkId): NetworkUse {
  return { v: USE_VERSION, counts: { ...use.counts, [id]: (use.counts[id] ?? 0) + 1 } };
}

/** `networks` (in the hub's order) with the most used first; a tie keeps the hub's order. */
export function byUse(networks: readonly NetworkId[], use: NetworkUse): NetworkId[] {
  return networks
    .map((id, index) => ({ id, index, count: use.counts[id] ?? 0 }))
    .sort((a, b) => b.count - a.count || a.index - b.index)
    .map(({ id }) => id);
}
