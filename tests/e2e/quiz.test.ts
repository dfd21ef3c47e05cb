/**
 * Quizzes that teach (issue 16, item 7), in Chromium against the built sample
 * hub: a wrong answer says why that option is wrong and lets the advocate try
 * again without giving the right answers away; the right answer shows after a
 * second wrong try, or on request; feedback never doubles its punctuation.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBuiltHub, sampleContent } from '../support/site.ts';

const sample = sampleContent(new Date('2026-11-22T00:00:00Z'));
const quiz = sample.entries.find((e) => e.collection === 'training' && e.id === 'advocacy-basics')!.data.quiz as {
  options: string[];
  answer: number;
  explain: string;
  why?: string[];
}[];
const hub = useBuiltHub();
let page: Page;
let errors: string[];

beforeEach(async () => {
  const context = await hub.browser.newContext();
  page = await context.newPage();
  errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${hub.site.url}/training/advocacy-basics/`);
});

afterEach(async () => {
  await page.context().close();
  expect(errors).toEqual([]);
});

const question = (i: number): Locator => page.locator('fieldset[data-answer]').nth(i);
/** A wrong option of question i other than those in `not`. */
const wrongOption = (i: number, not: number[] = []) => quiz[i]!.options.findIndex((_, j) => j !== quiz[i]!.answer && !not.includes(j));

/** Picks option `pick[i]` for each question (right where undefined) and checks. */
async function answer(picks: Record<number, number>) {
  for (let i = 0; i < quiz.length; i++)
    await question(i)
      .getByRole('radio')
      .nth(picks[i] ?? quiz[i]!.answer)
      .check();
  await page.getByRole('button', { name: 'Check my answers' }).click();
}

/** The text a person sees in question i (hidden parts and closed disclosures left out). */
const visibleText = (i: number) => question(i).innerText();
/** The text of question i a person sees apart from its options' labels. */
// The right option is set into the verdict as a bidirectional isolate (U+2068 … U+2069), invisible: read without them.
const feedbackText = async (i: number) =>
  (await question(i).locator('[data-feedback]').isVisible()) ? (await question(i).locator('[data-feedback]').innerText()).replace(/[\u2066-\u2069]/g, '') : '';

describe('a wrong answer', () => {
  it('explains why that option is wrong without revealing the right one; a second wrong try shows it', async () => {
    expect(quiz.every((q) => q.why?.length === q.options.length)).toBe(true);
    const first = wrongOption(0);
    await answer({ 0: first });
    const feedback = await feedbackText(0);
    expect(feedback).toContain(quiz[0]!.why![first]!);
    expect(feedback).toMatch(/^Not quite/);
    // Nothing outside the options' own labels names the right answer or its explanation.
    expect(feedback).not.toContain(quiz[0]!.options[quiz[0]!.answer]!);
    expect(await visibleText(0)).not.toContain(quiz[0]!.explain);
    expect(await question(0).locator('[data-feedback]').innerText()).not.toContain(quiz[0]!.explain);
    // A right answer explains itself, and has no answer left to show.
    await expect(feedbackText(1)).resolves.toContain(quiz[1]!.explain);
    expect(await question(1).getByRole('button', { name: 'Show the answer' }).isVisible()).toBe(false);
    expect(await question(0).getByRole('button', { name: 'Show the answer' }).isVisible()).toBe(true);

    // The advocate may try again: the other answers stay as they were.
    const second = wrongOption(0, [first]);
    await question(0).getByRole('radio').nth(second).check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    const revealed = await feedbackText(0);
    expect(revealed).toContain(`the answer is “${quiz[0]!.options[quiz[0]!.answer]!}`);
    expect(revealed).toContain(quiz[0]!.explain);
    expect(revealed).toContain(quiz[0]!.why![second]!);
    expect(await question(0).getByRole('button', { name: 'Show the answer' }).isVisible()).toBe(false);
    for (let i = 0; i < quiz.length; i++) expect(await feedbackText(i)).not.toMatch(/([.!?…])[”"’)]*\s*[.!?]/);
  });

  it('can be followed by a right one, which passes the quiz', async () => {
    await answer({ 0: wrongOption(0) });
    await expect(page.locator('[data-result]').innerText()).resolves.toMatch(/^You got 3 of 4 right\. Passed!/);
    await question(0).getByRole('radio').nth(quiz[0]!.answer).check();
    await page.getByRole('button', { name: 'Check my answers' }).click();
    await expect(page.locator('[data-result]').innerText()).resolves.toMatch(/^You got 4 of 4 right\. Passed!/);
    await expect(feedbackText(0)).resolves.toMatch(/^Right\./);
  });
});

describe('"Show the answer"', () => {
  it('shows the right answer and why on request, without a wrong try, with no doubled punctuation', async () => {
    const q = question(2);
    expect(await visibleText(2)).not.toContain(quiz[2]!.explain);
    await q.getByRole('button', { name: 'Show the answer' }).click();
    const text = await q.locator('[data-feedback]').innerText();
    expect(text).toContain(quiz[2]!.options[quiz[2]!.answer]!);
    expect(text).toContain(quiz[2]!.explain);
    expect(text).not.toMatch(/([.!?…])[”"’)]*\s*[.!?]/);
    // Only that question.
    expect(await visibleText(1)).not.toContain(quiz[1]!.explain);
  });
});
