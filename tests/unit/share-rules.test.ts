/** Build checks for sharing (src/lib/content/share-rules.ts), through the content check the build runs. */
import path from 'node:path';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkContent } from '../../src/content/check.ts';
import { LONGEST_CODE } from '../../src/model/ids.ts';
import { treeWith } from '../support/fixtures.ts';

const NOW = new Date('2026-11-22T00:00:00Z');
const problemsOf = (files: Record<string, string>) => {
  const tree = treeWith(files);
  try {
    return checkContent({ root: tree.root, now: NOW, cwd: tree.root }).problems;
  } finally {
    tree.cleanup();
  }
};
const snippet = (fields: string) => `---\ntitle: A snippet\nlink: https://www.fixture.example.com/page\ntopics: [product]\nteams: [all]\n${fields}\n---\nNotes.\n`;

describe('a variant over a network’s limit', () => {
  it('is an error naming file, line, variant, network, length and limit', () => {
    const text = `${'word '.repeat(46)}end`; // 233 characters: 284 on X with hashtag, disclosure and link; 300 on Bluesky
    const problems = problemsOf({ 'snippets/long.md': snippet(`hashtags: [Launch]\nvariants:\n  - text: "Short one."\n  - text: "${text}"`) });
    const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
    // The fixture hub offers linkedin, x, bluesky, mastodon and email: only X is too short for it.
    expect(errors).toHaveLength(1);
    const composed = `${text}\n\n#Launch #FixtureEmployee\n\nhttps://www.fixture.example.com/page?utm_source=x&utm_medium=employee-advocacy&utm_campaign=long&utm_content=${LONGEST_CODE}`;
    const length = twitter.parseTweet(composed).weightedLength;
    expect(errors[0]).toBe(
      `snippets/long.md:9 — field "variants[1].text" (variant 2) is too long for X: the post counts ${length} where X allows 280 ` +
        `(X's weighted length: every link 23, CJK and emoji 2; the post is the text, the hashtags, the disclosure and the link tagged with the longest advocate code, 40 characters). ` +
        `Shorten it by ${length - 280}, or list the networks it fits under "networks:" of this variant.`,
    );
  });

  it('counts the link with the longest advocate code where the network counts links in full', () => {
    // On LinkedIn the link counts in full: this text fits without a code and not with a 40-character one.
    const link = 'https://www.fixture.example.com/page?utm_source=linkedin&utm_medium=employee-advocacy&utm_campaign=edge';
    const room = 3000 - '\n\n#FixtureEmployee\n\n'.length - link.length;
    const text = 'a'.repeat(room - 20);
    const problems = problemsOf({ 'snippets/edge.md': snippet(`variants:\n  - text: "${text}"\n    networks: [linkedin]\n  - text: "Two"`) });
    const error = problems.find((p) => p.severity === 'error');
    expect(error?.message).toMatch(/\(variant 1\) is too long for LinkedIn: the post counts 3033 where LinkedIn allows 3000/);
  });

  it('is checked only on the networks the variant is offered on', () => {
    const text = 'word '.repeat(60).trim();
    expect(
      problemsOf({ 'snippets/ok.md': snippet(`variants:\n  - text: "${text}"\n    networks: [linkedin, mastodon]\n  - text: "Two"`) }).filter(
        (p) => p.severity === 'error',
      ),
    ).toEqual([]);
  });

  it('is not checked on expired snippets, which are never built', () => {
    const text = 'word '.repeat(80).trim();
    const problems = problemsOf({ 'snippets/old.md': snippet(`expires: 2026-01-31\nvariants:\n  - text: "${text}"\n  - text: "Two"`) });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('a banned phrase', () => {
  it('is an error in the title, a variant or a hashtag, whatever its case', () => {
    const problems = problemsOf({
      'snippets/brag.md': snippet('hashtags: [bestintheworld]\nvariants:\n  - text: "Fine."\n  - text: "We are Best In The World."').replace(
        'title: A snippet',
        'title: The best in the world',
      ),
    });
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.field, p.line])).toEqual([
      ['title', 2],
      ['variants[1].text', 9],
      ['hashtags[0]', 6],
    ]);
  });

  // Written as YAML escapes in a double-quoted string, so the fixture shows what it holds.
  it.each([
    ['two spaces', 'Best  in the world', 'written "Best  in the world"'],
    ['a no-break space', 'best\\u00a0in the world', 'written "best[no-break space U+00A0]in the world"'],
    ['a narrow no-break space', 'best in\\u202fthe world', 'written "best in[narrow no-break space U+202F]the world"'],
    ['a zero-width space', 'best in the wo\\u200brld', 'written "best in the wo[zero-width space U+200B]rld"'],
    ['a zero-width non-joiner', 'best in\\u200c the world', 'written "best in[zero-width non-joiner U+200C] the world"'],
    ['a zero-width joiner', 'be\\u200dst in the world', 'written "be[zero-width joiner U+200D]st in the world"'],
    ['a word joiner', 'best\\u2060 in the world', 'written "best[word joiner U+2060] in the world"'],
    ['a soft hyphen', 'best in the wor\\u00adld', 'written "best in the wor[soft hyphen U+00AD]ld"'],
    ['full-width letters', 'ｂｅｓｔ ｉｎ ｔｈｅ ｗｏｒｌｄ', 'written "ｂｅｓｔ ｉｎ ｔｈｅ ｗｏｒｌｄ"'],
  ])('is an error in a variant written with %s, showing the text as written', (_, written, shown) => {
    const problems = problemsOf({ 'snippets/brag.md': snippet(`variants:\n  - text: "Fine."\n  - text: "We are ${written}."`) });
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      `snippets/brag.md:8 — field "variants[1].text" (variant 2) contains the banned phrase "best in the world" (settings.yaml → banned), ${shown}; reword it.`,
    ]);
  });

  it('is an error across line breaks, on the line where the phrase starts', () => {
    const problems = problemsOf({
      'snippets/brag.md': snippet('variants:\n  - text: "Fine."\n  - text: |\n      We are, as everyone knows,\n      the best\n      in the world.\n'),
    });
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([
      'snippets/brag.md:10 — field "variants[1].text" (variant 2) contains the banned phrase "best in the world" (settings.yaml → banned), written "best[line break U+000A]in the world"; reword it.',
    ]);
  });
});

describe('the sample hub', () => {
  it('passes every share rule', () => {
    const root = path.resolve(import.meta.dirname, '../../content');
    const { problems } = checkContent({ root, now: NOW, cwd: path.dirname(root) });
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});
