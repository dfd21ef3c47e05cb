/** The installable web app as its routes need it: the manifest and the icons, from settings (src/lib/web-app/). */
import { paths } from 'virtual:hub/config';
import { assetRef } from '../lib/cards/serve.ts';
import { type IconSpec, renderIcon } from '../lib/web-app/icons.ts';
import { type WebAppManifest, webAppManifest } from '../lib/web-app/manifest.ts';
import { settings } from './hub.ts';

export function manifest(): WebAppManifest {
  return webAppManifest(settings, import.meta.env.BASE_URL);
}

/** One icon as a PNG, drawn from the brand logo (a file under public/) and the primary colour. */
export function iconPng(icon: IconSpec): Promise<Buffer> {
  const logo = settings.brand.logo ? assetRef(paths.public, `.${settings.brand.logo}`) : undefined;
  return renderIcon(icon, { name: settings.name, primary: settings.brand.primary, logo });
}
