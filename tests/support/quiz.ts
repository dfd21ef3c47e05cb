/** Doing a module's quiz in the browser, as the path and device tests need it. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Answers the quiz on this page rightly (each question's right option is in its data-answer) and checks it passed. */
export async function passQuiz(page: Page): Promise<void> {
  const questions = page.locator('fieldset[data-answer]');
  for (let i = 0; i < (await questions.count()); i++) {
    const question = questions.nth(i);
    await question
      .getByRole('radio')
      .nth(Number(await question.getAttribute('data-answer')))
      .check();
  }
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.locator('[data-result]').textContent()).resolves.toMatch(/Passed!/);
}
