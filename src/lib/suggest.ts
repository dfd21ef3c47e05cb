/**
 * "Suggest a post": the URL that opens the channel settings.suggest chooses,
 * prefilled with the suggestion. GitHub takes each field of the issue form
 * .github/ISSUE_TEMPLATE/suggest-post.yml as a query parameter named by the
 * field's id; GitLab takes a title and a description; e-mail a subject and a
 * body. The description and the body hold the same fields, in the order of a
 * snippet's front matter, so an editor turns either into a snippet in minutes.
 */

export type SuggestChannel = 'github' | 'gitlab' | 'email';

export interface SuggestTarget {
  channel: SuggestChannel;
  /** github, gitlab: owner/name. */
  repo?: string;
  /** github, gitlab on a server of one's own. Default: https://github.com, https://gitlab.com. */
  base_url?: string;
  /** email: the editors' address. */
  email?: string;
}

export interface Suggestion {
  /** What the issue or e-mail is called; the form's title. */
  title: string;
  link?: string;
  /** The proposed wording of the post. */
  wording?: string;
  team?: string;
  topic?: string;
  /** The snippet it is about (feedback on a snippet), by id. */
  snippet?: string;
  /** Why, or what did not work. */
  notes?: string;
}

/** The GitHub issue form's file name and its field ids (suggest-post.yml must use the same ids). */
export const ISSUE_FORM = 'suggest-post.yml';
export const FORM_FIELDS = ['link', 'wording', 'team', 'topic', 'snippet', 'notes'] as const;

/** The labels of the fields in a GitLab description or an e-mail body. */
const LABELS: Record<(typeof FORM_FIELDS)[number], string> = {
  link: 'Link',
  wording: 'Proposed wording',
  team: 'Team',
  topic: 'Topic',
  snippet: 'About snippet',
  notes: 'Notes',
};

/** The suggestion as text: one "Label: value" line per short field, a block per long one; empty fields left out. */
export function suggestionText(suggestion: Suggestion): string {
  return FORM_FIELDS.filter((field) => suggestion[field]?.trim())
    .map((field) => {
      const value = suggestion[field]!.trim();
      return field === 'wording' || field === 'notes' ? `${LABELS[field]}:\n${value}` : `${LABELS[field]}: ${value}`;
    })
    .join('\n\n');
}

const query = (pairs: [string, string][]) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');

/** The URL that opens `target` prefilled with `suggestion`. */
export function suggestUrl(target: SuggestTarget, suggestion: Suggestion): string {
  const fields = FORM_FIELDS.filter((field) => suggestion[field]?.trim()).map((field): [string, string] => [field, suggestion[field]!.trim()]);
  if (target.channel === 'email')
    return `mailto:${target.email}?${query([
      ['subject', suggestion.title],
      ['body', suggestionText(suggestion)],
    ])}`;
  const base = (target.base_url ?? `https://${target.channel}.com`).replace(/\/+$/, '');
  if (target.channel === 'github') return `${base}/${target.repo}/issues/new?${query([['template', ISSUE_FORM], ['title', suggestion.title], ...fields])}`;
  return `${base}/${target.repo}/-/issues/new?${query([
    ['issue[title]', suggestion.title],
    ['issue[description]', suggestionText(suggestion)],
  ])}`;
}
