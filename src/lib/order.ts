/** Orderings and date logic shared by lists, feeds and the calendar. Pure, for tests. */
import { expiryInstant } from './publish.ts';

export type CampaignStatus = 'upcoming' | 'current' | 'past';

/** Where a campaign stands on `now`; `ends` keeps its whole day. */
export function campaignStatus(campaign: { starts: Date; ends: Date }, now: Date): CampaignStatus {
  if (now < campaign.starts) return 'upcoming';
  if (now < expiryInstant(campaign.ends)) return 'current';
  return 'past';
}

const STATUS_RANK: Record<CampaignStatus, number> = { current: 0, upcoming: 1, past: 2 };

/** Current first (ending soonest first), then upcoming (soonest first), then past (latest first). */
export function compareCampaigns(a: { starts: Date; ends: Date }, b: { starts: Date; ends: Date }, now: Date): number {
  const [sa, sb] = [campaignStatus(a, now), campaignStatus(b, now)];
  if (sa !== sb) return STATUS_RANK[sa] - STATUS_RANK[sb];
  if (sa === 'current') return a.ends.getTime() - b.ends.getTime();
  if (sa === 'upcoming') return a.starts.getTime() - b.starts.getTime();
  return b.ends.getTime() - a.ends.getTime();
}

/** Newest first; entries without a date go last; ties by title. */
export function byDateDesc<T>(date: (item: T) => Date | undefined, title: (item: T) => string) {
  return (a: T, b: T) => (date(b)?.getTime() ?? -Infinity) - (date(a)?.getTime() ?? -Infinity) || title(a).localeCompare(title(b));
}

/** By `order`, then title. */
export function byOrder<T extends { order: number; title: string }>(a: T, b: T): number {
  return a.order - b.order || a.title.localeCompare(b.title);
}
