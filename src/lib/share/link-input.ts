/**
 * The link an advocate pastes on /compose/ (or a page hands over in
 * `?url=`), checked by the one URL rule (src/model/urls.ts) before anything
 * is built from it. The kinds of refusal are words in src/i18n/en.json
 * (compose.link.*); `why` is the URL rule's own explanation.
 */
import { addressProblem, CREDENTIALS_PROBLEM } from '../../model/urls.ts';

/** Longest link /compose/ takes: longer ones break share URLs and are rarely a real page. */
export const LINK_MAX_LENGTH = 2000;

export type LinkProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; length: number }
  | { kind: 'script'; scheme: string }
  | { kind: 'scheme'; scheme: string }
  | { kind: 'noScheme'; suggestion: string }
  | { kind: 'credentials' }
  | { kind: 'rule'; why: string }
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
  if (problem.why === CREDENTIALS_PROBLEM) return { kind: 'credentials' };
  return problem.why ? { kind: 'rule', why: problem.why } : { kind: 'notUrl' };
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
