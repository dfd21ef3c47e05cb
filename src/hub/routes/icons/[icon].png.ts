/** `/icons/<icon>.png`: the web app's icons, drawn from the brand logo and colours (src/lib/web-app/icons.ts). */
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { paths } from 'virtual:hub/config';
import { settings } from '../../../views/hub.ts';
import { assetRef } from '../../../lib/cards/serve.ts';
import { ICONS, renderIcon } from '../../../lib/web-app/icons.ts';

export const getStaticPaths = (() => ICONS.map((icon) => ({ params: { icon: path.basename(icon.file, '.png') }, props: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { icon } = props as { icon: (typeof ICONS)[number] };
  const logo = settings.brand.logo ? assetRef(paths.public, `.${settings.brand.logo}`) : undefined;
  const png = await renderIcon(icon, { name: settings.name, primary: settings.brand.primary, logo });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
