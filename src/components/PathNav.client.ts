/**
 * "Back to your path — next: …" and "Continue your path (3 of 8)": reads the
 * track a page was reached from (`?track=`, else the active track), the
 * checklist and what completes steps by itself; on a step's page, records
 * that the page was opened (a guideline step completes itself from it).
 */
import { type TrackSummary, mayContinue, pathState, pathToContinue, trackOfSearch } from '../lib/track-progress.ts';
import { readActiveTrack, readEvidence, recordOpened, writeActiveTrack } from '../client/path-store.ts';
import { onProgressChange, readChecklist } from '../client/progress-store.ts';
import { type IslandKey, stringsOf } from '../client/island-strings.ts';
import { fetchList } from '../client/fetch-list.ts';

for (const nav of document.querySelectorAll<HTMLElement>('[data-path-nav]')) {
  const s = stringsOf<IslandKey<'pathNav'>>(nav);
  const link = nav.querySelector<HTMLAnchorElement>('[data-path-link]')!;
  const entry = nav.dataset.entry;
  const back = nav.dataset.pathNav === 'back';
  // A step's page carries its tracks; the home and /start/ pages fetch them when a track is under way.
  let tracks = nav.dataset.tracksUrl === undefined ? (JSON.parse(nav.dataset.tracks ?? '[]') as TrackSummary[]) : undefined;
  let fetching: Promise<TrackSummary[]> | undefined;

  if (entry) recordOpened(entry);
  const fromLink = trackOfSearch(location.search);
  if (back && fromLink && tracks?.some((t) => t.id === fromLink)) writeActiveTrack(fromLink);

  const show = (known: readonly TrackSummary[]) => {
    const evidence = readEvidence(nav.dataset.guidelinesVersion);
    const checklist = readChecklist();
    const active = readActiveTrack();
    let text: string | undefined;
    let href: string | undefined;
    if (back) {
      const track = known.find((t) => t.id === active);
      if (track) {
        const { next } = pathState(track.steps, checklist[track.id], evidence);
        text = next ? s('path.back', { step: next.label }) : s('path.backDone');
        href = track.href;
      }
    } else {
      const found = pathToContinue(known, checklist, evidence, active);
      if (found) {
        text = s('path.continue', { done: found.state.done, total: found.state.total, track: found.track.title });
        href = found.track.href;
      }
    }
    nav.hidden = !text;
    if (text && link.textContent !== text) link.textContent = text;
    if (href) link.href = href;
  };

  onProgressChange(() => {
    if (tracks) return show(tracks);
    if (!mayContinue(readChecklist(), readActiveTrack())) return show([]);
    fetching ??= fetchList(nav.dataset.tracksUrl!) as Promise<TrackSummary[]>;
    void fetching.then((list) => show((tracks = list)));
  });
}
