/** /calendar.ics: campaigns and dated snippets as an iCalendar feed (RFC 5545) that calendar apps subscribe to. */
import type { APIRoute } from 'astro';
import { NOW, published, settings, t } from '../../views/hub.ts';
import { calendarIcs, calendarItems } from '../../lib/calendar.ts';
import { absolute, entryPath } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const items = calendarItems({ campaigns: await published('campaigns'), snippets: await published('snippets') });
  const body = calendarIcs(items, {
    name: t('calendar.feedName', { hub: settings.name }),
    description: t('calendar.feedDescription', { hub: settings.name }),
    site: settings.site,
    organization: settings.organization,
    now: NOW,
    url: (item) => absolute(entryPath(item.collection, item.id), settings.site),
    summary: (item) => (item.kind === 'campaign' ? item.title : t(`calendar.event.${item.kind}`, { title: item.title })),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
