/**
 * The phone menu of the header (Header.astro): a <details> whose summary is
 * the Menu button, with the navigation right after it. Without this script it
 * already opens and closes, and browsers tell assistive technology whether a
 * <summary> is expanded (no aria-expanded: the Nu Html Checker refuses it on
 * <summary>). With it, Escape closes the menu and puts focus back on the
 * button, and the menu closes when the reader clicks or tabs out of the
 * header, so it never covers what they went to.
 */
const menu = document.querySelector<HTMLDetailsElement>('[data-site-menu]');
const button = menu?.querySelector('summary');
const nav = menu?.nextElementSibling;
const header = menu?.closest('header');

if (menu && button && nav && header) {
  const close = (refocus: boolean) => {
    if (!menu.open) return;
    menu.open = false;
    if (refocus) button.focus();
  };
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    const focusInMenu = header.contains(document.activeElement);
    close(focusInMenu);
  });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Node && !header.contains(event.target)) close(false);
  });
  header.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !header.contains(next)) close(false);
  });
}
