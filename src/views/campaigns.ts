/** Campaigns as pages show them: where each stands today, the index's groups, and one campaign's posts. */
import { type CampaignStatus, campaignStatus } from '../lib/order.ts';
import { type Entry, NOW, published, publishedWhere } from './hub.ts';

/** The order /campaigns/ groups them in. */
const GROUPS: readonly CampaignStatus[] = ['current', 'upcoming', 'past'];

export interface CampaignWithStatus {
  campaign: Entry<'campaigns'>;
  /** Where it stands on the build's date. */
  status: CampaignStatus;
}

/** Every published campaign with its status, current first (ending soonest), then upcoming, then past. */
export async function campaignsWithStatus(): Promise<CampaignWithStatus[]> {
  return (await published('campaigns')).map((campaign) => ({ campaign, status: campaignStatus(campaign.data, NOW) }));
}

/** /campaigns/: the campaigns grouped by status; a group without campaigns is left out. */
export async function campaignGroups(): Promise<{ status: CampaignStatus; campaigns: Entry<'campaigns'>[] }[]> {
  const campaigns = await campaignsWithStatus();
  const groups = GROUPS.map((status) => ({ status, campaigns: campaigns.filter((c) => c.status === status).map((c) => c.campaign) }));
  return groups.filter((group) => group.campaigns.length > 0);
}

/** /campaigns/<id>/: where the campaign stands and the published snippets that belong to it. */
export async function campaignPage(campaign: Entry<'campaigns'>): Promise<{ status: CampaignStatus; snippets: Entry<'snippets'>[] }> {
  const snippets = await publishedWhere('snippets', 'campaign', campaign.id);
  return { status: campaignStatus(campaign.data, NOW), snippets };
}
