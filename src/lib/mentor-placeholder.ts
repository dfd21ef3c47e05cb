/**
 * A track's welcome text and tasks name its mentor through placeholders, so
 * the mentor an onboarding link presets (`?mentor=`) never contradicts the
 * page: `{mentor.name}` is the mentor's full name, `{mentor.first}` the first
 * word of it. The server writes the track's own mentor into a
 * `<span data-mentor-field>`; the track's island swaps in the preset one.
 * Anything else written as `{mentor…}` is refused by the content check.
 * Pure, so it is tested without a build.
 */
import { closest, quote } from '../model/words.ts';

export const MENTOR_FIELDS = ['name', 'first'] as const;
export type MentorField = (typeof MENTOR_FIELDS)[number];
export const MENTOR_PLACEHOLDERS = MENTOR_FIELDS.map((field) => `{mentor.${field}}`);

/** Any brace group starting with "mentor", however written, so a typo is caught rather than shown. */
const CANDIDATE = /\{\s*mentor\b[^{}\n]{0,40}\}/gi;

export interface FoundPlaceholder {
  /** Index in the text. */
  index: number;
  token: string;
  /** The field, when the token is one of MENTOR_PLACEHOLDERS exactly. */
  field?: MentorField;
}

export function findPlaceholders(text: string): FoundPlaceholder[] {
  return [...text.matchAll(CANDIDATE)].map((match) => {
    const token = match[0];
    const known = MENTOR_PLACEHOLDERS.indexOf(token);
    return { index: match.index, token, ...(known >= 0 && { field: MENTOR_FIELDS[known] }) };
  });
}

/** What is wrong with the placeholders of one text: unknown ones, and any at all when the track has no mentor. */
export function placeholderProblems(text: string, hasMentor: boolean): { index: number; message: string }[] {
  return findPlaceholders(text).flatMap(({ index, token, field }) => {
    if (!field) {
      const hint = closest(token, MENTOR_PLACEHOLDERS);
      return [
        { index, message: `has ${quote(token)}, which is not a placeholder; allowed: ${MENTOR_PLACEHOLDERS.join(', ')}${hint ? ` (did you mean ${quote(hint)}?)` : ''}` },
      ];
    }
    if (!hasMentor) return [{ index, message: `has ${quote(token)}, but the track has no mentor to name; set "mentor" to a person, or write the words instead` }];
    return [];
  });
}

/** The words a placeholder stands for. */
export function mentorText(field: MentorField, name: string): string {
  return field === 'first' ? (name.trim().split(/\s+/)[0] ?? name) : name.trim();
}

/** A text (a task) cut into plain parts and placeholders, for a component to render each. */
export function mentorSegments(text: string): (string | { field: MentorField })[] {
  const parts: (string | { field: MentorField })[] = [];
  let at = 0;
  for (const { index, token, field } of findPlaceholders(text)) {
    if (!field) continue;
    if (index > at) parts.push(text.slice(at, index));
    parts.push({ field });
    at = index + token.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** A text with the placeholders written out (labels, aria-labels, search text). */
export function fillMentorText(text: string, name: string | undefined): string {
  return mentorSegments(text)
    .map((part) => (typeof part === 'string' ? part : name ? mentorText(part.field, name) : ''))
    .join('');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Rendered HTML with each placeholder in text as a span the island can swap;
 * inside a tag (a link's title) as the plain name, since a span cannot go
 * there. `name` undefined leaves them out.
 */
export function fillMentorHtml(html: string, name: string | undefined): string {
  return html
    .split(/(<[^>]*>)/)
    .map((piece) =>
      mentorSegments(piece)
        .map((part) => {
          if (typeof part === 'string') return part;
          if (!name) return '';
          const text = escapeHtml(mentorText(part.field, name));
          return piece.startsWith('<') ? text : `<span data-mentor-field="${part.field}">${text}</span>`;
        })
        .join(''),
    )
    .join('');
}
