/**
 * The link an advocate pastes on /compose/ (or a page hands over in
 * `?url=`), checked by the one URL rule (src/model/urls.ts) before anything
 * is built from it. The kinds of refusal, with what the message needs (a
 * character's code point and place), are words in src/i18n/en.json
 * (compose.link*): nothing here is English the advocate reads.
 */
import { type CharacterRefusal, addressProblem, CREDENTIALS_PROBLEM, characterRefusal, codePoint, forbiddenCharacter } from '../../model/urls.ts';

/** Longest link /compose/ takes: longer ones break share URLs and are rarely a real page. */
export const LINK_MAX_LENGTH = 2000;

export type LinkProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number }
  | { kind: 'script'; scheme: string }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'noScheme'; suggestion: string }
  | { kind: 'credentials' }
  /** A character the URL rule forbids (src/model/urls.ts): what kind, its code point ("U+202E") and where (1-based). */
  | { kind: 'character'; refusal: CharacterRefusal; code: string; at: number }
  /** A scheme in capitals ("HTTPS://"), and how to write it. */
  | { kind: 'capitals'; scheme: string }
  | { kind: 'notUrl' };

/** Schemes that run code or show inline content instead of opening a page. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'blob', 'file']);

/** What is wrong with `value` as a link to share, or undefined when it is a good one. The value is trimmed first. */
export function linkProblem(value: string): LinkProblem | undefined {
  const link = value.trim();
  if (!link) return { kind: 'empty' };
  if (link.length > LINK_MAX_LENGTH) return { kind: 'tooLong', length: link.length };
  // Browsers ignore tabs, line breaks and leading control characters in a scheme ("java\tscript:"): so does this check.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec([...link].filter((char) => char > ' ').join(''))?.[1]?.toLowerCase();
  if (scheme && SCRIPT_SCHEMES.has(scheme)) return { kind: 'script', scheme };
  if (scheme && scheme !== 'http' && scheme !== 'https' && !/^[^/]+\.[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i.test(link)) return { kind: 'scheme', scheme };
  if (!scheme || !/^https?:\/\//i.test(link)) {
    const suggestion = `https://${link.replace(/^\/+/, '')}`;
    return addressProblem(suggestion, ['https']) === undefined ? { kind: 'noScheme', suggestion } : { kind: 'notUrl' };
  }
  const problem = addressProblem(link, ['http', 'https']);
  if (!problem) return undefined;
  // The URL rule's refusals, in the order it checks them, each as a kind with its facts.
  const character = forbiddenCharacter(link);
  if (character) return { kind: 'character', refusal: characterRefusal(character.char), code: codePoint(character.char), at: character.at };
  if (problem.why === CREDENTIALS_PROBLEM) return { kind: 'credentials' };
  const written = /^([a-z][a-z0-9+.-]*):/i.exec(link)![1]!;
  if (written !== written.toLowerCase()) return { kind: 'capitals', scheme: written.toLowerCase() };
  return { kind: 'notUrl' };
}

/**
 * What a phone's share sheet handed over, as the composer starts from it. Many apps put the link in
 * `text` ("A good read https://…") and leave `url` empty: the last web address in the text becomes the
 * link and leaves the text, so the advocate's words start from the page's title or what the app wrote.
 */
export function sharedInput(given: { url: string; title: string; text: string }): { url: string; title: string; text: string } {
  if (given.url.trim()) return given;
  const links = [...given.text.matchAll(/https?:\/\/[^\s<>"]+/g)];
  const last = links.at(-1);
  if (!last) return given;
  const text = `${given.text.slice(0, last.index)}${given.text.slice(last.index! + last[0].length)}`.replace(/[ \t]{2,}/g, ' ').trim();
  return { ...given, url: last[0], text };
}
