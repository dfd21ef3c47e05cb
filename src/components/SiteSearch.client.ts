/**
 * "/" focuses the search box from anywhere on the page (the big one on the
 * search page, the header one elsewhere, or opens the search page where the
 * header has no box), unless the reader is typing.
 */
import { isSearchShortcut } from '../lib/search/shortcut.ts';

document.addEventListener('keydown', (event) => {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  if (!isSearchShortcut(event, active)) return;
  const input = document.querySelector<HTMLInputElement>('[data-search-primary] input') ?? document.querySelector<HTMLInputElement>('[data-search-box]');
  if (!input) return;
  event.preventDefault();
  // A phone's header shows a link to the search page instead of the box.
  if (!input.checkVisibility()) return location.assign(input.form?.action ?? '/');
  input.focus();
  input.select();
});
