/** /start/<track>/qr.svg: the QR code of the track's default onboarding link, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { published, settings } from '../../../views/hub.ts';
import { qrSvg } from '../../../lib/qr.ts';
import { defaultTrackLink } from '../../../lib/track-link.ts';

export const getStaticPaths = (async () =>
  (await published('tracks')).map((track) => ({ params: { id: track.id }, props: { link: defaultTrackLink(track, settings.site) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(await qrSvg((props as { link: string }).link), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
