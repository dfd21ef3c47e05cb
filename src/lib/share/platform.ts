/**
 * Where the advocate is sharing from, as far as a share URL cares: LinkedIn's
 * composer takes prefilled text on the desktop web only (docs/sharing.md,
 * "LinkedIn"); phone browsers land on the feed and the app takes no text.
 */

/** A phone or tablet browser (or an app's web view), from the user agent; iPadOS reports a Mac with touch points. */
export function isPhoneBrowser(userAgent: string, maxTouchPoints = 0): boolean {
  return /Android|iPhone|iPad|iPod|Mobile|Mobi/i.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}
