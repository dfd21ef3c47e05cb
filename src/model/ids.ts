/**
 * The patterns every layer agrees on, defined once: entry, team and topic
 * ids, host names, and the advocate code. The schemas, the content checks,
 * the CMS configuration and the browser islands all import them from here.
 */

/** An id: lowercase letters and digits in groups joined by single hyphens. Entry ids become URLs. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id rule in words, for messages and the CMS. */
export const ID_RULE = 'lowercase letters, digits and hyphens';

/** A host name such as mastodon.social: no scheme, no port, no path. */
export const HOST_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The longest advocate code the hub accepts: it ends up in every shared link (utm_content). */
export const CODE_MAX_LENGTH = 40;

/** An advocate code: letters, digits, "-" and "_", starting with a letter or digit. */
export const CODE_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${CODE_MAX_LENGTH - 1}}$`);

/** The code rule in words, for messages and form hints. */
export const CODE_RULE = `1–${CODE_MAX_LENGTH} letters, digits, "-" or "_", starting with a letter or digit, e.g. maya-o`;

/** A code of the longest length: build checks tag links with it, so no advocate's post can come out longer. */
export const LONGEST_CODE = 'X'.repeat(CODE_MAX_LENGTH);

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** An advocate code as typed or linked, trimmed, or undefined when it cannot be one. */
export function normalizeCode(value: string | null | undefined): string | undefined {
  const code = value?.trim();
  return code && CODE_PATTERN.test(code) ? code : undefined;
}

/** A Mastodon host from what an advocate types: "mastodon.social", "@me@hachyderm.io" or a URL. */
export function normalizeHost(value: string | null | undefined): string | undefined {
  let text = value?.trim().toLowerCase() ?? '';
  if (!text) return undefined;
  if (/^https?:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return undefined;
    }
  }
  text = text.replace(/^@?[^@]*@/, '').replace(/\/.*$/, '');
  return HOST_PATTERN.test(text) ? text : undefined;
}
