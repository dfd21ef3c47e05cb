/**
 * Marks the cards of what this browser shared ("Shared on <date> (<network>)")
 * and hides them while "Hide what I shared" is ticked (`hub:hide-shared`).
 * Hiding is a class on the list, so it does not fight the team filter over `hidden`.
 */
import { onProgressChange, readItem, writeItem } from '../client/hub-storage.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';
import { SHARED_KEY, parseSharedItems, sharedDay } from '../lib/share/shared-items.ts';

const HIDE_SHARED_KEY = 'hub:hide-shared';

for (const root of document.querySelectorAll<HTMLElement>('[data-shared-filter]')) {
  const list = document.getElementById(root.dataset.sharedFilter!);
  if (!list) continue;
  const s = stringsOf<IslandKey<'sharedMarks'>>(root);
  let labels: Record<string, string> = {};
  try {
    labels = JSON.parse(root.dataset.labels ?? '{}') as Record<string, string>;
  } catch {
    /* ids then */
  }
  const box = root.querySelector<HTMLInputElement>('[data-hide-shared]')!;
  const cards = [...list.querySelectorAll<HTMLElement>(':scope > [data-shared-id]')];
  const lang = document.documentElement.lang || 'en';
  root.hidden = false;

  const render = () => {
    // Read here, not through share-store.ts: sharing that module with this island would split it out of the snippet page's script.
    const { items } = parseSharedItems(readItem(SHARED_KEY));
    for (const card of cards) {
      const shared = items[card.dataset.sharedId!];
      const mark = card.querySelector<HTMLElement>('[data-shared-mark]');
      card.toggleAttribute('data-shared', Boolean(shared));
      if (!mark) continue;
      mark.hidden = !shared;
      mark.textContent = shared ? s('sharedMarks.on', { date: sharedDay(shared.at, lang), network: labels[shared.network] ?? shared.network }) : '';
    }
    box.checked = readItem(HIDE_SHARED_KEY) === 'true';
    list.classList.toggle('hide-shared', box.checked);
  };

  box.addEventListener('change', () => writeItem(HIDE_SHARED_KEY, box.checked || undefined));
  onProgressChange(render);
}
