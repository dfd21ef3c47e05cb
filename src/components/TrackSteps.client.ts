/**
 * An onboarding track: stores what the link presets (?mentor, ?team, ?ref),
 * then takes them out of the address so a copied address does not pass a
 * personal code on; shows the chosen mentor; keeps the checklist.
 */
import { checklistProgress, chosenMentor, setStepDone, withoutPresets } from '../lib/onboarding.ts';
import { applyUrlPresets, readPrefs } from '../client/advocate-store.ts';
import { onProgressChange, readChecklist, writeChecklist } from '../client/progress-store.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';

const root = document.querySelector<HTMLElement>('[data-track]');
if (root) {
  const trackId = root.dataset.track!;
  const mentors = JSON.parse(root.dataset.mentors ?? '[]') as string[];
  const teams = JSON.parse(root.dataset.teams ?? '[]') as string[];
  const s = stringsOf<IslandKey<'trackSteps'>>(root);

  applyUrlPresets({ teams, mentors });
  const rest = withoutPresets(location.search);
  if (rest !== location.search) history.replaceState(history.state, '', `${location.pathname}${rest}${location.hash}`);

  for (const element of root.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;

  const mentorSection = root.querySelector<HTMLElement>('[data-mentor-section]')!;
  const chosenNote = root.querySelector<HTMLElement>('[data-mentor-chosen]')!;
  const steps = [...root.querySelectorAll<HTMLElement>('li[data-step]')];
  const keys = steps.map((li) => li.dataset.step!);
  const status = root.querySelector<HTMLElement>('[data-checklist-status]')!;
  const meter = root.querySelector<HTMLProgressElement>('[data-checklist-meter]')!;

  for (const li of steps) {
    li.querySelector<HTMLInputElement>('[data-step-check]')!.addEventListener('change', (event) => {
      const done = (event.currentTarget as HTMLInputElement).checked;
      writeChecklist(setStepDone(readChecklist(), trackId, li.dataset.step!, done));
    });
  }

  onProgressChange(() => {
    const fallback = root.dataset.defaultMentor || undefined;
    const mentor = chosenMentor(readPrefs().mentor, fallback, mentors);
    for (const chip of root.querySelectorAll<HTMLElement>('[data-mentor]')) chip.hidden = chip.dataset.mentor !== mentor;
    mentorSection.hidden = !mentor;
    chosenNote.hidden = !mentor || mentor === fallback;

    const ticked = readChecklist()[trackId] ?? [];
    for (const li of steps) {
      const done = ticked.includes(li.dataset.step!);
      li.querySelector<HTMLInputElement>('[data-step-check]')!.checked = done;
      li.dataset.done = String(done);
    }
    const progress = checklistProgress(keys, ticked);
    meter.value = progress.done;
    const text = progress.complete ? s('tracks.complete', { total: progress.total }) : s('tracks.progress', { done: progress.done, total: progress.total });
    if (status.textContent !== text) status.textContent = text;
    status.classList.toggle('ok', progress.complete);
  });
}
