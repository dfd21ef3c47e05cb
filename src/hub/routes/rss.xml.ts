import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { hubDescription, published, settings, t } from '../../views/hub.ts';
import { absolute, entryPath, path } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const people = new Map((await published('people')).map((p) => [p.id, p.data.name]));
  const base = site ?? settings.site;
  return rss({
    title: t('feed.articles', { hub: settings.name }),
    description: hubDescription(),
    site: absolute(path(), base),
    customData: `<language>${settings.lang}</language>`,
    items: (await published('articles')).map((article) => ({
      title: article.data.title,
      description: article.data.description,
      pubDate: article.data.published,
      link: absolute(entryPath('articles', article.id), base),
      categories: article.data.topics,
      author: people.get(article.data.author),
    })),
  });
};
