/** Splits settings.site into Astro's `site` (origin) and `base` (path), e.g. GitHub Pages' /repo/. */
export function siteAndBase(site: string): { site: string; base: string } {
  const url = new URL(site);
  const base = url.pathname.replace(/\/+$/, '') || '/';
  return { site: url.origin, base: base === '/' ? '/' : `${base}/` };
}
