/**
 * Which links get UTM tags on /compose/: only links to the company's own
 * domains (settings.compose.own_domains; by default the host of `site` and
 * the hosts of the snippets' links). A third-party article is shared exactly
 * as pasted: tagging someone else's link would leak the programme's campaign
 * names to them and can break links that sign their query.
 */

/** The host of an absolute address, lower case, without a trailing dot; undefined when it has none. */
export function hostOf(link: string): string | undefined {
  try {
    return new URL(link).hostname.toLowerCase().replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Is `link` on one of `domains` or a subdomain of one ("www.acme.example" is on "acme.example")? */
export function isOwnLink(link: string, domains: readonly string[]): boolean {
  const host = hostOf(link);
  return !!host && domains.some((domain) => host === domain.toLowerCase() || host.endsWith(`.${domain.toLowerCase()}`));
}

/**
 * The own domains a hub has: those settings list, or the host of `site` and of every snippet's link, each
 * once, a `www.` host standing for its domain ("www.acme.example" gives "acme.example", so the company's
 * links written without www, and its other subdomains, are its own too).
 */
export function ownDomains(listed: readonly string[] | undefined, site: string, links: readonly string[]): string[] {
  if (listed?.length) return [...new Set(listed.map((domain) => domain.toLowerCase()))];
  return [...new Set([site, ...links].map(hostOf).flatMap((host) => (host ? [host.replace(/^www\./, '')] : [])))];
}
