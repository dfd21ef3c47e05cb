/**
 * Share cards as pages see them: the spec of every published entry's card
 * (and the hub's), the image a page's head points to, and the PNG bytes the
 * /og/ routes serve (src/lib/cards/serve.ts). Only `published()` entries get
 * a card.
 */
import { cards, command, language, paths } from 'virtual:hub/config';
import { formatDate, formatRange } from '../lib/dates.ts';
import { assetRef, cardServer } from '../lib/cards/serve.ts';
import type { AssetRef, CardSpec } from '../lib/cards/spec.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../lib/cards/template.ts';
import { cardPath, hubCardPath } from '../lib/urls.ts';
import { COLLECTIONS, type CollectionName } from '../model/collections.ts';
import { type Entry, findPublished, hubDescription, published, settings, t } from './hub.ts';
import { quoted, roleName, teamName } from './labels.ts';

export const CARD_SIZE = { width: CARD_WIDTH, height: CARD_HEIGHT } as const;

/** What a page's head says about its share card. */
export interface CardImage {
  path: string;
  alt: string;
}

export function entryCard(collection: CollectionName, id: string, title: string): CardImage {
  return { path: cardPath(collection, id), alt: t('card.alt', { title, hub: settings.name }) };
}

export function hubCard(): CardImage {
  return { path: hubCardPath(), alt: t('card.hubAlt', { hub: settings.name, organization: settings.organization }) };
}

/**
 * The avatar file of a person. Astro's image() keeps no source path, so it is
 * taken from the front matter as written, which the rendered entry keeps.
 */
function avatarOf(person: Entry<'people'>): AssetRef | undefined {
  if (!person.data.avatar || !person.filePath) return undefined;
  const written = (person.rendered?.metadata?.frontmatter as { avatar?: unknown } | undefined)?.avatar;
  return typeof written === 'string' ? assetRef(paths.project, person.filePath, '..', written) : undefined;
}

const brand: CardSpec['brand'] = {
  hub: settings.name,
  primary: settings.brand.primary,
  accent: settings.brand.accent,
  logo: settings.brand.logo ? assetRef(paths.public, `.${settings.brand.logo}`) : undefined,
};

function spec(collection: CollectionName, id: string, fields: Omit<CardSpec, 'id' | 'footer' | 'brand' | 'layout'> & { layout?: CardSpec['layout'] }): CardSpec {
  return { id: `${collection}/${id}`, layout: 'entry', footer: settings.name, brand, ...fields };
}

const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' · ');

async function specsOf(collection: CollectionName): Promise<CardSpec[]> {
  const lang = settings.lang;
  switch (collection) {
    case 'snippets':
      return Promise.all(
        (await published('snippets')).map(async (s) => {
          const campaign = s.data.campaign ? await findPublished('campaigns', s.data.campaign) : undefined;
          return spec(collection, s.id, { eyebrow: join(t('share.eyebrow'), campaign?.data.title), title: s.data.title, text: s.data.variants[0]?.text });
        }),
      );
    case 'articles':
      return Promise.all(
        (await published('articles')).map(async (a) => {
          const author = await findPublished('people', a.data.author);
          return spec(collection, a.id, {
            eyebrow: join(t('articles.eyebrow'), formatDate(a.data.published, lang, 'long')),
            title: a.data.title,
            text: a.data.description,
            person: author && { name: author.data.name, role: author.data.title, avatar: avatarOf(author) },
          });
        }),
      );
    case 'guidelines':
      return (await published('guidelines')).map((g) => spec(collection, g.id, { eyebrow: t('kind.guidelines'), title: g.data.title, text: g.data.summary }));
    case 'training':
      return (await published('training')).map((m) =>
        spec(collection, m.id, {
          eyebrow: join(t('kind.training'), t('training.minutes', { count: m.data.minutes }), roleName(m.data.role)),
          title: m.data.title,
          text: m.data.summary,
        }),
      );
    case 'campaigns':
      return (await published('campaigns')).map((c) =>
        spec(collection, c.id, { eyebrow: join(t('campaigns.eyebrow'), formatRange(c.data.starts, c.data.ends, lang)), title: c.data.title, text: c.data.summary }),
      );
    case 'people':
      return (await published('people')).map((p) =>
        spec(collection, p.id, {
          layout: 'person',
          eyebrow: join(teamName(p.data.team), p.data.mentor && t('people.mentor')),
          title: p.data.name,
          text: join(p.data.title, p.data.spotlight && quoted(p.data.spotlight)),
          person: { name: p.data.name, role: p.data.title, avatar: avatarOf(p) },
        }),
      );
    case 'tracks':
      return (await published('tracks')).map((track) =>
        spec(collection, track.id, {
          eyebrow: join(t('tracks.title'), t('track.steps', { count: track.data.steps.length })),
          title: track.data.title,
          text: track.data.summary,
        }),
      );
  }
}

function hubSpec(): CardSpec {
  const site = new URL(settings.site);
  return {
    id: 'hub',
    layout: 'entry',
    eyebrow: settings.organization,
    title: settings.name,
    text: hubDescription(),
    footer: `${site.host}${site.pathname.replace(/\/$/, '')}`,
    brand,
  };
}

let specs: Promise<CardSpec[]> | undefined;

/** The hub card and the card of every published entry. */
export function cardSpecs(): Promise<CardSpec[]> {
  specs ??= Promise.all(COLLECTIONS.map(specsOf)).then((lists) => [hubSpec(), ...lists.flat()]);
  return specs;
}

/** `astro build` draws every card in one batch and puts the entries' cards into dist/og/ itself (src/hub/share-cards.ts). */
export const CARDS_COPIED_BY_BUILD = command === 'build';

/** The PNG of card `id` (`hub` or `<collection>/<id>`). */
export const cardPng = cardServer({ specs: cardSpecs, command, ...cards, name: language.current });
