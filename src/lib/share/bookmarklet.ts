/**
 * The bookmarklet on /compose/: kept in the bookmarks bar, it opens the
 * composer with the page one is reading (its address, title and any selected
 * text). It runs on that page, never on the hub, so the hub's CSP allows
 * nothing new; on the hub the link is only dragged, not followed.
 */

/** The `javascript:` address of the bookmarklet that opens `composeUrl` (absolute, without a query). */
export function bookmarkletHref(composeUrl: string): string {
  const code =
    `(function(){var e=encodeURIComponent;` +
    `location.href=${JSON.stringify(composeUrl)}+'?url='+e(location.href)+'&title='+e(document.title)+'&text='+e(String(getSelection()).slice(0,1000))` +
    `})()`;
  return `javascript:${code.replace(/"/g, "'")}`;
}
