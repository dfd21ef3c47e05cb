/**
 * The digest's data, as /digest/<team>.json publishes it and the senders (scripts/digest-send.ts,
 * scripts/digest-post.ts) read it back from dist/. Version it when a field changes meaning.
 */
import type { DIGEST_SECTIONS } from '../../model/schemas/settings.ts';

export type DigestSectionId = (typeof DIGEST_SECTIONS)[number];
export type DigestItemKind = 'snippet' | 'article' | 'training' | 'campaign' | 'person';

export interface DigestItem {
  kind: DigestItemKind;
  id: string;
  title: string;
  /** One or two sentences: the post's start, the description, the summary or the recognition quote (in the language's quotation marks). */
  text: string;
  /** The page to act on, tagged utm_source=digest, with the team preselected (a snippet: its share page). */
  url: string;
  /** The entry's share card on the hub (absolute), the only image a digest shows. */
  card?: string;
  /** YYYY-MM-DD: published, starts, or the last day it can be shared. */
  date: string;
  /** YYYY-MM-DD: a campaign's last day. */
  until?: string;
  /** A spotlight: the person's job title and team, as readers see them. */
  note?: string;
  /** What the item is ("Post to share") and when, as readers see them ("Nov 16, 2026"). */
  label: string;
  when: string;
  /** The link's words ("Share it"). */
  action: string;
}

export interface DigestSection {
  id: DigestSectionId;
  /** The heading, in the hub's language. */
  title: string;
  items: DigestItem[];
}

export interface Digest {
  version: 1;
  hub: { name: string; organization: string; site: string; lang: string; brand: { primary: string; accent: string } };
  /** A team id, or "all" for the digest for everyone. */
  team: string;
  /** The team as readers see it ("Sales", "Everyone"). */
  teamLabel: string;
  /** ISO week of the digest day, e.g. "2026-W47". */
  week: string;
  /** The digest day and the first day it covers, YYYY-MM-DD. */
  date: string;
  since: string;
  /** The subject line / title, in the hub's language. */
  subject: string;
  /** The first line under the title. */
  intro: string;
  /** The digest's page on the hub (absolute). */
  page: string;
  /** The messages' last lines: why the reader gets it, and the link to the page. */
  footer: string;
  openOnHub: string;
  /** Nothing new, starting or expiring: nothing is sent. A spotlight alone does not make a digest. */
  empty: boolean;
  /** The sections settings.digest.sections asks for, in that order, each with at least one item. */
  sections: DigestSection[];
}

/** /digest.json: which digests this build made, for the senders. */
export interface DigestIndex {
  version: 1;
  week: string;
  date: string;
  digests: { team: string; empty: boolean; items: number; json: string; page: string }[];
}
