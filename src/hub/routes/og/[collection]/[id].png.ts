/**
 * `/og/<collection>/<id>.png`: the share card of every published entry (see
 * src/data/cards.ts). `astro dev` serves them from here; `astro build` copies
 * them from the card cache into dist/og/ once the batch has drawn them
 * (triggered by /og/hub.png), which is far faster than one endpoint per card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CARDS_COPIED_BY_BUILD, cardPng, cardSpecs } from '../../../../views/cards.ts';

export const getStaticPaths = (async () =>
  (CARDS_COPIED_BY_BUILD ? [] : await cardSpecs())
    .filter((card) => card.id !== 'hub')
    .map((card) => {
      const [collection, id] = card.id.split('/') as [string, string];
      return { params: { collection, id } };
    })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(await cardPng(`${params.collection}/${params.id}`), { headers: { 'Content-Type': 'image/png' } });
