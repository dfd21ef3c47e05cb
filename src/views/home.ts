/** The home page: a little of everything, each list cut to what the page shows. */
import { type ArticleItem, articleList } from './articles.ts';
import { type CampaignWithStatus, campaignsWithStatus } from './campaigns.ts';
import { type Entry, hubDescription, published } from './hub.ts';
import { shiningStars } from './people.ts';
import { type SnippetCardItem, snippetCards } from './snippets.ts';
import { type NewsEntry, newsEntries } from './fresh.ts';

/** How many snippets the home page shows; the team filter picks them from a larger pool for the advocate's team. */
export const FRESH_SNIPPETS = 6;
const SNIPPET_POOL = 30;

export interface HomePage {
  description: string;
  /** Whether a campaign is running: when none is, the page says so above the upcoming ones. */
  hasCurrentCampaign: boolean;
  /** The current campaigns, then the next two to come. */
  campaigns: CampaignWithStatus[];
  /** The pool the team filter picks from: the first FRESH_SNIPPETS show without JavaScript. */
  snippets: SnippetCardItem[];
  /** A few paths to start on; /start/ lists them all. */
  tracks: Entry<'tracks'>[];
  articles: ArticleItem[];
  stars: Entry<'people'>[];
  guidelines: Entry<'guidelines'>[];
  /** Every dated entry, for "New for <team> since <date>". */
  news: NewsEntry[];
}

/** /: campaigns now and next, fresh snippets, paths to start on, the latest articles, shining stars and the first guidelines. */
export async function homePage(): Promise<HomePage> {
  const campaigns = await campaignsWithStatus();
  const current = campaigns.filter((c) => c.status === 'current');
  return {
    description: hubDescription(),
    hasCurrentCampaign: current.length > 0,
    campaigns: [...current, ...campaigns.filter((c) => c.status === 'upcoming').slice(0, 2)],
    snippets: await snippetCards(SNIPPET_POOL),
    tracks: (await published('tracks')).slice(0, 6),
    articles: await articleList(3),
    stars: await shiningStars(),
    guidelines: (await published('guidelines')).slice(0, 4),
    news: await newsEntries(),
  };
}
