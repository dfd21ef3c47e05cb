/** The share panel's memory in localStorage: the advocate's drafts and how often they shared where (parsing in src/lib/share). */
import { type ItemDraft, parseDrafts, withItemDraft } from '../lib/share/saved-drafts.ts';
import { type NetworkUse, parseNetworkUse, usedOnce } from '../lib/share/network-use.ts';
import { SHARED_KEY, type SharedItems, parseSharedItems, sharedOnce } from '../lib/share/shared-items.ts';
import type { NetworkId } from '../model/networks.ts';
import { readItem, writeItem } from './hub-storage.ts';

export const DRAFTS_KEY = 'hub:drafts';
export const NETWORK_USE_KEY = 'hub:network-use';

export const readDraft = (id: string): ItemDraft => parseDrafts(readItem(DRAFTS_KEY)).items[id] ?? { texts: {}, at: 0 };
export const writeDraft = (id: string, draft: ItemDraft): void => writeItem(DRAFTS_KEY, withItemDraft(parseDrafts(readItem(DRAFTS_KEY)), id, draft));

export const readNetworkUse = (): NetworkUse => parseNetworkUse(readItem(NETWORK_USE_KEY));
export const recordNetworkUse = (id: NetworkId): void => writeItem(NETWORK_USE_KEY, usedOnce(readNetworkUse(), id));

export const readSharedItems = (): SharedItems => parseSharedItems(readItem(SHARED_KEY));
/** `id` was shared on `network` now (a track's snippet step completes itself from it). */
export const recordShared = (id: string, network: NetworkId): void => writeItem(SHARED_KEY, sharedOnce(readSharedItems(), id, network, new Date()));
