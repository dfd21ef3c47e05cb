/**
 * Which wording an advocate starts from: one of the wordings offered on the
 * most networks (or, with a deep link's `network=`, on that network), so a
 * first visit never starts from a wording most buttons cannot share. With a
 * code, the choice among those is a hash of code and snippet id, so an
 * advocate sees the same wording every visit while fifty colleagues spread
 * over them; without one it is random. A deep link's `?v=N` overrides it.
 */
import type { NetworkId } from '../../model/networks.ts';

export interface VariantLike {
  networks?: readonly NetworkId[];
}

/** 32-bit FNV-1a: tiny, stable across browsers and Node, well spread for short strings. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The variants (0-based) offered on `network`; without one, those offered on
 * the most of `networks` (the item's networks; a variant without a list of
 * its own is offered on all of them).
 */
export function variantsFor(variants: readonly VariantLike[], network?: NetworkId, networks?: readonly NetworkId[]): number[] {
  const all = variants.map((_, index) => index);
  if (network) {
    const offered = all.filter((index) => !variants[index]!.networks || variants[index]!.networks!.includes(network));
    return offered.length ? offered : all;
  }
  const reach = (index: number) => {
    const only = variants[index]!.networks;
    return !only ? Infinity : networks ? networks.filter((id) => only.includes(id)).length : only.length;
  };
  const most = Math.max(...all.map(reach));
  return all.filter((index) => reach(index) === most);
}

/** The default variant (0-based) for this advocate and snippet, offered on the item's `networks`. */
export function defaultVariant(
  variants: readonly VariantLike[],
  options: { id: string; code?: string; network?: NetworkId; networks?: readonly NetworkId[]; random?: () => number },
): number {
  const pool = variantsFor(variants, options.network, options.networks);
  const pick = options.code ? fnv1a(`${options.code}\u0000${options.id}`) % pool.length : Math.floor((options.random ?? Math.random)() * pool.length);
  return pool[Math.min(pick, pool.length - 1)]!;
}

export interface DeepLink {
  /** 0-based variant from `?v=N` (1-based in the URL). */
  variant?: number;
  network?: NetworkId;
}

/** `?v=N&network=<id>` of a share page, ignoring values that do not exist here. */
export function parseDeepLink(search: string, variantCount: number, networks: readonly NetworkId[]): DeepLink {
  const params = new URLSearchParams(search);
  const link: DeepLink = {};
  const v = params.get('v')?.trim() ?? '';
  if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= variantCount) link.variant = Number(v) - 1;
  const network = params.get('network')?.trim().toLowerCase() as NetworkId | undefined;
  if (network && networks.includes(network)) link.network = network;
  return link;
}
