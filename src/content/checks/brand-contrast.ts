/**
 * Warns when a brand colour of settings.yaml cannot carry text: buttons,
 * badges and step numbers are filled with brand.primary (in the dark scheme a
 * lighter shade of it), accent badges with brand.accent, and their text is
 * white or near-black, whichever reads better. When neither reaches the 4.5:1
 * of WCAG 1.4.3, the warning names the ratios and a shade that would.
 * Links and focus rings need no warning: they are shifted to 4.5:1 themselves.
 */
import { contrast, readableOn } from '../../lib/color.ts';
import { schemeColours } from '../../lib/theme.ts';
import type { Problem } from '../../lib/problems.ts';

/** WCAG 1.4.3: normal-size text. */
export const TEXT_RATIO = 4.5;
const WHITE = '#ffffff';
const NEAR_BLACK = '#111111';

export interface BrandContrastOptions {
  brand: { primary: string; accent: string };
  /** settings.yaml as shown in messages. */
  file: string;
  /** Line of a field in settings.yaml. */
  lineOf(path: readonly string[]): number | undefined;
}

/** `4.48:1`, never rounded up to a pass. */
export function ratio(value: number): string {
  return `${(Math.floor(value * 100) / 100).toFixed(2).replace(/\.?0+$/, '')}:1`;
}

export function checkBrandContrast({ brand, file, lineOf }: BrandContrastOptions): Problem[] {
  const problems: Problem[] = [];
  const uses = { primary: 'buttons, badges and step numbers', accent: 'accent badges' } as const;
  for (const field of ['primary', 'accent'] as const) {
    const checked = new Set<string>();
    for (const scheme of ['light', 'dark'] as const) {
      const colours = schemeColours(brand, scheme);
      const fill = field === 'primary' ? colours.brand : colours.accent;
      // Both schemes fill with the same colour unless the dark one had to lighten it.
      if (checked.has(fill)) continue;
      checked.add(fill);
      const white = contrast(WHITE, fill);
      const dark = contrast(NEAR_BLACK, fill);
      if (Math.max(white, dark) >= TEXT_RATIO) continue;
      // The nearest shades that would carry white or near-black text.
      const forWhite = readableOn(fill, WHITE, TEXT_RATIO);
      const forDark = readableOn(fill, NEAR_BLACK, TEXT_RATIO);
      const shown = fill === brand[field] ? `is ${brand[field]}` : `is ${brand[field]}, shown as ${fill} on the dark background`;
      problems.push({
        severity: 'warning',
        file,
        line: lineOf(['brand', field]),
        field: `brand.${field}`,
        message:
          `${shown}: ${uses[field]} in this colour put white text on it at ${ratio(white)} and near-black at ${ratio(dark)}, ` +
          `below the ${TEXT_RATIO}:1 text needs${scheme === 'dark' ? ' (dark scheme)' : ''}; ` +
          `a shade such as "${forWhite}" (white text, ${ratio(contrast(WHITE, forWhite))}) or "${forDark}" (dark text, ${ratio(contrast(NEAR_BLACK, forDark))}) reads`,
      });
    }
  }
  return problems;
}
