/**
 * The URL that opens each network's composer with the post filled in. Formats
 * as each network documents them (see docs/sharing.md for sources):
 * LinkedIn's share-offsite and Facebook's sharer take only the link, so the
 * text goes to the clipboard first (CLIPBOARD_NETWORKS); Reddit takes a title
 * and the link; Telegram the link and a text; the others one text with the
 * link inside it.
 */
import type { Composed } from './compose.ts';
import type { NetworkId } from './networks.ts';

/** Networks whose share URL takes no text: the panel copies the text before opening them. */
export const CLIPBOARD_NETWORKS: ReadonlySet<NetworkId> = new Set(['linkedin', 'facebook']);

export interface IntentOptions {
  /** The advocate's Mastodon instance host, e.g. "mastodon.social". */
  mastodon: string;
}

const q = encodeURIComponent;

export function intentUrl(network: NetworkId, post: Composed, options: IntentOptions): string {
  const { text, link } = post;
  switch (network) {
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${q(link)}`;
    case 'x':
      return `https://x.com/intent/post?text=${q(text)}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?text=${q(text)}`;
    case 'mastodon':
      return `https://${options.mastodon}/share?text=${q(text)}`;
    case 'threads':
      return `https://www.threads.com/intent/post?text=${q(text)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${q(link)}`;
    case 'reddit':
      return `https://www.reddit.com/submit?url=${q(link)}&title=${q(text)}`;
    case 'whatsapp':
      return `https://wa.me/?text=${q(text)}`;
    case 'telegram':
      return `https://t.me/share/url?url=${q(link)}&text=${q(text)}`;
    case 'email':
      return `mailto:?subject=${q(emailSubject(text))}&body=${q(crlf(text))}`;
  }
}

/** RFC 6068: line breaks in a mailto: body are CRLF. */
export function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** The subject of a shared e-mail: the first line of the text, at most 78 characters. */
export function emailSubject(text: string): string {
  const line = [...text.trim().split(/[\r\n]/, 1)[0]!];
  return line.length > 78 ? `${line.slice(0, 77).join('').trimEnd()}…` : line.join('');
}
