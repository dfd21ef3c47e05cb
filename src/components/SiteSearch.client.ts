/**
 * "/" focuses the search box from anywhere on the page (the big one on the
 * search page, the header one elsewhere), unless the reader is typing.
 */
import { isSearchShortcut } from '../lib/search/shortcut.ts';

document.addEventListener('keydown', (event) => {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  if (!isSearchShortcut(event, active)) return;
  const input = document.querySelector<HTMLInputElement>('[data-search-primary] input') ?? document.querySelector<HTMLInputElement>('[data-search-box]');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
