/**
 * A person's contact ways as links, in one order (e-mail, chat, booking).
 * The schema lets only an address and https links through; this builds the
 * mailto: and refuses anything else again, so a link is never made from a
 * value the schema did not check (a test corpus, an old entry).
 */
import { EMAIL_PATTERN, isHttpsUrl } from '../model/schemas/fields.ts';
import { webHref } from './urls.ts';

export type ContactKind = 'email' | 'chat' | 'booking';

export interface ContactLink {
  kind: ContactKind;
  href: string;
}

export function contactLinks(contact: Partial<Record<ContactKind, string>> | undefined): ContactLink[] {
  const links: ContactLink[] = [];
  if (contact?.email && EMAIL_PATTERN.test(contact.email)) links.push({ kind: 'email', href: `mailto:${contact.email}` });
  for (const kind of ['chat', 'booking'] as const) {
    const url = contact?.[kind];
    if (url && isHttpsUrl(url)) links.push({ kind, href: webHref(url) });
  }
  return links;
}
