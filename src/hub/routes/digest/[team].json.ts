/** /digest/<team>.json: one team's weekly digest ("all": everyone), read back from dist/ by `npm run digest:send` and `digest:post`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { digestOf, digestPageTeams } from '../../../views/digest.ts';

export const getStaticPaths = (() => digestPageTeams().map((team) => ({ params: { team } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await digestOf(params.team!), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
