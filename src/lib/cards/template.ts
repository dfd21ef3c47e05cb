/**
 * The share card's look, as a pure function: what to draw → the element tree
 * satori lays out (React-element-shaped objects, no JSX, no React).
 * 1200×630, the size LinkedIn, X, Bluesky, Mastodon, Slack and Teams expect.
 *
 * Every text box has a line limit (`lineClamp`, which ends it with "…") and
 * every flex child may shrink, so no text can leave the card. Note for edits:
 * a div with several children needs `display: flex`, and boxes are
 * `border-box` on purpose (satori's default adds padding to the width).
 */
import { contrast, textOn } from '../color.ts';
import { titleSize } from './text.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Nothing but the background is drawn closer than this to the left, top and right edges. */
export const SAFE_MARGIN = 64;
/** The accent stripe along the bottom edge. */
export const STRIPE = 14;

/** `person`: the person is the subject (large portrait); `entry`: everything else, the hub card too. */
export type CardLayout = 'entry' | 'person';

/** What one card shows; text already reduced to drawable characters, images as data URIs. */
export interface CardView {
  layout: CardLayout;
  /** The kind of page, e.g. "Article" or "Campaign · 1–24 Dec 2026". */
  eyebrow: string;
  title: string;
  text?: string;
  /** Articles: the author; people cards: the person. */
  person?: { name: string; role?: string; initials: string; avatar?: string };
  /** `name` is shown next to the logo at the bottom. */
  brand: { name: string; primary: string; accent: string; logo?: string };
  /** Text direction of the title and text, from their first strong character. */
  dir: 'ltr' | 'rtl';
  /** The font files this card's text needs, main font first (fonts.ts, `facesFor`). */
  fontFamily: string;
}

type Style = Record<string, string | number>;
export interface CardNode {
  type: string;
  props: { style?: Style; children?: CardNode | string | (CardNode | string)[]; src?: string; width?: number; height?: number; lang?: string };
}

function el(type: string, style: Style, ...children: (CardNode | string | false | undefined)[]): CardNode {
  const kids = children.filter((child): child is CardNode | string => Boolean(child));
  return { type, props: { style, children: kids.length === 1 ? kids[0] : kids } };
}

function img(src: string, size: number, style: Style = {}): CardNode {
  return { type: 'img', props: { src, width: size, height: size, style: { width: size, height: size, objectFit: 'cover', ...style } } };
}

/** Arabic already in its joined forms (arabic.ts). */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;
/** Line height of Arabic text: room for the dots below the baseline. */
const ARABIC_LINE_HEIGHT = 1.4;

/**
 * A text box that never grows past `lines` lines: the last one ends with "…".
 * Text with Arabic presentation forms is drawn without the font's `ccmp`
 * feature: Noto Sans Arabic would split an isolated ب or a أ back into a
 * dotless letter and a mark placed by a vertical offset, which satori
 * applies upside down (arabic.ts); without it each form is one glyph.
 */
function text(value: string, lines: number, style: Style): CardNode {
  // Arabic also gets the taller lines of the body text: at the title's 1.12 the dots below a last line's ي fell outside its box and were cut.
  const arabic: Style = PRESENTATION_FORMS.test(value)
    ? { fontFeatureSettings: '"ccmp" 0', lineHeight: Math.max(Number(style.lineHeight ?? 0), ARABIC_LINE_HEIGHT) }
    : {};
  return el('div', { display: 'block', lineClamp: lines, overflow: 'hidden', overflowWrap: 'anywhere', wordBreak: 'break-word', ...style, ...arabic }, value);
}

function avatar(person: NonNullable<CardView['person']>, size: number, accent: string): CardNode {
  if (person.avatar) return img(person.avatar, size, { borderRadius: size / 2 });
  return el(
    'div',
    {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: size,
      height: size,
      borderRadius: size / 2,
      background: accent,
      color: textOn(accent),
      fontSize: Math.round(size * 0.4),
      fontWeight: 700,
      flexShrink: 0,
    },
    person.initials,
  );
}

export function cardElement(view: CardView): CardNode {
  const { primary, accent } = view.brand;
  const ink = textOn(primary);
  // The accent reads on the brand colour at large-text contrast, or the eyebrow stays in the text colour.
  const eyebrowInk = contrast(accent, primary) >= 3 ? accent : ink;
  const { fontSize, lines } = titleSize(view.title);

  const eyebrow = text(view.eyebrow, 1, { fontSize: 28, fontWeight: 700, color: eyebrowInk, letterSpacing: 0.5 });
  const title = text(view.title, lines, { fontSize, fontWeight: 700, lineHeight: 1.12, letterSpacing: -0.5 });
  const body = view.text ? text(view.text, 2, { fontSize: 30, lineHeight: 1.35, marginTop: 24, opacity: 0.88 }) : undefined;

  const brandMark = el(
    'div',
    { display: 'flex', alignItems: 'center', flexShrink: 1, minWidth: 0, maxWidth: 460 },
    view.brand.logo && img(view.brand.logo, 56, { borderRadius: 12, marginRight: 18, flexShrink: 0 }),
    text(view.brand.name, 1, { fontSize: 28, fontWeight: 700, minWidth: 0 }),
  );

  const byline =
    view.layout === 'entry' && view.person
      ? el(
          'div',
          { display: 'flex', alignItems: 'center', flexShrink: 1, minWidth: 0, maxWidth: 600, marginRight: 32 },
          avatar(view.person, 72, accent),
          el(
            'div',
            { display: 'flex', flexDirection: 'column', marginLeft: 20, minWidth: 0, flexShrink: 1 },
            text(view.person.name, 1, { fontSize: 28, fontWeight: 700 }),
            view.person.role && text(view.person.role, 1, { fontSize: 24, opacity: 0.88 }),
          ),
        )
      : undefined;

  const words = el(
    'div',
    { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, flexShrink: 1, minWidth: 0, minHeight: 0, direction: view.dir },
    title,
    body,
  );

  const middle =
    view.layout === 'person' && view.person
      ? el(
          'div',
          { display: 'flex', alignItems: 'center', flexGrow: 1, minHeight: 0 },
          el('div', { display: 'flex', flexShrink: 0, marginRight: 56 }, avatar(view.person, 240, accent)),
          words,
        )
      : el('div', { display: 'flex', flexGrow: 1, minHeight: 0 }, words);

  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      boxSizing: 'border-box',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      padding: `${SAFE_MARGIN}px ${SAFE_MARGIN + 8}px ${SAFE_MARGIN - 8 + STRIPE}px`,
      background: primary,
      color: ink,
      fontFamily: view.fontFamily,
      position: 'relative',
    },
    eyebrow,
    el('div', { display: 'flex', flexGrow: 1, minHeight: 0, paddingTop: 16, paddingBottom: 24 }, middle),
    el('div', { display: 'flex', alignItems: 'center', justifyContent: byline ? 'space-between' : 'flex-start', flexShrink: 0 }, byline, brandMark),
    el('div', { position: 'absolute', left: 0, bottom: 0, width: CARD_WIDTH, height: STRIPE, background: accent }),
  );
}
