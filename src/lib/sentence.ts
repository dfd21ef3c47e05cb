/**
 * Joining sentences that come from different places (UI strings, editors'
 * explanations) without doubled punctuation: "Answer: Keep it." not
 * "Answer: Keep it..", "Right. Because …" not "Right.. Because …".
 */

/** Ends in . ! ? … (or ; :), possibly inside closing quotes (English, German “, Arabic »), brackets or an isolate (direction.ts isolated()). */
const ENDED = /[.!?…][\s"'”’»“«)\]\u2069]*$/u;

/** `text` with a full stop at its end unless it already ends a sentence. */
export function endSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || ENDED.test(trimmed)) return trimmed;
  return `${trimmed.replace(/[,;:]+$/u, '')}.`;
}

/** The non-empty parts, each ended as a sentence, separated by one space. */
export function joinSentences(...parts: (string | undefined)[]): string {
  return parts
    .map((part) => (part ? endSentence(part) : ''))
    .filter(Boolean)
    .join(' ');
}
