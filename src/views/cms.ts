/** Decap CMS as its routes (/admin/) need it: the configuration generated from the schemas, and the admin page's wider security policy. */
import { cms, settings } from 'virtual:hub/config';
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
