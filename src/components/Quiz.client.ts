/**
 * The quiz island: check the answers, explain each, announce the score in a
 * live region, and keep the passed state (src/lib/training-progress.ts) in
 * the browser, so a reload, the training page and the badge all know it.
 */
import { markDone, passMark, recordAttempt, scoreQuiz } from '../lib/training-progress.ts';
import { onProgressChange, readTraining, writeTraining } from '../client/progress-store.ts';
import { type IslandKey, formatDay, stringsOf } from '../client/island-strings.ts';

for (const quiz of document.querySelectorAll<HTMLElement>('[data-quiz]')) enhance(quiz);

function enhance(quiz: HTMLElement) {
  const moduleId = quiz.dataset.quiz!;
  const s = stringsOf<IslandKey<'quiz'>>(quiz);
  const note = quiz.querySelector<HTMLElement>('[data-passed-note]')!;
  const noteText = note.querySelector<HTMLElement>('[data-passed-text]')!;
  quiz.hidden = false;
  for (const element of quiz.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;

  onProgressChange(() => {
    const progress = readTraining()[moduleId];
    note.hidden = !progress?.passed;
    if (progress?.passed) {
      noteText.textContent =
        progress.total > 0
          ? s('quiz.passedBefore', { date: formatDay(progress.passedAt ?? new Date().toISOString()), best: progress.best, total: progress.total })
          : s('quiz.doneOn', { date: formatDay(progress.passedAt ?? new Date().toISOString()) });
    }
  });

  const form = quiz.querySelector<HTMLFormElement>('[data-quiz-form]');
  if (!form) {
    const button = quiz.querySelector<HTMLButtonElement>('[data-mark-done]')!;
    const result = quiz.querySelector<HTMLElement>('[data-result]')!;
    button.addEventListener('click', () => {
      const at = new Date();
      writeTraining(markDone(readTraining(), moduleId, at));
      result.textContent = s('quiz.doneOn', { date: formatDay(at.toISOString()) });
    });
    return;
  }

  const questions = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-answer]')];
  const answers = questions.map((q) => Number(q.dataset.answer));
  const result = form.querySelector<HTMLElement>('[data-result]')!;
  const retry = form.querySelector<HTMLButtonElement>('[data-retry]')!;
  // The answers are explained after checking; the no-JS disclosures would give them away first.
  for (const details of form.querySelectorAll<HTMLElement>('[data-no-js-answer]')) details.hidden = true;

  const chosen = () =>
    questions.map((q) => {
      const checked = q.querySelector<HTMLInputElement>('input[type=radio]:checked');
      return checked ? Number(checked.value) : undefined;
    });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picks = chosen();
    const missing = picks.findIndex((pick) => pick === undefined);
    if (missing >= 0) {
      result.textContent = s('quiz.unanswered', { n: missing + 1 });
      questions[missing]!.querySelector<HTMLInputElement>('input[type=radio]')!.focus();
      return;
    }
    const outcome = scoreQuiz(picks, answers);
    questions.forEach((q, i) => {
      const right = outcome.right[i]!;
      q.dataset.right = String(right);
      const options = [...q.querySelectorAll<HTMLElement>('.quiz-option span')].map((o) => o.textContent ?? '');
      q.querySelector<HTMLElement>('[data-verdict]')!.textContent = right ? s('quiz.right') : s('quiz.wrong', { answer: options[answers[i]!] ?? '' });
      q.querySelector<HTMLElement>('[data-feedback]')!.hidden = false;
    });
    writeTraining(recordAttempt(readTraining(), moduleId, outcome, new Date()));
    const verdict = outcome.passed ? s('quiz.passed') : s('quiz.failed', { mark: passMark(outcome.total), total: outcome.total });
    result.textContent = `${s('quiz.score', { correct: outcome.correct, total: outcome.total })} ${verdict}`;
    result.className = `quiz-result status ${outcome.passed ? 'ok' : 'warn'}`;
    retry.hidden = false;
  });

  retry.addEventListener('click', () => {
    form.reset();
    for (const q of questions) {
      delete q.dataset.right;
      q.querySelector<HTMLElement>('[data-feedback]')!.hidden = true;
    }
    result.textContent = '';
    retry.hidden = true;
    questions[0]?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
  });
}
