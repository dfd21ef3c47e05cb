/**
 * The advocate's preferences in localStorage (browser only). Every island
 * reads and writes them here, so a code set on an onboarding link is the code
 * the share panel sends.
 */
import { type AdvocatePrefs, codeFromLink, parseStoredPrefs, withoutParams } from '../lib/advocate.ts';
import { normalizeCode } from '../model/ids.ts';

export const STORAGE_KEY = 'hub:advocate';

export function readPrefs(): AdvocatePrefs {
  try {
    return parseStoredPrefs(localStorage.getItem(STORAGE_KEY));
  } catch {
    return {}; // storage disabled: the hub still works, it just forgets
  }
}

export function writePrefs(patch: Partial<AdvocatePrefs>): AdvocatePrefs {
  const next: AdvocatePrefs = { ...readPrefs(), ...patch };
  for (const key of Object.keys(next) as (keyof AdvocatePrefs)[]) if (!next[key]) delete next[key];
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    /* storage disabled */
  }
  document.dispatchEvent(new CustomEvent('hub:prefs', { detail: next }));
  return next;
}

/**
 * The advocate code this page's link carried (`?ref=<code>`), and its team (`?team=`), read once per
 * page by whichever island asks first (RefFromLink.astro in the layout asks on
 * every page): it is stored when the advocate has no code yet, never over a
 * different one, and `ref` leaves the address bar (other parameters and the
 * hash stay) so a copied address does not pass a personal code on. The share
 * panel offers a carried code that differs from the stored one.
 * Remembered on <html data-link-ref>, so islands bundled apart agree.
 */
export function takeLinkRef(): string | undefined {
  const root = document.documentElement;
  if (root.dataset.linkRef === undefined) {
    const params = new URLSearchParams(location.search);
    // A team of the hub (<html data-teams>, the layout's) the link carries (`?team=`, a team's weekly digest) becomes
    // the advocate's when they have none, never over their choice.
    const team = params.get('team');
    if (team && root.dataset.teams?.split(' ').includes(team) && !readPrefs().team) writePrefs({ team });
    const carried = normalizeCode(params.get('ref'));
    root.dataset.linkRef = carried ?? '';
    const rest = withoutParams(location.search, ['ref']);
    if (rest !== location.search) history.replaceState(history.state, '', `${location.pathname}${rest}${location.hash}`);
    const { store, offer } = codeFromLink(readPrefs().code, carried);
    if (store) writePrefs({ code: store });
    // A different code is offered by the next share panel of this tab too (an onboarding link has no panel).
    if (offer) session(() => sessionStorage.setItem(OFFERED_KEY, offer));
  }
  return root.dataset.linkRef || undefined;
}

const OFFERED_KEY = 'hub:link-code';
export function session<T>(use: () => T): T | undefined {
  try {
    return use();
  } catch {
    return undefined; // storage disabled
  }
}

/** The code a link of this page, or an earlier page of this tab, carried and the advocate has not yet taken or declined. */
export function offeredLinkCode(): string | undefined {
  const carried = takeLinkRef() ?? normalizeCode(session(() => sessionStorage.getItem(OFFERED_KEY)));
  return codeFromLink(readPrefs().code, carried).offer;
}

/** The advocate took or declined the offered code: it is not offered again. */
export function settleLinkCode(): void {
  session(() => sessionStorage.removeItem(OFFERED_KEY));
}
