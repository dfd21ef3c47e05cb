/**
 * What /compose/ keeps in the browser (localStorage "hub:compose"): the
 * composition being written, and the recent ones. Versioned and validated on
 * read; a composition is never dropped without the advocate's say: arriving
 * with another link, or reopening a recent one, first files the current
 * one among the recent ones.
 */
import { NETWORK_IDS, type NetworkId } from '../../model/networks.ts';

export interface Composition {
  url: string;
  title: string;
  text: string;
  /** The networks picked; undefined means every network the hub offers. */
  networks?: NetworkId[];
  /** When it was last changed (ms since 1970). */
  at: number;
}

export interface Compositions {
  v: 1;
  current?: Composition;
  /** Newest first. */
  recent: Composition[];
}

const EMPTY: Compositions = { v: 1, recent: [] };

function composition(value: unknown): Composition | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { url, title, text, networks, at } = value as Record<string, unknown>;
  if (typeof url !== 'string' || typeof title !== 'string' || typeof text !== 'string' || typeof at !== 'number') return undefined;
  const picked = Array.isArray(networks) ? networks.filter((id): id is NetworkId => (NETWORK_IDS as readonly string[]).includes(id)) : undefined;
  return { url, title, text, at, ...(picked && { networks: picked }) };
}

/** The stored compositions, or none when the value is missing or not one this version wrote (entries that are not compositions are skipped). */
export function parseCompositions(raw: string | null): Compositions {
  try {
    const value = JSON.parse(raw ?? 'null') as Partial<Compositions> | null;
    if (!value || value.v !== 1 || !Array.isArray(value.recent)) return EMPTY;
    const current = composition(value.current);
    return { v: 1, recent: value.recent.map(composition).filter((c): c is Composition => !!c), ...(current && { current }) };
  } catch {
    return EMPTY;
  }
}

/** Whether a composition holds anything the advocate would miss. */
export const isBlank = (c: Composition | undefined): boolean => !c || (!c.url.trim() && !c.title.trim() && !c.text.trim());

const same = (a: Composition, b: Composition) => a.url === b.url && a.title === b.title && a.text === b.text;

/** `stored` with `current` filed first among the recent ones (once: an identical one moves up) and `next` as the current one. */
export function fileAndStart(stored: Compositions, next: Composition): Compositions {
  const { current } = stored;
  const recent = isBlank(current) || same(current!, next) ? stored.recent : [current!, ...stored.recent.filter((c) => !same(c, current!))];
  return { v: 1, current: next, recent: recent.filter((c) => !same(c, next)) };
}

/** `stored` with the recent composition `index` removed (the advocate deleted it). */
export function withoutRecent(stored: Compositions, index: number): Compositions {
  return { ...stored, recent: stored.recent.filter((_, i) => i !== index) };
}
