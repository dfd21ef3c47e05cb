/** The content calendar page: its months with their items and dates as readers see them, and the feed to subscribe to. */
import { type CalendarItem, calendarItems, calendarMonths, monthKey } from '../lib/calendar.ts';
import { absolute, calendarFeedPath } from '../lib/urls.ts';
import { NOW, published, settings } from './hub.ts';

export interface CalendarPageMonth {
  /** YYYY-MM, for anchors. */
  key: string;
  /** "November 2026" in the hub's language. */
  name: string;
  isThisMonth: boolean;
  items: CalendarItem[];
}

/** /calendar/: the months with campaigns and dated snippets, the feed's path and its absolute and webcal: URLs. */
export async function calendarPage(): Promise<{ months: CalendarPageMonth[]; feedPath: string; feedUrl: string; webcalUrl: string }> {
  const items = calendarItems({ campaigns: await published('campaigns'), snippets: await published('snippets') });
  const thisMonth = monthKey(NOW);
  const monthName = new Intl.DateTimeFormat(settings.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const feedUrl = absolute(calendarFeedPath(), settings.site);
  return {
    months: calendarMonths(items).map((month) => ({
      key: month.key,
      name: monthName.format(month.start),
      isThisMonth: month.key === thisMonth,
      items: month.items,
    })),
    feedPath: calendarFeedPath(),
    feedUrl,
    webcalUrl: feedUrl.replace(/^https?:/, 'webcal:'),
  };
}
