/**
 * An onboarding track: stores what the link presets (?mentor, ?team, ?ref),
 * then takes them out of the address so a copied address does not pass a
 * personal code on; shows the chosen mentor in the mentor card, the welcome
 * text and the steps; keeps the checklist, with the steps the advocate did
 * elsewhere (a quiz passed, a guideline read, a snippet shared) done too.
 */
import { chosenMentor, setStepDone, withoutPresets } from '../lib/onboarding.ts';
import { type MentorField, fillMentorText, mentorText } from '../lib/mentor-placeholder.ts';
import { type PathStep, pathState } from '../lib/track-progress.ts';
import { readEvidence, writeActiveTrack } from '../client/path-store.ts';
import { readPrefs } from '../client/advocate-store.ts';
import { applyUrlPresets } from '../client/link-presets.ts';
import { onProgressChange, readChecklist, writeChecklist } from '../client/progress-store.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';

const root = document.querySelector<HTMLElement>('[data-track]');
if (root) {
  const trackId = root.dataset.track!;
  const mentors = JSON.parse(root.dataset.mentors ?? '[]') as string[];
  const mentorNames = JSON.parse(root.dataset.mentorNames ?? '{}') as Record<string, string>;
  const guidelinesVersion = root.dataset.guidelinesVersion;
  const teams = JSON.parse(root.dataset.teams ?? '[]') as string[];
  const s = stringsOf<IslandKey<'trackSteps'>>(root);

  applyUrlPresets({ teams, mentors });
  writeActiveTrack(trackId);
  const rest = withoutPresets(location.search);
  if (rest !== location.search) history.replaceState(history.state, '', `${location.pathname}${rest}${location.hash}`);

  for (const element of root.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;

  const mentorSection = root.querySelector<HTMLElement>('[data-mentor-section]')!;
  const chosenNote = root.querySelector<HTMLElement>('[data-mentor-chosen]')!;
  const steps = [...root.querySelectorAll<HTMLElement>('li[data-step]')];
  const pathSteps: PathStep[] = steps.map((li) => ({ key: li.dataset.step!, ref: li.dataset.ref, label: '' }));
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
    const name = mentor && mentorNames[mentor];
    if (name) {
      for (const span of root.querySelectorAll<HTMLElement>('[data-mentor-field]')) {
        const text = mentorText(span.dataset.mentorField as MentorField, name);
        if (span.textContent !== text) span.textContent = text;
      }
      // A task's checkbox is named by its words, the mentor's name included.
      for (const check of root.querySelectorAll<HTMLInputElement>('[data-step-check][data-label]'))
        check.setAttribute('aria-label', fillMentorText(check.dataset.label!, name));
    }

    const progress = pathState(pathSteps, readChecklist()[trackId], readEvidence(guidelinesVersion));
    for (const li of steps) {
      const key = li.dataset.step!;
      const reason = progress.auto.get(key);
      const check = li.querySelector<HTMLInputElement>('[data-step-check]')!;
      check.checked = progress.doneKeys.has(key);
      // Done by what the advocate did: a tick would change nothing, so the box is not offered.
      check.disabled = reason !== undefined;
      const note = li.querySelector<HTMLElement>('[data-step-auto]')!;
      note.textContent = reason ? s(`tracks.auto.${reason}`) : '';
      note.hidden = !reason;
      li.dataset.done = String(progress.doneKeys.has(key));
    }
    meter.value = progress.done;
    const text = progress.complete ? s('tracks.complete', { total: progress.total }) : s('tracks.progress', { done: progress.done, total: progress.total });
    if (status.textContent !== text) status.textContent = text;
    status.classList.toggle('ok', progress.complete);
  });
}
