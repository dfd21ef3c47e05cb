/**
 * The writing direction of a language, for `<html dir>`: `rtl` for Arabic, Hebrew, Persian, Urdu and the
 * other right-to-left scripts, `ltr` otherwise. Read from Intl.Locale's text info where the runtime has it
 * (`getTextInfo()` in newer engines, the `textInfo` getter in older ones); a short list of right-to-left
 * languages answers where it has neither. A tag Intl cannot parse is left to right.
 */
export type Direction = 'ltr' | 'rtl';

/** Right-to-left languages (ISO 639 codes), for runtimes without Intl.Locale text info. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Right-to-left scripts (ISO 15924), for a tag that names its script (`az-Arab`, `pa-Arab`). */
const RTL_SCRIPTS: ReadonlySet<string> = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Syrc', 'Thaa', 'Yezi']);

interface TextInfo {
  direction?: string;
}
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };

/** The direction of `lang`, a BCP 47 tag such as `ar`, `he-IL`, `en` or `az-Arab`. */
export function textDirection(lang: string): Direction {
  let locale: LocaleWithTextInfo;
  try {
    locale = new Intl.Locale(lang) as LocaleWithTextInfo;
  } catch {
    return 'ltr';
  }
  const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  return fallbackDirection(locale);
}

/** The direction from the lists above: the script when the tag names one, otherwise the language. */
export function fallbackDirection(locale: Intl.Locale): Direction {
  if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
}

/**
 * `text` as a bidirectional isolate (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE), for
 * a name or a hashtag set into a sentence of another direction: `#TidewaterEmployee` in an Arabic
 * sentence keeps its `#` on its left. Invisible, and changes nothing in a sentence of its own direction.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}
