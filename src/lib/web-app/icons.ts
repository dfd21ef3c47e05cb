/**
 * The hub's app icons, drawn at build time from the brand logo and colours
 * with the share cards' tools (satori lays out, resvg paints): the logo (or,
 * without one, the hub's initials) centred on the primary colour.
 *
 * - `any` icons (192, 512): a rounded square, the logo filling 72% of it;
 * - `maskable` (512): a full square; the logo stays inside the safe zone, the
 *   centred circle of 80% of the width that every launcher's mask keeps
 *   (https://www.w3.org/TR/appmanifest/#icon-masks), so it is 56% wide (0.8 / √2);
 * - `apple-touch-icon` (180): a full opaque square (iOS rounds the corners itself).
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { dataUri } from '../cards/render.ts';
import { fontIndex } from '../cards/fonts.ts';
import type { AssetRef } from '../cards/spec.ts';
import { textOn } from '../color.ts';
import { initials } from '../labels.ts';

export interface IconSpec {
  file: string;
  size: number;
  purpose: 'any' | 'maskable' | 'apple';
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
  { file: 'apple-touch-icon.png', size: 180, purpose: 'apple' },
];

/** How much of the icon's width the logo takes. */
export const LOGO_SHARE: Record<IconSpec['purpose'], number> = { any: 0.72, maskable: 0.56, apple: 0.72 };
/** Corner radius of `any` icons, as a share of the width. */
export const CORNER_SHARE = 0.18;

export interface IconBrand {
  /** The hub's name, whose initials stand in for a missing logo. */
  name: string;
  primary: string;
  logo?: AssetRef | undefined;
}

/** One icon as SVG. */
export async function iconSvg(icon: IconSpec, brand: IconBrand): Promise<string> {
  const inner = Math.round(icon.size * LOGO_SHARE[icon.purpose]);
  const logo = brand.logo && (await dataUri(brand.logo, inner * 2, 'contain'));
  const letters = initials(brand.name) || '·';
  // The card fonts that draw the initials (fonts.ts loads only those).
  const faces = fontIndex().facesFor([letters]);
  const child = logo
    ? { type: 'img', props: { src: logo, width: inner, height: inner, style: { objectFit: 'contain' } } }
    : {
        type: 'div',
        props: {
          style: {
            color: textOn(brand.primary),
            fontSize: Math.round(inner * 0.55),
            fontWeight: 700,
            lineHeight: 1,
            fontFamily: faces.map((face) => face.file).join(', '),
          },
          children: letters,
        },
      };
  const element = {
    type: 'div',
    props: {
      style: {
        width: icon.size,
        height: icon.size,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        backgroundColor: brand.primary,
        ...(icon.purpose === 'any' ? { borderRadius: Math.round(icon.size * CORNER_SHARE) } : {}),
      },
      children: child,
    },
  };
  const fonts = fontIndex().fonts(faces);
  return satori(element as unknown as Parameters<typeof satori>[0], { width: icon.size, height: icon.size, fonts, loadAdditionalAsset: async () => [] });
}

/** One icon as a PNG of its size. */
export async function renderIcon(icon: IconSpec, brand: IconBrand): Promise<Buffer> {
  const svg = await iconSvg(icon, brand);
  return new Resvg(svg, { fitTo: { mode: 'width', value: icon.size }, font: { loadSystemFonts: false } }).render().asPng();
}
