/** `/og/<collection>/<id>.png`: the share card of every published entry (see src/data/cards.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardPng, cardSpecs } from '../../../data/cards.ts';

export const getStaticPaths = (async () =>
  (await cardSpecs())
    .filter((card) => card.id !== 'hub')
    .map((card) => {
      const [collection, id] = card.id.split('/') as [string, string];
      return { params: { collection, id } };
    })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await cardPng(`${params.collection}/${params.id}`), { headers: { 'Content-Type': 'image/png' } });
