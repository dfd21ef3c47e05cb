/**
 * The guidelines acknowledgement (on /guidelines/) and the reminder shown
 * where people share until it is given for the current guidelines.
 */
import { acknowledge, isAcknowledged } from '../lib/guidelines-ack.ts';
import { onProgressChange, readAcknowledgement, writeAcknowledgement } from './progress-store.ts';
import { formatDay, stringsOf } from './island-strings.ts';

const reminders = [...document.querySelectorAll<HTMLElement>('[data-guidelines-reminder]')];
const forms = [...document.querySelectorAll<HTMLElement>('[data-guidelines-ack]')];

for (const form of forms) {
  const version = form.dataset.version!;
  form.querySelector<HTMLButtonElement>('[data-ack]')!.addEventListener('click', () => {
    writeAcknowledgement(acknowledge(version, new Date()));
    form.querySelector<HTMLButtonElement>('[data-ack-undo]')!.focus();
  });
  form.querySelector<HTMLButtonElement>('[data-ack-undo]')!.addEventListener('click', () => {
    writeAcknowledgement(undefined);
    form.querySelector<HTMLButtonElement>('[data-ack]')!.focus();
  });
}

onProgressChange(() => {
  const ack = readAcknowledgement();
  for (const reminder of reminders) reminder.hidden = isAcknowledged(ack, reminder.dataset.version!);
  for (const form of forms) {
    const done = isAcknowledged(ack, form.dataset.version!);
    const s = stringsOf(form);
    form.hidden = false;
    form.querySelector<HTMLElement>('[data-ack-ask]')!.hidden = done;
    form.querySelector<HTMLElement>('[data-ack-undo]')!.hidden = !done;
    const status = form.querySelector<HTMLElement>('[data-ack-status]')!;
    const text = done && ack ? s('guidelines.ackDone', { date: formatDay(ack.at) }) : '';
    if (status.textContent !== text) status.textContent = text;
  }
});
