/** Decap CMS as its routes (/admin/) need it: the configuration generated from the schemas, and the admin page's wider security policy. */
import { cms, settings } from 'virtual:hub/config';
import { buildChannel } from '../lib/build-channel.ts';
import type { CmsFacts } from '../lib/cms/facts.ts';
import { savesNothing } from '../lib/cms/backend.ts';
import { decapConfig } from '../lib/cms/config.ts';
import { adminPolicy } from '../lib/security/policy.ts';

/** Decap's configuration: collections and fields from the schemas, the backend from settings and the environment. */
export function cmsConfig() {
  return decapConfig({ settings, ...cms });
}

/** What the admin page's policy must allow beyond the hub's (Decap's bundle, its backend's API). */
export function cmsPolicy() {
  return adminPolicy(cms.backend);
}

/** What the CMS's save check needs to refuse what the build refuses: settings and the other entries' facts. */
export function cmsFacts(): CmsFacts {
  const tree = buildChannel().cmsFacts ?? { folder: cms.contentPath || '.', entries: [], assets: [] };
  return { ...tree, settings, contentPath: cms.contentPath, ...(cms.pinnedNow ? { now: cms.pinnedNow } : {}) };
}

/** The demo backend saves nothing: /admin/ says so on the page (a built hub without a `cms:` block in settings). */
export function cmsSavesNothing(): boolean {
  return savesNothing(cms.backend);
}

/** git-gateway logs editors in with Netlify Identity's widget, served from the npm package next to Decap (never a CDN). */
export function usesIdentityWidget(): boolean {
  return cms.backend.name === 'git-gateway';
}
