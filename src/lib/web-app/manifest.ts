/**
 * The web app manifest of the hub (`<base>manifest.webmanifest`), from
 * settings: what a phone shows when the hub is installed, and the share
 * target that puts "<hub name>" into the phone's share sheet and opens
 * `/compose/` with what was shared (docs/web-app.md).
 */
import { ICONS } from './icons.ts';

/** What the manifest needs of settings. */
export interface ManifestSettings {
  name: string;
  description?: string | undefined;
  lang: string;
  brand: { primary: string };
}

/** The part of the Web App Manifest the hub writes (https://www.w3.org/TR/appmanifest/). */
export interface WebAppManifest {
  id: string;
  name: string;
  short_name: string;
  description?: string;
  lang: string;
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: 'image/png'; purpose: 'any' | 'maskable' }[];
  share_target: { action: string; method: 'GET'; enctype: 'application/x-www-form-urlencoded'; params: { title: string; text: string; url: string } };
}

/** The file name of the manifest under the base path. */
export const MANIFEST_FILE = 'manifest.webmanifest';

/** Home screens show about 12 characters under an icon. */
export const SHORT_NAME_LENGTH = 12;

/** The name under the icon: the hub's name when it fits, else its first word when that does, else its first 12 characters. */
export function shortName(name: string): string {
  const trimmed = name.trim();
  if ([...trimmed].length <= SHORT_NAME_LENGTH) return trimmed;
  const first = trimmed.split(/\s+/u)[0] ?? '';
  if ([...first].length <= SHORT_NAME_LENGTH) return first;
  return [...trimmed].slice(0, SHORT_NAME_LENGTH).join('');
}

/** The manifest for a hub served under `base` (`/` or `/hub/`): every URL carries the base path. */
export function webAppManifest(settings: ManifestSettings, base: string): WebAppManifest {
  const root = base.replace(/\/?$/, '/');
  return {
    id: root,
    name: settings.name,
    short_name: shortName(settings.name),
    ...(settings.description ? { description: settings.description } : {}),
    lang: settings.lang,
    start_url: root,
    scope: root,
    display: 'standalone',
    theme_color: settings.brand.primary,
    // The splash screen a phone draws while the hub starts: the icons' own background, so the icon sits on it seamlessly.
    background_color: settings.brand.primary,
    icons: ICONS.filter((icon) => icon.purpose !== 'apple').map((icon) => ({
      src: `${root}icons/${icon.file}`,
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png' as const,
      purpose: icon.purpose as 'any' | 'maskable',
    })),
    // "Share → <hub>" opens /compose/ with what was shared; many Android apps put the link into `text`.
    share_target: { action: `${root}compose/`, method: 'GET', enctype: 'application/x-www-form-urlencoded', params: { title: 'title', text: 'text', url: 'url' } },
  };
}
