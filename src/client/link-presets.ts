/**
 * What an onboarding link presets (?team, ?mentor; ?ref through takeLinkRef),
 * and the team a link offers when the advocate chose another. Apart from
 * advocate-store.ts, which the snippet page loads: only the track page and
 * the lists' team control need this.
 */
import type { AdvocatePrefs } from '../lib/advocate.ts';
import { presetsFromUrl, teamFromLink } from '../lib/link-presets.ts';
import { readPrefs, session, takeLinkRef, writePrefs } from './advocate-store.ts';

/**
 * Stores what the current URL presets (?team, ?mentor; ?ref through
 * takeLinkRef) and returns the result. A team the advocate chose themselves
 * is not replaced: the link's team is kept for this tab (`hub:link-team`) and
 * offered by the team control of the next list (offeredLinkTeam).
 */
export function applyUrlPresets(known: Parameters<typeof presetsFromUrl>[1] = {}): AdvocatePrefs {
  takeLinkRef();
  const { code: _fromLink, team, ...rest } = presetsFromUrl(location.search, known);
  const presets: AdvocatePrefs = rest;
  const { store, offer } = teamFromLink(readPrefs(), team);
  if (store) presets.team = store;
  if (offer) session(() => sessionStorage.setItem(OFFERED_TEAM_KEY, offer));
  return Object.keys(presets).length ? writePrefs(presets) : readPrefs();
}

const OFFERED_TEAM_KEY = 'hub:link-team';

/** The team a link of this tab carried that differs from the one the advocate chose, until they take or decline it. */
export function offeredLinkTeam(): string | undefined {
  const carried = session(() => sessionStorage.getItem(OFFERED_TEAM_KEY)) ?? undefined;
  return teamFromLink(readPrefs(), carried).offer;
}

/** The advocate took (`team`) or declined (undefined) the offered team: it is not offered again. */
export function settleLinkTeam(team?: string): void {
  session(() => sessionStorage.removeItem(OFFERED_TEAM_KEY));
  if (team) writePrefs({ team, teamChosen: true });
}
