import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DISTANCE, closestWord, editDistance, suggestQuery, vocabulary, wordsOf } from '../../src/lib/search/suggest.ts';

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['heet', 'heat', 1],
    ['', 'pump', 4],
    ['pump', 'pump', 0],
    ['teh', 'the', 1], // a swap of neighbours is one edit
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment edits no substring twice (unrestricted DL says 2)
    ['wärme', 'warme', 1], // letters, not UTF-16 units
    ['🙂a', 'a🙂', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  const word = fc.string({ unit: fc.constantFrom(...'abcdeé'), maxLength: 8 });

  it('is 0 only for equal words, symmetric, and at most the longer length', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
      }),
    );
  });

  it('counts one for one insertion, deletion, substitution or swap of neighbours', () => {
    fc.assert(
      fc.property(
        word.filter((w) => w.length >= 2),
        fc.nat(),
        fc.constantFrom(...'xyz'),
        (w, at, letter) => {
          const i = at % w.length;
          const swapped = i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
          expect(editDistance(w, w.slice(0, i) + letter + w.slice(i))).toBe(1);
          expect(editDistance(w, w.slice(0, i) + w.slice(i + 1))).toBe(1);
          expect(editDistance(w, w.slice(0, i) + letter + w.slice(i + 1))).toBe(1);
          expect(editDistance(w, swapped)).toBe(swapped === w ? 0 : 1);
        },
      ),
    );
  });

  it('with a limit, gives the distance up to it and limit + 1 beyond', () => {
    fc.assert(
      fc.property(word, word, fc.nat(4), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(editDistance(a, b), limit + 1));
      }),
    );
  });
});

describe('suggestions from the hub’s words', () => {
  const words = vocabulary(['Heat pump myths', 'Heat pumps in winter', 'Meet the installers', 'Winter checklist', 'sustainability', 'HeatPumps']);

  it('lists each word of three letters or more once, most used first', () => {
    expect(words.slice(0, 2)).toEqual(['heat', 'winter']);
    expect(words).toContain('heatpumps');
    expect(words).not.toContain('in');
    expect(new Set(words).size).toBe(words.length);
    expect(wordsOf('Heat-pump, “myths”!')).toEqual(['heat', 'pump', 'myths']);
  });

  it('keeps the most used words when it may keep only some', () => {
    expect(vocabulary(['pump heat', 'heat pump', 'heat boiler'], 2)).toEqual(['heat', 'pump']);
  });

  it('offers "heat pump" for "heet pump", preferring the more used word on a tie ("heat" over "meet")', () => {
    expect(editDistance('heet', 'meet')).toBe(1);
    expect(suggestQuery('heet pump', words)).toBe('heat pump');
    expect(suggestQuery('Heet  PUMP', words)).toBe('heat pump');
    expect(suggestQuery('wniter chekclist', words)).toBe('winter checklist');
  });

  it('offers nothing when every word is known, or nothing is within two edits', () => {
    expect(suggestQuery('heat pump', words)).toBeUndefined();
    expect(suggestQuery('Heat Pump', words)).toBeUndefined();
    expect(suggestQuery('', words)).toBeUndefined();
    expect(closestWord('hxxxt', words)).toBeUndefined();
    expect(MAX_DISTANCE).toBe(2);
    expect(closestWord('hxxt', words)).toBe('heat');
  });

  it('does not turn short words into other short words', () => {
    expect(closestWord('at', ['an', 'pr'])).toBe('an'); // one edit in two letters
    expect(closestWord('ab', ['xy'])).toBeUndefined();
    expect(closestWord('a', ['b'])).toBeUndefined();
  });
});
