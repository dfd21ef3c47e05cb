/**
 * The SVG pass before resvg (src/lib/cards/svg.ts) drops only masks and
 * clips that cannot change a pixel: a mask that repeats its element's clip
 * box, a clip around text that lies wholly inside it. Anything else stays.
 */
import { describe, expect, it } from 'vitest';
import { cardSvg } from '../../src/lib/cards/render.ts';
import type { CardSpec } from '../../src/lib/cards/spec.ts';
import { paintable, withoutNoOpClips, withoutRedundantMasks } from '../../src/lib/cards/svg.ts';

const head = '<svg width="1200" height="630" viewBox="0 0 1200 630" xmlns="http://www.w3.org/2000/svg">';
const clip = (id: string, box: string) => `<clipPath id="${id}"><rect ${box}/></clipPath>`;
const mask = (id: string, box: string) => `<mask id="${id}"><rect ${box} fill="#fff"/></mask>`;
const text = (d: string) => `<path fill="#ffffff" d="${d}"/>`;
const BOX = 'x="72" y="64" width="1056" height="38"';
const INSIDE = 'M80 70L90 70Q95 80 100 90L80 90Z';

describe('withoutRedundantMasks', () => {
  it('drops a white-rectangle mask that holds the clip box, and its definition', () => {
    const svg = `${head}${clip('c', BOX)}${mask('m', BOX)}<g mask="url(#m)" clip-path="url(#c)">${text(INSIDE)}</g></svg>`;
    expect(withoutRedundantMasks(svg)).toBe(`${head}${clip('c', BOX)}<g clip-path="url(#c)">${text(INSIDE)}</g></svg>`);
  });

  it('keeps a mask smaller than the clip, on fractional pixels, or on an element without a clip', () => {
    const smaller = `${head}${clip('c', BOX)}${mask('m', 'x="72" y="64" width="500" height="38"')}<g mask="url(#m)" clip-path="url(#c)">${text(INSIDE)}</g></svg>`;
    const fractional = `${head}${clip('c', BOX)}${mask('m', 'x="71.5" y="64" width="1057" height="38"')}<g mask="url(#m)" clip-path="url(#c)">${text(INSIDE)}</g></svg>`;
    const unclipped = `${head}${mask('m', BOX)}<g mask="url(#m)">${text(INSIDE)}</g></svg>`;
    for (const svg of [smaller, fractional, unclipped]) expect(withoutRedundantMasks(svg)).toBe(svg);
  });
});

describe('withoutNoOpClips', () => {
  it('unwraps a text whose every point lies inside its clip rectangle', () => {
    const svg = `${head}${clip('c', BOX)}<g clip-path="url(#c)">${text(INSIDE)}</g></svg>`;
    expect(withoutNoOpClips(svg)).toBe(`${head}${clip('c', BOX)}${text(INSIDE)}</svg>`);
  });

  it('keeps the clip of a text that reaches past it, or whose path it cannot read', () => {
    const below = 'M80 70L90 70Q95 110 100 90Z'; // a control point below the box (y 102)
    const relative = 'M80 70l10 0z';
    const exponent = 'M80 70L9e1 70Z';
    for (const d of [below, relative, exponent]) {
      const svg = `${head}${clip('c', BOX)}<g clip-path="url(#c)">${text(d)}</g></svg>`;
      expect(withoutNoOpClips(svg), d).toBe(svg);
    }
  });

  it('keeps a rounded clip (an avatar, a logo)', () => {
    const svg = `${head}<clipPath id="c"><path x="72" y="488" width="72" height="72" d="M108,488 a36,36 0 0 1 0,72"/></clipPath><g clip-path="url(#c)">${text('M80 500L90 500Z')}</g></svg>`;
    expect(withoutNoOpClips(svg)).toBe(svg);
  });
});

describe('on real cards', () => {
  const brand: CardSpec['brand'] = { hub: 'Tidewater Voices', primary: '#0b5563', accent: '#f2a541' };
  const spec = (title: string): CardSpec => ({ id: 'articles/x', layout: 'entry', eyebrow: 'Article', title, footer: 'Tidewater Voices', brand });

  const clipped = (svg: string) => (svg.match(/clip-path="/g) ?? []).length;

  it('leaves no mask, and no clip where no letter reaches past its box', async () => {
    const original = await cardSvg(spec('The heat is on'));
    expect(original).toContain(' mask="');
    expect(clipped(original)).toBe(3); // eyebrow, title, footer
    const svg = paintable(original);
    expect(svg).not.toContain(' mask="');
    expect(clipped(svg)).toBe(0);
  });

  it('keeps the clip of a title whose last line has descenders below its box (satori cuts them)', async () => {
    // "p" of "public" on the second line reaches 3 px below the title's box.
    const svg = paintable(await cardSvg(spec('Why field engineers should write in public')));
    expect(clipped(svg)).toBe(1);
    const [, id] = /<g clip-path="url\(#([^)]+)\)">/.exec(svg)!;
    expect(svg).toMatch(new RegExp(`<clipPath id="${id}"><rect x="72" y="\\d+" width="1056" height="144"/>`));
  });
});
