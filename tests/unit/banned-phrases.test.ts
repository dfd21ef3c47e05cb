/** The one matcher of banned phrases (src/lib/banned-phrases.ts): spelled any way, found, and pointed back to the text as written. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bannedPhraseMatcher, fold, foldForMatching } from '../../src/lib/banned-phrases.ts';
import { showInvisible } from '../../src/model/words.ts';

const matcher = bannedPhraseMatcher(['guaranteed savings', 'Best in the world']);
const written = (text: string) => matcher.find(text).map((m) => m.written);

describe('a banned phrase', () => {
  it.each([
    ['the same words', 'Get guaranteed savings today', 'guaranteed savings'],
    ['another case', 'Get GUARANTEED Savings today', 'GUARANTEED Savings'],
    ['two spaces', 'Get Guaranteed  savings today', 'Guaranteed  savings'],
    ['a tab', 'Guaranteed\tsavings', 'Guaranteed\tsavings'],
    ['a no-break space', 'Guaranteed\u00a0savings', 'Guaranteed\u00a0savings'],
    ['a narrow no-break space', 'Guaranteed\u202fsavings', 'Guaranteed\u202fsavings'],
    ['an ideographic space', 'Guaranteed\u3000savings', 'Guaranteed\u3000savings'],
    ['a zero-width space between letters', 'Guaran\u200bteed savings', 'Guaran\u200bteed savings'],
    ['a zero-width non-joiner', 'Guar\u200canteed savings', 'Guar\u200canteed savings'],
    ['a zero-width joiner', 'Guaranteed sa\u200dvings', 'Guaranteed sa\u200dvings'],
    ['a word joiner', 'Guaranteed\u2060 savings', 'Guaranteed\u2060 savings'],
    ['a soft hyphen', 'Guaran\u00adteed savings', 'Guaran\u00adteed savings'],
    ['a byte-order mark', 'Guaranteed\ufeffsavings'.replace('\ufeff', ' \ufeff'), 'Guaranteed \ufeffsavings'],
    ['a right-to-left override', 'Guaranteed \u202esavings', 'Guaranteed \u202esavings'],
    ['full-width letters', 'ｇｕａｒａｎｔｅｅｄ　ｓａｖｉｎｇｓ', 'ｇｕａｒａｎｔｅｅｄ　ｓａｖｉｎｇｓ'],
    ['a line break', 'We promise guaranteed\nsavings.', 'guaranteed\nsavings'],
    ['a line break and indentation', 'guaranteed\r\n    savings', 'guaranteed\r\n    savings'],
    ['everything at once', 'ＧＵＡＲＡＮ\u200bＴＥＥＤ \u00a0\n\u2060 SAV\u00adINGS', 'ＧＵＡＲＡＮ\u200bＴＥＥＤ \u00a0\n\u2060 SAV\u00adINGS'],
  ])('is found when written with %s, and shown as written', (_, text, as) => {
    expect(written(text)).toEqual([as]);
  });

  it('points at the phrase in the text as written, beside emoji and marks that fold to more or fewer characters', () => {
    const text = '👩🏽‍💻 ﬁne: Ｇｕａｒａｎｔｅｅｄ  savings, and the best  in the world.';
    const found = matcher.find(text);
    expect(found.map((m) => [m.phrase, text.slice(m.index, m.end)])).toEqual([
      ['guaranteed savings', 'Ｇｕａｒａｎｔｅｅｄ  savings'],
      ['Best in the world', 'best  in the world'],
    ]);
  });

  it('folds case the Unicode way (ß is ss) and composes accents', () => {
    const german = bannedPhraseMatcher(['größte Ersparnis', 'café']);
    expect(german.find('Die GRÖSSTE ersparnis').map((m) => m.phrase)).toEqual(['größte Ersparnis']);
    // "e" and a combining acute accent are é.
    expect(german.find('Ein Cafe\u0301 für alle').map((m) => m.written)).toEqual(['Cafe\u0301']);
  });

  it('is not found where the words differ or are apart', () => {
    expect(matcher.find('A guaranteed saving')).toEqual([]);
    expect(matcher.find('Guaranteed: savings')).toEqual([]);
    expect(matcher.find('guaranteedsavings')).toEqual([]);
    expect(bannedPhraseMatcher([]).find('guaranteed savings')).toEqual([]);
  });

  it('ignores a phrase made only of invisible characters, which would match everywhere', () => {
    expect(bannedPhraseMatcher(['\u200b\u00ad']).find('any text')).toEqual([]);
  });

  it('is spelled by a hashtag of its letters, in any case, width or with invisible characters', () => {
    expect(matcher.spelledBy('BestInTheWorld')).toBe('Best in the world');
    expect(matcher.spelledBy('#GUARANTEED_savings2026')).toBe('guaranteed savings');
    expect(matcher.spelledBy('Ｂｅｓｔ\u200bＩｎＴｈｅＷｏｒｌｄ')).toBe('Best in the world');
    expect(matcher.spelledBy('Savings')).toBeUndefined();
  });
});

describe('folding for matching', () => {
  it('leaves plain ASCII in lower case, character for character', () => {
    const folded = foldForMatching('Plain Text, one space.');
    expect(folded.text).toBe('plain text, one space.');
    expect([folded.start(6), folded.end(6)]).toEqual([6, 7]);
  });

  it('keeps, for each folded character, the span it came from', () => {
    const original = 'a\u00a0 \u200bＢ';
    const folded = foldForMatching(original);
    expect(folded.text).toBe('a b');
    // The zero-width space adds nothing, so the run of white space ends before it.
    expect([folded.start(1), folded.end(1)]).toEqual([1, 3]);
    expect(original.slice(folded.start(2), folded.end(2))).toBe('Ｂ');
  });

  // The whole text is folded at once to decide whether a phrase is there, and again character by
  // character to point at it: both must give the same text, or a match could be found and not placed.
  it('gives the same folded text whole and character by character, and each span folds back to its part', () => {
    const pieces = [
      'a',
      'B',
      'é',
      'e\u0301',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u202f',
      '\u3000',
      '\u200b',
      '\u200d',
      '\u2060',
      '\u00ad',
      '\u202e',
      'Ｇ',
      'ﬁ',
      'ß',
      'ΟΔΟΣ ',
      'İ',
      '👩🏽‍💻',
      '①',
      '¨',
      '.',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const folded = foldForMatching(text);
        expect(folded.text).toBe(fold(text));
        for (let i = 0; i < folded.text.length; i++) {
          const part = fold(text.slice(folded.start(i), folded.end(i)));
          expect(part === '' || part.includes(folded.text[i]!) || /\s/.test(folded.text[i]!)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds Greek phrases whatever the form of sigma', () => {
    // A final ς and a σ are one letter; an accented ό is another.
    expect(
      bannedPhraseMatcher(['ΟΔΟΣ'])
        .find('η οδός, η οδο\u03c2.')
        .map((m) => m.written),
    ).toEqual(['οδο\u03c2']);
    expect(
      bannedPhraseMatcher(['οδος'])
        .find('ΟΔΟΣ')
        .map((m) => m.written),
    ).toEqual(['ΟΔΟΣ']);
  });
});

describe('showing invisible characters', () => {
  it('names each one in brackets and leaves what a reader sees alone', () => {
    expect(showInvisible('Guaranteed\u00a0sav\u00adings\u200b')).toBe('Guaranteed[no-break space U+00A0]sav[soft hyphen U+00AD]ings[zero-width space U+200B]');
    expect(showInvisible('a\nb c\u2060')).toBe('a[line break U+000A]b c[word joiner U+2060]');
    expect(showInvisible('ｆｕｌｌ width, é')).toBe('ｆｕｌｌ width, é');
    expect(showInvisible('\u202e')).toBe('[U+202E]');
    expect(showInvisible('bell\u0007')).toBe('bell[U+0007]');
  });
});
