/** `/icons/<icon>.png`: the web app's icons, drawn from the brand logo and colours (src/lib/web-app/icons.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ICONS, type IconSpec } from '../../../lib/web-app/icons.ts';
import { iconPng } from '../../../views/web-app.ts';

export const getStaticPaths = (() => ICONS.map((icon) => ({ params: { icon: icon.file.replace(/\.png$/, '') }, props: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await iconPng((props as { icon: IconSpec }).icon)), { headers: { 'Content-Type': 'image/png' } });
