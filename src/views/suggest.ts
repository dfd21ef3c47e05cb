/**
 * Where "Suggest a post" leads (docs/editing.md → Suggestions): settings.suggest,
 * or, without it, an issue in the CMS's repository when the CMS is on GitHub
 * or GitLab. With neither the action is hidden (a hub without a channel has
 * nowhere to send it; /compose/ says so).
 */
import { type SuggestTarget, type Suggestion, suggestUrl } from '../lib/suggest.ts';
import { settings, t } from './hub.ts';

export function suggestTarget(): SuggestTarget | undefined {
  if (settings.suggest) return settings.suggest;
  const { backend, repo } = settings.cms;
  return (backend === 'github' || backend === 'gitlab') && repo ? { channel: backend, repo } : undefined;
}

/** The link of the home page's "Suggest a post": an empty suggestion. */
export function newSuggestionUrl(): string | undefined {
  const target = suggestTarget();
  return target && suggestUrl(target, { title: t('suggest.newTitle') });
}

/** The link of a snippet's "Suggest a wording": the snippet's link, first wording, teams and topics, to edit. */
export function snippetSuggestionUrl(snippet: {
  id: string;
  data: { title: string; link: string; teams: string[]; topics: string[]; variants: { text: string }[] };
}): string | undefined {
  const target = suggestTarget();
  const { title, link, teams, topics, variants } = snippet.data;
  const suggestion: Suggestion = {
    title: t('suggest.snippetTitle', { title }),
    link,
    wording: variants[0]?.text,
    team: teams.join(', '),
    topic: topics.join(', '),
    snippet: snippet.id,
    notes: t('suggest.snippetNotes'),
  };
  return target && suggestUrl(target, suggestion);
}
