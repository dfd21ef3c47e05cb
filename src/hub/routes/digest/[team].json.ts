/** /digest/<team>.json: one team's weekly digest ("all": everyone), read back from dist/ by `npm run digest:send` and `digest:post`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { digestOf, digestPageTeams } from '../../../views/digest.ts';
import { jsonResponse } from '../../../lib/json-response.ts';

export const getStaticPaths = (() => digestPageTeams().map((team) => ({ params: { team } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => jsonResponse(await digestOf(params.team!), { indent: 2 });
