/**
 * UTM tagging of a shared link (content model: "Tagged link"). The link keeps
 * its own query, byte for byte and in order, and its fragment; the UTM
 * parameters are appended before the fragment. A UTM parameter the link
 * already carries under one of the names set here is replaced, so the
 * tagged link names exactly one source, medium, campaign and content.
 */

export interface Utm {
  /** The network id, e.g. "linkedin". */
  source: string;
  /** settings.utm.medium. */
  medium: string;
  /** The campaign id, or the snippet (article) id when there is no campaign. */
  campaign: string;
  /** The advocate's code, when there is one. */
  content?: string;
}

const KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'] as const;

export function tagLink(link: string, utm: Utm): string {
  const hashAt = link.indexOf('#');
  const fragment = hashAt === -1 ? '' : link.slice(hashAt);
  const beforeFragment = hashAt === -1 ? link : link.slice(0, hashAt);
  const queryAt = beforeFragment.indexOf('?');
  const base = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeFragment.slice(queryAt + 1);

  const values: Record<(typeof KEYS)[number], string | undefined> = {
    utm_source: utm.source,
    utm_medium: utm.medium,
    utm_campaign: utm.campaign,
    utm_content: utm.content || undefined,
  };
  const kept = query.split('&').filter((pair) => pair !== '' && !(KEYS as readonly string[]).includes(paramName(pair)));
  const added = KEYS.filter((key) => values[key] !== undefined).map((key) => `${key}=${encodeURIComponent(values[key]!)}`);
  return `${base}?${[...kept, ...added].join('&')}${fragment}`;
}

/** The decoded name of a `name=value` pair, as URLSearchParams would read it. */
export function paramName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
