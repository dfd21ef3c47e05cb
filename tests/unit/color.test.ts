import { describe, expect, it } from 'vitest';
import { contrast, readableOn, textOn } from '../../src/lib/color.ts';
import { brandCss } from '../../src/lib/theme.ts';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('readableOn', () => {
  it('keeps a colour that already reads and shifts one that does not until it does', () => {
    expect(readableOn('#0b3d91', '#ffffff')).toBe('#0b3d91');
    const onDark = readableOn('#0b3d91', '#0e1417');
    expect(contrast(onDark, '#0e1417')).toBeGreaterThanOrEqual(4.5);
    const yellow = readableOn('#f5d90a', '#ffffff');
    expect(contrast(yellow, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('textOn', () => {
  it('picks white on dark and near-black on light fills', () => {
    expect(textOn('#0b3d91')).toBe('#ffffff');
    expect(textOn('#f5a623')).toBe('#111111');
  });
});

describe('brandCss', () => {
  it('gives links that read at 4.5:1 in both schemes for a pale brand colour', () => {
    const css = brandCss({ primary: '#9ad0ff', accent: '#ffcc00' });
    const links = [...css.matchAll(/--link:(#[0-9a-f]{6})/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    expect(contrast(links[0]!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(links[0]!, '#f4f6f7')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(links[1]!, '#0e1417')).toBeGreaterThanOrEqual(4.5);
  });
});
