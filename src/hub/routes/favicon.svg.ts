import type { APIRoute } from 'astro';
import { settings } from '../../views/hub.ts';
import { initials } from '../../lib/labels.ts';
import { textOn } from '../../lib/color.ts';

/** A favicon from the hub's initials and brand colour, for hubs without a logo. */
export const GET: APIRoute = () => {
  const { primary } = settings.brand;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${primary}"/><text x="32" y="42" font-family="system-ui, sans-serif" font-size="28" font-weight="700" text-anchor="middle" fill="${textOn(primary)}">${initials(settings.name).replace(/[<&>]/g, '')}</text></svg>`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
