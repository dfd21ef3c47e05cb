/**
 * Snippet lists default to the advocate's team (prefs.team, from ?team= on an
 * onboarding link or the control here). "Show all" widens the list for this
 * visit without forgetting the team. A team chosen here wins over links: a
 * link's other team is offered ("Use <team>"), never put in its place.
 */
import { visibleItems } from '../lib/onboarding.ts';
import { readPrefs, writePrefs } from '../client/advocate-store.ts';
import { offeredLinkTeam, settleLinkTeam } from '../client/link-presets.ts';
import { onProgressChange } from '../client/hub-storage.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-team-filter]')) {
  const list = document.getElementById(root.dataset.teamFilter!);
  if (!list) continue;
  const s = stringsOf<IslandKey<'teamFilter'>>(root);
  const limit = root.dataset.limit ? Number(root.dataset.limit) : Infinity;
  const select = root.querySelector<HTMLSelectElement>('[data-team-select]')!;
  const toggle = root.querySelector<HTMLButtonElement>('[data-show-all]')!;
  const status = root.querySelector<HTMLElement>('[data-team-status]')!;
  const offer = root.querySelector<HTMLElement>('[data-team-offer]')!;
  const offerText = offer.querySelector<HTMLElement>('[data-team-offer-text]')!;
  const useOffered = offer.querySelector<HTMLButtonElement>('[data-team-offer-use]')!;
  const keepChosen = offer.querySelector<HTMLButtonElement>('[data-team-offer-keep]')!;
  const nameOf = (team: string | undefined) => [...select.options].find((o) => o.value === (team ?? ''))?.textContent?.trim() ?? team ?? '';
  const cards = [...list.querySelectorAll<HTMLElement>(':scope > [data-teams]')];
  const cardTeams = cards.map((card) => (card.dataset.teams ?? '').split(' ').filter(Boolean));
  const known = [...select.options].map((o) => o.value).filter(Boolean);
  let showAll = false;
  root.hidden = false;

  const render = () => {
    const stored = readPrefs().team;
    const team = stored && known.includes(stored) ? stored : undefined;
    select.value = team ?? '';
    const label = select.selectedOptions[0]?.textContent?.trim() ?? '';
    let visible = visibleItems(cardTeams, showAll ? undefined : team, limit);
    const none = team !== undefined && !showAll && !visible.some(Boolean);
    if (none) visible = visibleItems(cardTeams, undefined, limit);
    cards.forEach((card, i) => (card.hidden = !visible[i]));
    const shown = visible.filter(Boolean).length;
    const total = cards.length;
    // A short list (the home page's few) names the filter; the full list also counts.
    const few = Number.isFinite(limit);
    const text = none
      ? s('teamFilter.noneForTeam', { team: label })
      : team && !showAll
        ? s(few ? 'teamFilter.pickedForTeam' : 'teamFilter.forTeam', { team: label, shown, total })
        : s(few ? 'teamFilter.pickedForAll' : 'teamFilter.forAll', { shown, total });
    if (status.textContent !== text) status.textContent = text;
    toggle.hidden = !team || none;
    toggle.textContent = showAll ? s('teamFilter.showTeam', { team: label }) : s('teamFilter.showAll');
    const offered = offeredLinkTeam();
    const offeredKnown = offered && known.includes(offered) ? offered : undefined;
    offer.hidden = !offeredKnown;
    if (offeredKnown) {
      const texts = [
        s('teamFilter.linkOffer', { team: nameOf(offeredKnown), chosen: label }),
        s('teamFilter.useLinkTeam', { team: nameOf(offeredKnown) }),
        s('teamFilter.keepTeam', { team: label }),
      ];
      [offerText, useOffered, keepChosen].forEach((el, i) => el.textContent !== texts[i] && (el.textContent = texts[i]!));
    }
  };

  useOffered.addEventListener('click', () => {
    showAll = false;
    settleLinkTeam(offeredLinkTeam());
    select.focus();
  });
  keepChosen.addEventListener('click', () => {
    settleLinkTeam();
    select.focus();
  });

  select.addEventListener('change', () => {
    showAll = false;
    settleLinkTeam(); // a choice made here answers a link's offer too
    writePrefs({ team: select.value || undefined, teamChosen: true });
  });
  toggle.addEventListener('click', () => {
    showAll = !showAll;
    render();
  });
  onProgressChange(render);
}
