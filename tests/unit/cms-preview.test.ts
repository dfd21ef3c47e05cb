/**
 * Decap's preview pane (src/lib/cms/preview.ts): a snippet's wordings as
 * each network gets them, counted as the build's check counts them; a
 * guideline's Do and Don't apart; a training module's right answers marked.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { type PreviewNode, guidelineView, snippetView, trainingView, wordingPosts } from '../../src/lib/cms/preview.ts';
import { settingsOf, treeWith } from '../support/fixtures.ts';

const LONG = `${'A sentence that says a little more than it needs to. '.repeat(5)}`.trim();
const SNIPPET = `---
title: Too long for X
link: https://www.fixture.example/launch
topics: [product]
teams: [all]
hashtags: [Launch]
variants:
  - text: "${LONG}"
  - text: "Short and fine."
---
`;

/** Every text of a preview tree, in order. */
function texts(node: PreviewNode | string): string[] {
  return typeof node === 'string' ? [node] : (node.children ?? []).flatMap(texts);
}

describe('the CMS previews', () => {
  it('counts each network’s post as the build does, and says by how much a wording is too long', () => {
    const tree = treeWith({ 'snippets/too-long.md': SNIPPET });
    try {
      const settings = settingsOf(tree.root);
      const { problems } = checkContent({ root: tree.root, now: new Date('2026-11-22'), cwd: path.dirname(tree.root) });
      const built = problems.find((p) => p.file.endsWith('too-long.md') && p.message.includes('too long for X'))!;
      const buildCount = Number(/counts (\d+) where X allows 280/.exec(built.message)![1]);

      const share = { disclosure: settings.disclosure, medium: settings.utm.medium, mastodon: settings.mastodon.instance, networks: settings.networks };
      const data = { title: 'Too long for X', link: 'https://www.fixture.example/launch', hashtags: ['Launch'], variants: [{ text: LONG }, { text: 'Short and fine.' }] };
      const [first, second] = wordingPosts(data, share, 'too-long');
      const x = first!.posts.flatMap((post) => post.counts).find((count) => count.network === 'x')!;
      expect(x).toMatchObject({ length: buildCount, limit: 280, fits: false });
      expect(second!.posts.flatMap((post) => post.counts).every((count) => count.fits)).toBe(true);

      const shown = texts(snippetView(data, share, 'too-long')).join('\n');
      expect(shown).toContain(`X: ${buildCount} / 280 — too long by ${buildCount - 280}`);
      // The composed post: the wording, the hashtags and the disclosure, then the link.
      expect(shown).toContain(`${LONG}\n\n#Launch ${settings.disclosure}\n\nhttps://www.fixture.example/launch`);
    } finally {
      tree.cleanup();
    }
  });

  it('shows a guideline’s Do and Don’t lists apart, without its order number', () => {
    const view = guidelineView({ title: 'Be honest', summary: 'Say who you work for.', order: 6, do: ['Say it'], dont: ['Hide it'] });
    const json = JSON.stringify(view);
    expect(json).toContain('"className":"do-list"');
    expect(json).toContain('"className":"dont-list"');
    expect(texts(view)).not.toContain('6');
    expect(texts(view).join(' ')).not.toMatch(/Order/);
  });

  it('marks a quiz question’s right option instead of printing its index', () => {
    const view = trainingView({ title: 'Basics', quiz: [{ question: 'Which?', options: ['This', 'That'], answer: 1, explain: 'Because.' }] });
    const shown = texts(view);
    expect(shown).toContain('That ✓ right answer');
    expect(shown.join(' ')).not.toMatch(/Answer: 1/);
  });
});
