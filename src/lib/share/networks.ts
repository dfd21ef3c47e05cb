/**
 * The networks the hub can prefill a composer for. The order is the order of
 * the share buttons; `settings.networks` picks and orders a subset.
 */
export const NETWORK_IDS = [
  'linkedin',
  'x',
  'bluesky',
  'mastodon',
  'threads',
  'facebook',
  'reddit',
  'whatsapp',
  'telegram',
  'email',
] as const;

export type NetworkId = (typeof NETWORK_IDS)[number];

export const NETWORK_LABELS: Record<NetworkId, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  facebook: 'Facebook',
  reddit: 'Reddit',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  email: 'E-mail',
};

/** The networks a snippet offers, in the button order of settings.networks. */
export function offeredNetworks(settingsNetworks: readonly NetworkId[], snippetNetworks?: readonly NetworkId[]): NetworkId[] {
  return settingsNetworks.filter((network) => !snippetNetworks || snippetNetworks.includes(network));
}
