/**
 * The text that is shared (content model): the advocate's words (the variant,
 * or their edit of it, after an optional first line of their own), then the
 * hashtags, then the disclosure, then the tagged link. Hashtags and
 * disclosure share one line; blocks are separated by a blank line. A title
 * (Reddit) is one line without hashtags.
 */
import { type NetworkId, network, takesLinkApart } from '../../model/networks.ts';

export interface ShareParts {
  /** The variant text, as written or as the advocate edited it. */
  text: string;
  /** Without "#". */
  hashtags: readonly string[];
  /** settings.disclosure; "" leaves it out. */
  disclosure: string;
  /** The tagged link (see utm.ts). */
  link: string;
}

export interface Composed {
  /** What goes into the composer: for most networks the whole post, link included. */
  text: string;
  /** The tagged link; inside `text` unless the network takes it as a field of its own. */
  link: string;
  /** True when `text` ends with the link. */
  linkInText: boolean;
}

/** The advocate's own first line, then the text. */
export function withFirstLine(firstLine: string, text: string): string {
  const line = firstLine.trim();
  const body = text.trim();
  return line && body ? `${line}\n\n${body}` : line || body;
}

/** Hashtags and disclosure: the line that follows the text. */
export function footer(hashtags: readonly string[], disclosure: string): string {
  return [...hashtags.map((tag) => `#${tag}`), disclosure.trim()].filter(Boolean).join(' ');
}

/** Where a post goes: a network, or the panel's copy and Web Share buttons (also their utm_source). */
export type ShareTarget = NetworkId | 'copy' | 'web-share';

/** The post for one network (or the copy and Web Share buttons). */
export function compose(target: ShareTarget, parts: ShareParts): Composed {
  const title = target !== 'copy' && target !== 'web-share' && network(target).prefill === 'title-and-link';
  // A title (Reddit) carries no hashtags: they read as noise there. The disclosure stays.
  const body = [parts.text.trim(), footer(title ? [] : parts.hashtags, parts.disclosure)].filter(Boolean).join('\n\n');
  if (target !== 'copy' && target !== 'web-share' && takesLinkApart(target)) {
    // A title (Reddit) is one line; a text (Telegram) keeps its lines. The link is a field of its own.
    return { text: title ? body.replace(/\s+/g, ' ').trim() : body, link: parts.link, linkInText: false };
  }
  return { text: body ? `${body}\n\n${parts.link}` : parts.link, link: parts.link, linkInText: true };
}
