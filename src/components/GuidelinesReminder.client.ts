/**
 * The reminder shown where people share (GuidelinesReminder.astro) until the
 * advocate has acknowledged the current guidelines. It only reads the
 * acknowledgement, so it stays a few hundred bytes on the share pages.
 */
import { isAcknowledged } from '../lib/guidelines-ack.ts';
import { readAcknowledgement } from '../client/guidelines-store.ts';
import { onProgressChange } from '../client/hub-storage.ts';

const reminders = [...document.querySelectorAll<HTMLElement>('[data-guidelines-reminder]')];

if (reminders.length) {
  onProgressChange(() => {
    const ack = readAcknowledgement();
    for (const reminder of reminders) reminder.hidden = isAcknowledged(ack, reminder.dataset.version!);
  });
}
