import { describe, expect, it } from 'vitest';
import { endSentence, joinSentences } from '../../src/lib/sentence.ts';

describe('endSentence', () => {
  it.each([
    ['Keep it', 'Keep it.'],
    ['Keep it.', 'Keep it.'],
    ['Really?', 'Really?'],
    ['Passed!', 'Passed!'],
    ['And so…', 'And so…'],
    ['the answer is “Keep it.”', 'the answer is “Keep it.”'],
    ['the answer is “Creator”', 'the answer is “Creator”.'],
    ['(see the guide.)', '(see the guide.)'],
    ['a list:', 'a list.'],
    ['  spaced  ', 'spaced.'],
    ['', ''],
  ])('%j → %j', (text, ended) => {
    expect(endSentence(text)).toBe(ended);
  });
});

describe('joinSentences', () => {
  it('joins with one space and never doubles punctuation', () => {
    expect(joinSentences('Not quite', 'Posting weekly is not required.')).toBe('Not quite. Posting weekly is not required.');
    expect(joinSentences('Right.', 'Because it is voluntary')).toBe('Right. Because it is voluntary.');
    expect(joinSentences('You got 3 of 4 right.', undefined, '', 'Passed!')).toBe('You got 3 of 4 right. Passed!');
    const joined = joinSentences('Answer: “Keep it.”', 'It tells readers.');
    expect(joined).toBe('Answer: “Keep it.” It tells readers.');
    expect(joined).not.toMatch(/[.!?][”"]?\s*[.!?]/);
  });
});
