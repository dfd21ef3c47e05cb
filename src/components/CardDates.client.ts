/**
 * The marks of "What's new for me" on every card of the page that carries
 * dates (CardDates.astro): "New" or "Updated" since the advocate's last visit
 * (src/lib/visits.ts), and for what expires within 7 days of now, "Expires in
 * N days", "Expires tomorrow" or "Expires today" ("Expired" when this copy of
 * the page is older than the entry's last day). Words, not colours, carry
 * the meaning. Without JavaScript the dates alone show.
 */
import { visitSince } from '../client/visit-store.ts';
import { onProgressChange, readItem } from '../client/hub-storage.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';
import { VISITS_KEY } from '../lib/visits.ts';
import { expiryNote, freshness } from '../lib/fresh-marks.ts';

const cards = document.querySelectorAll<HTMLElement>('[data-fresh]');
if (cards.length) {
  const since = visitSince();
  const now = new Date();
  // Again when the record changes: "Forget it" on the home page takes the marks away at once.
  onProgressChange(() => {
    const compareWith = readItem(VISITS_KEY) === null ? undefined : since;
    for (const card of cards) mark(card, compareWith, now);
  });
}

function mark(card: HTMLElement, since: string | undefined, now: Date): void {
  const s = stringsOf<IslandKey<'cardDates'>>(card);
  const { published, updated, expires } = card.dataset;
  const marks: [string, string][] = [];
  const fresh = freshness({ published, updated }, since);
  if (fresh) marks.push([fresh === 'new' ? '' : 'muted', s(fresh === 'new' ? 'fresh.new' : 'fresh.updated')]);
  const note = expires ? expiryNote(expires, now) : undefined;
  if (note)
    marks.push([
      'accent',
      note.kind === 'expired'
        ? s('fresh.expired')
        : note.days === 0
          ? s('fresh.expiresToday')
          : note.days === 1
            ? s('fresh.expiresTomorrow')
            : s('fresh.expiresIn', { days: note.days }),
    ]);
  const box = card.querySelector('[data-marks]');
  if (box && box.textContent !== marks.map(([, text]) => text).join(''))
    box.replaceChildren(
      ...marks.map(([tone, text]) => {
        const badge = document.createElement('span');
        badge.className = `badge ${tone}`.trim();
        badge.textContent = text;
        return badge;
      }),
    );
}
