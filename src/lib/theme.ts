/** The brand colours of settings as CSS custom properties, made readable in light and dark schemes. */
import { readableOn, textOn } from './color.ts';

export const LIGHT_BG = '#ffffff';
export const DARK_BG = '#0e1417';
/** The surface colour cards use; links inside cards must read on it too. */
const LIGHT_SURFACE = '#f4f6f7';
const DARK_SURFACE = '#162025';

// Every page's <head> carries these properties; the colour search behind them runs once per pair of colours.
const cssOf = new Map<string, string>();

export function brandCss(brand: { primary: string; accent: string }): string {
  const key = `${brand.primary} ${brand.accent}`;
  let css = cssOf.get(key);
  if (css === undefined) cssOf.set(key, (css = schemes(brand)));
  return css;
}

function schemes(brand: { primary: string; accent: string }): string {
  const scheme = (bg: string, surface: string) => {
    // A link colour readable on both the page and a card.
    const link = readableOn(readableOn(brand.primary, bg), surface);
    const brandFill = bg === LIGHT_BG ? brand.primary : readableOn(brand.primary, bg, 3);
    return [
      `--brand:${brandFill}`,
      `--brand-contrast:${textOn(brandFill)}`,
      `--accent:${brand.accent}`,
      `--accent-contrast:${textOn(brand.accent)}`,
      `--link:${link}`,
      `--focus:${link}`,
    ].join(';');
  };
  return `:root{${scheme(LIGHT_BG, LIGHT_SURFACE)}}@media (prefers-color-scheme: dark){:root{${scheme(DARK_BG, DARK_SURFACE)}}}`;
}
