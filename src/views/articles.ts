/** Articles as pages show them: the list with each author's name, and an article's page with its author and what its share panel shares. */
import type { Shareable } from '../lib/share/draft.ts';
import { absolute, entryPath } from '../lib/urls.ts';
import { type Entry, findPublished, published, settings } from './hub.ts';

export interface ArticleItem {
  article: Entry<'articles'>;
  /** The author's name, when the author's profile is published. */
  authorName?: string;
}

/** The published articles, newest first, at most `limit`, each with its author's name. */
export async function articleList(limit?: number): Promise<ArticleItem[]> {
  const authors = new Map((await published('people')).map((p) => [p.id, p.data.name]));
  return (await published('articles')).slice(0, limit).map((article) => ({ article, authorName: authors.get(article.data.author) }));
}

/** /articles/<id>/: the author (when published) and the article as the share panel shares it. */
export async function articlePage(article: Entry<'articles'>): Promise<{ author?: Entry<'people'>; share: Shareable }> {
  const { title, description } = article.data;
  return {
    author: await findPublished('people', article.data.author),
    // The article itself: its description or its title, its own URL tagged with utm_campaign=<id>.
    share: {
      id: article.id,
      link: absolute(entryPath('articles', article.id), settings.site),
      hashtags: [],
      variants: [{ text: description }, { text: title }],
      networks: settings.networks,
    },
  };
}
