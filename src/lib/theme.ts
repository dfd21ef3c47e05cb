/** The brand colours of settings as CSS custom properties, made readable in light and dark schemes. */
import { readableOn, textOn } from './color.ts';

export const LIGHT_BG = '#ffffff';
export const DARK_BG = '#0e1417';
/** The surface colour cards use; links inside cards must read on it too. */
const LIGHT_SURFACE = '#f4f6f7';
const DARK_SURFACE = '#162025';

/** The colours one scheme uses, derived from the brand colours. */
export interface SchemeColours {
  background: string;
  /** Fill of buttons, badges and step numbers. */
  brand: string;
  /** Text on that fill: white or near-black, whichever reads better. */
  brandContrast: string;
  /** Fill of accent badges. */
  accent: string;
  accentContrast: string;
  /** Links and focus rings: the brand colour shifted just enough to read on the page and on cards. */
  link: string;
}

export function schemeColours(brand: { primary: string; accent: string }, scheme: 'light' | 'dark'): SchemeColours {
  const [bg, surface] = scheme === 'light' ? [LIGHT_BG, LIGHT_SURFACE] : [DARK_BG, DARK_SURFACE];
  // A link colour readable on both the page and a card.
  const link = readableOn(readableOn(brand.primary, bg), surface);
  const brandFill = scheme === 'light' ? brand.primary : readableOn(brand.primary, bg, 3);
  return { background: bg, brand: brandFill, brandContrast: textOn(brandFill), accent: brand.accent, accentContrast: textOn(brand.accent), link };
}

// Every page's <head> carries these properties; the colour search behind them runs once per pair of colours.
const cssOf = new Map<string, string>();

export function brandCss(brand: { primary: string; accent: string }): string {
  const key = `${brand.primary} ${brand.accent}`;
  let css = cssOf.get(key);
  if (css === undefined) cssOf.set(key, (css = schemesCss(brand)));
  return css;
}

function schemesCss(brand: { primary: string; accent: string }): string {
  const scheme = (name: 'light' | 'dark') => {
    const c = schemeColours(brand, name);
    return [
      `--brand:${c.brand}`,
      `--brand-contrast:${c.brandContrast}`,
      `--accent:${c.accent}`,
      `--accent-contrast:${c.accentContrast}`,
      `--link:${c.link}`,
      `--focus:${c.link}`,
    ].join(';');
  };
  return `:root{${scheme('light')}}@media (prefers-color-scheme: dark){:root{${scheme('dark')}}}`;
}
