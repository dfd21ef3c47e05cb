import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { hubDescription, published, settings, t } from '../../views/hub.ts';
import { absolute, entryPath, path } from '../../lib/urls.ts';

/**
 * Text for @astrojs/rss's `customData`, which it parses as XML and writes out again: the parser
 * turns these entities back into the characters, the writer escapes them anew.
 */
const xmlText = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const GET: APIRoute = async ({ site }) => {
  const people = new Map((await published('people')).map((p) => [p.id, p.data.name]));
  const base = site ?? settings.site;
  return rss({
    title: t('feed.articles', { hub: settings.name }),
    description: hubDescription(),
    site: absolute(path(), base),
    // atom:link rel="self" names the feed's own address (RSS Advisory Board); dc:creator carries the author's
    // name, since RSS's <author> must be an e-mail address.
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${xmlText(settings.lang)}</language><atom:link href="${xmlText(absolute(path('rss.xml'), base))}" rel="self" type="application/rss+xml"/>`,
    items: (await published('articles')).map((article) => {
      const author = people.get(article.data.author);
      return {
        title: article.data.title,
        description: article.data.description,
        pubDate: article.data.published,
        link: absolute(entryPath('articles', article.id), base),
        categories: article.data.topics,
        ...(author ? { customData: `<dc:creator>${xmlText(author)}</dc:creator>` } : {}),
      };
    }),
  });
};
