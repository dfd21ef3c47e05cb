/**
 * The quiz island: check the answers; a wrong pick says why that option is
 * wrong and may be tried again, and the right answer shows after a second
 * wrong try or on request ("Show the answer"); announce the score in a
 * live region, and keep the passed state (src/lib/training-progress.ts) in
 * the browser, so a reload, the training page and the badge all know it.
 */
import { markDone, passMark, recordAttempt, scoreQuiz } from '../lib/training-progress.ts';
import { onProgressChange, readTraining, writeTraining } from '../client/progress-store.ts';
import { type IslandKey, formatDay, stringsOf } from '../client/island-strings.ts';
import { joinSentences } from '../lib/sentence.ts';
import { isolated } from '../lib/direction.ts';

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
  // Per question: wrong checks so far, and whether its answer is shown.
  let wrongTries = questions.map(() => 0);
  let revealed = questions.map(() => false);

  const options = (q: HTMLFieldSetElement) => [...q.querySelectorAll<HTMLInputElement>('input[type=radio]')];
  const optionText = (q: HTMLFieldSetElement, index: number) => q.querySelectorAll('.quiz-option span')[index]?.textContent ?? '';
  const why = (q: HTMLFieldSetElement, index: number | undefined) => (index === undefined ? undefined : options(q)[index]?.dataset.why);

  const chosen = () =>
    questions.map((q) => {
      const checked = q.querySelector<HTMLInputElement>('input[type=radio]:checked');
      return checked ? Number(checked.value) : undefined;
    });

  /** One question's feedback: a verdict, then why (and, once shown, the answer's explanation). */
  function show(i: number, verdict: string, detail: string) {
    const q = questions[i]!;
    q.querySelector<HTMLElement>('[data-verdict]')!.textContent = verdict;
    q.querySelector<HTMLElement>('[data-detail]')!.textContent = detail;
    q.querySelector<HTMLElement>('[data-feedback]')!.hidden = false;
    // Nothing left to show once the answer is shown, or picked.
    q.querySelector<HTMLElement>('[data-show-answer]')!.hidden = revealed[i]! || q.dataset.right === 'true';
  }

  /** The right answer and why, with why the pick (if any, and wrong) was not it. */
  function reveal(i: number, pick?: number) {
    const q = questions[i]!;
    revealed[i] = true;
    // Isolated: an option in another direction than the sentence around it keeps its punctuation in place.
    const answer = isolated(optionText(q, answers[i]!));
    const verdict = pick === undefined ? s('quiz.theAnswer', { answer }) : s('quiz.wrong', { answer });
    show(i, joinSentences(verdict), joinSentences(pick === undefined ? undefined : why(q, pick), q.dataset.explain));
  }

  questions.forEach((q, i) => {
    q.querySelector<HTMLElement>('[data-show-answer]')!.addEventListener('click', () => {
      const pick = chosen()[i];
      reveal(i, pick === answers[i] ? undefined : pick);
      q.querySelector<HTMLElement>('[data-verdict]')!.focus();
    });
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
      const pick = picks[i]!;
      q.dataset.right = String(right);
      if (right) show(i, s('quiz.right'), joinSentences(why(q, pick), q.dataset.explain));
      else if (++wrongTries[i]! >= 2 || revealed[i]) reveal(i, pick);
      else show(i, s('quiz.notQuite'), joinSentences(why(q, pick), s('quiz.tryAgain')));
    });
    writeTraining(recordAttempt(readTraining(), moduleId, outcome, new Date()));
    const verdict = outcome.passed ? s('quiz.passed') : s('quiz.failed', { mark: passMark(outcome.total), total: outcome.total });
    result.textContent = joinSentences(s('quiz.score', { correct: outcome.correct, total: outcome.total }), verdict);
    result.className = `quiz-result status ${outcome.passed ? 'ok' : 'warn'}`;
    retry.hidden = false;
  });

  retry.addEventListener('click', () => {
    form.reset();
    wrongTries = questions.map(() => 0);
    revealed = questions.map(() => false);
    for (const q of questions) {
      delete q.dataset.right;
      q.querySelector<HTMLElement>('[data-feedback]')!.hidden = true;
      q.querySelector<HTMLElement>('[data-show-answer]')!.hidden = false;
    }
    result.textContent = '';
    retry.hidden = true;
    questions[0]?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
  });
}
