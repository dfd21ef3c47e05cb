import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from '../../src/lib/color.ts';
import { checkBrandContrast, ratio } from '../../src/content/checks/brand-contrast.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkContent } from '../../src/content/check.ts';
import { PROJECT } from '../support/build.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';

const check = (primary: string, accent = '#f2a541') => checkBrandContrast({ brand: { primary, accent }, file: 'settings.yaml', lineOf: () => 7 });

describe('brand colours carrying text', () => {
  it('pass for the sample hub and the fixture tree', () => {
    const sample = readFileSync(path.join(PROJECT, 'content/settings.yaml'), 'utf8');
    const primary = /primary:\s*"(#[0-9a-f]+)"/i.exec(sample)![1]!;
    const accent = /accent:\s*"(#[0-9a-f]+)"/i.exec(sample)![1]!;
    expect(check(primary, accent)).toEqual([]);
    const result = checkContent({ root: VALID_TREE, now: new Date('2026-11-22T00:00:00Z'), cwd: VALID_TREE });
    expect(result.problems.filter((p) => p.field?.startsWith('brand.'))).toEqual([]);
  });

  it('warn about a mid-tone primary, once when both schemes fill with it, with both ratios and shades that read', () => {
    const problems = check('#2b8a3e');
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'settings.yaml:7 — field "brand.primary" is #2b8a3e: buttons, badges and step numbers in this colour put white text on it at 4.36:1 and near-black at 4.32:1, below the 4.5:1 text needs; a shade such as "#29833b" (white text, 4.76:1) or "#369048" (dark text, 4.71:1) reads.',
    ]);
    // The suggested shades do read.
    expect(contrast('#ffffff', '#29833b')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#111111', '#369048')).toBeGreaterThanOrEqual(4.5);
    // A dark primary is lightened for the dark scheme just to 3:1 against it, where white text still reads.
    expect(check('#1b2a80')).toEqual([]);
  });

  it('warn about an accent that cannot carry badge text', () => {
    expect(check('#0b5563', '#0c8599').map((p) => p.field)).toEqual(['brand.accent']);
  });

  it('never round a failing ratio up to a pass', () => {
    expect(ratio(4.499)).toBe('4.49:1');
    expect(ratio(21)).toBe('21:1');
  });

  it('run in the content check, pointing at the line of the colour in settings.yaml', () => {
    const settings = readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8').replace('primary: "#1d4ed8"', 'primary: "#4c6ef5"');
    const tree = treeWith({ 'settings.yaml': settings });
    try {
      const problems = checkContent({ root: tree.root, now: new Date('2026-11-22T00:00:00Z'), cwd: tree.root }).problems.filter((p) => p.field === 'brand.primary');
      expect(problems).toEqual([
        expect.objectContaining({ severity: 'warning', file: 'settings.yaml', line: 5, message: expect.stringContaining('at 4.32:1 and near-black at 4.36:1') }),
      ]);
    } finally {
      tree.cleanup();
    }
  });
});
