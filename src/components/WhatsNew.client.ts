/**
 * "New for <team> since <date>: N" on the home page: counts and lists the
 * entries newer than the advocate's last visit (src/lib/visits.ts) that are
 * for their team (a snippet for that team or for all; every article, guideline
 * and module), follows the team as it changes, and says "Welcome" during the
 * first visit instead of calling everything new.
 */
import { readPrefs } from '../client/advocate-store.ts';
import { onProgressChange, writeItem } from '../client/hub-storage.ts';
import { visitSince } from '../client/visit-store.ts';
import { type IslandKey, formatDay, stringsOf } from '../client/island-strings.ts';
import { VISITS_KEY } from '../lib/visits.ts';
import { newsFor } from '../lib/fresh-marks.ts';

const root = document.querySelector<HTMLElement>('[data-whats-new]');
if (root) {
  const s = stringsOf<IslandKey<'whatsNew'>>(root);
  const teams = JSON.parse(root.dataset.teams ?? '{}') as Record<string, string>;
  const line = root.querySelector<HTMLElement>('[data-news-line]')!;
  const rows = [...root.querySelectorAll<HTMLElement>('[data-news]')];
  const items = rows.map(({ dataset: d }) => ({ published: d.published, updated: d.updated, teams: d.teams?.split(' ') }));
  let since = visitSince();
  let forgotten = false;
  const forget = root.querySelector<HTMLButtonElement>('[data-news-forget]')!;
  root.hidden = false;

  // "Forget it": the record goes; this page stops comparing, and the next page view is a first visit again.
  forget.addEventListener('click', () => {
    since = undefined;
    forgotten = true;
    writeItem(VISITS_KEY, undefined);
    forget.hidden = true;
    line.focus();
  });

  onProgressChange(() => {
    const stored = readPrefs().team;
    const team = stored && teams[stored] ? teams[stored] : undefined;
    const marks = newsFor(items, stored && teams[stored] ? stored : undefined, since);
    rows.forEach((row, i) => {
      const mark = marks[i];
      row.hidden = !mark;
      if (!mark) return;
      const badge = row.querySelector<HTMLElement>('[data-news-mark]')!;
      badge.textContent = s(mark === 'new' ? 'fresh.new' : 'fresh.updated');
      badge.classList.toggle('muted', mark === 'updated');
    });
    const count = marks.filter(Boolean).length;
    // Away longer than the list reaches back: what is new since its first day, which is what it can count.
    const from = since && root.dataset.from && Date.parse(root.dataset.from) > Date.parse(since) ? root.dataset.from : since;
    const vars = { team: team ?? '', date: from ? formatDay(from) : '', count };
    const text = forgotten
      ? s('whatsNew.forgotten')
      : !since
        ? s('whatsNew.welcome')
        : count
          ? s(team ? 'whatsNew.forTeam' : 'whatsNew.forAll', vars)
          : s(team ? 'whatsNew.noneForTeam' : 'whatsNew.noneForAll', vars);
    if (line.textContent !== text) line.textContent = text;
  });
}
