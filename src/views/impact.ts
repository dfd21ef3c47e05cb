/**
 * The impact page's data: analytics exports from content/metrics/,
 * attributed with the hub's content and turned into a view that holds
 * nothing private (see src/lib/metrics/view.ts).
 *
 * Attribution reads every snippet, article and person, published or not:
 * last month's visits came from snippets that may have expired since, and a
 * code still says which team shared. Only published entries are ever named
 * or linked, and only people who opted in (recognize: true) are named.
 */
import { getCollection } from 'astro:content';
import { paths } from 'virtual:hub/config';
import { humanize } from '../lib/labels.ts';
import { aggregate } from '../lib/metrics/aggregate.ts';
import { FORMATS } from '../lib/metrics/formats.ts';
import { impactContext, readExports } from '../lib/metrics/load.ts';
import { type ImpactView, impactView } from '../lib/metrics/view.ts';
import { NETWORK_IDS, isNetworkId } from '../model/networks.ts';
import { isPublished } from '../lib/publish.ts';
import { entryPath } from '../lib/urls.ts';
import { NOW, published, settings, t } from './hub.ts';
import { networkName, teamName } from './labels.ts';

export interface ImpactData {
  view: ImpactView;
  /** The tools whose exports were read, by name. */
  tools: string[];
}

/** The analytics exports read and attributed, as a view that names only published people who opted in. */
async function loadImpact(): Promise<ImpactData> {
  const [snippets, articles, people, campaigns] = await Promise.all([
    getCollection('snippets'),
    getCollection('articles'),
    getCollection('people'),
    published('campaigns'),
  ]);
  const exports = readExports(paths.content);
  const context = impactContext({
    medium: settings.utm.medium,
    networks: NETWORK_IDS,
    teams: settings.teams,
    campaigns: campaigns.map((c) => c.id),
    snippets: snippets.map((s) => ({ id: s.id, campaign: s.data.campaign })),
    articles: articles.map((a) => a.id),
    people: people.map((p) => ({
      id: p.id,
      name: p.data.name,
      team: p.data.team,
      codes: p.data.code ?? [],
      recognize: p.data.recognize,
      published: isPublished(p.data, NOW),
    })),
  });
  const impact = aggregate(
    exports.flatMap((e) => e.rows),
    context,
  );

  const campaignTitles = new Map(campaigns.map((c) => [c.id, c.data.title]));
  const named = new Map((await published('people')).filter((p) => p.data.recognize).map((p) => [p.id, p]));
  const view = impactView(impact, {
    lang: settings.lang,
    t,
    campaign: (id) => (campaignTitles.has(id) ? { label: campaignTitles.get(id)!, href: entryPath('campaigns', id) } : undefined),
    network: (id) => (isNetworkId(id) ? networkName(id) : humanize(id)),
    team: teamName,
    person: (id) => {
      const person = named.get(id);
      return person && { name: person.data.name, href: entryPath('people', person.id), team: teamName(person.data.team) };
    },
  });
  const tools = [...new Set(exports.filter((e) => e.rows.length > 0).map((e) => e.tool!))].map((tool) => FORMATS.find((f) => f.tool === tool)!.name);
  return { view, tools };
}

/** /impact/: the view, the lede (with the measured period when there is data) and the tools whose exports were read, as a sentence lists them. */
export async function impactPage(): Promise<{ view: ImpactView; lede: string; tools?: string }> {
  const { view, tools } = await loadImpact();
  return {
    view,
    lede: view.hasData ? t('impact.lede', { from: view.from!, to: view.to! }) : t('impact.description'),
    tools: tools.length > 0 ? new Intl.ListFormat(settings.lang, { type: 'conjunction' }).format(tools) : undefined,
  };
}
