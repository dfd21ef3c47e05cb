/**
 * The guidelines acknowledgement on /guidelines/ (GuidelinesAck.astro). The
 * reminder where people share is guidelines-reminder.ts.
 */
import { acknowledge, isAcknowledged } from '../lib/guidelines-ack.ts';
import { readAcknowledgement, writeAcknowledgement } from '../client/guidelines-store.ts';
import { onProgressChange } from '../client/hub-storage.ts';
import { type IslandKey, formatDay, stringsOf } from '../client/island-strings.ts';

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
  for (const form of forms) {
    const done = isAcknowledged(ack, form.dataset.version!);
    const s = stringsOf<IslandKey<'guidelinesAck'>>(form);
    form.hidden = false;
    form.querySelector<HTMLElement>('[data-ack-ask]')!.hidden = done;
    form.querySelector<HTMLElement>('[data-ack-undo]')!.hidden = !done;
    const status = form.querySelector<HTMLElement>('[data-ack-status]')!;
    const text = done && ack ? s('guidelines.ackDone', { date: formatDay(ack.at) }) : '';
    if (status.textContent !== text) status.textContent = text;
  }
});
