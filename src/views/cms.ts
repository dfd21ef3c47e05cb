/** Decap CMS as its routes (/admin/) need it: the configuration generated from the schemas, and the admin page's wider security policy. */
import { getCollection } from 'astro:content';
import { cms, settings } from 'virtual:hub/config';
import { COLLECTIONS, type CollectionName } from '../model/collections.ts';
import { buildChannel } from '../lib/build-channel.ts';
import type { CmsFacts } from '../lib/cms/facts.ts';
import { savesNothing } from '../lib/cms/backend.ts';
import { decapConfig, imageFieldPaths } from '../lib/cms/config.ts';
import { adminPolicy } from '../lib/security/policy.ts';
import { NOW } from './hub.ts';

/** Every entry's id and title (a person's name), for the choices of a track step. */
async function entryTitles(): Promise<Record<CollectionName, { id: string; title: string }[]>> {
  const lists = await Promise.all(
    COLLECTIONS.map(async (collection) =>
      (await getCollection(collection)).map((entry) => {
        const data = entry.data as { title?: string; name?: string };
        return { id: entry.id, title: data.name ?? data.title ?? entry.id };
      }),
    ),
  );
  return Object.fromEntries(COLLECTIONS.map((collection, index) => [collection, lists[index]!])) as Record<CollectionName, { id: string; title: string }[]>;
}

/**
 * Decap's configuration: collections and fields from the schemas, the backend from settings and the environment.
 * `origin`: where /admin/ was requested from; with the local proxy backend, the CMS links there instead of to settings.site.
 */
export async function cmsConfig(origin?: string) {
  const local = cms.backend.name === 'proxy' && origin ? new URL(import.meta.env.BASE_URL, origin).href : undefined;
  return decapConfig({ settings, ...cms, entries: await entryTitles(), ...(local && { localSite: local }) });
}

/** What the admin page's script needs besides Decap's configuration: image fields (for the save format) and share settings (for previews). */
export function cmsPageData() {
  return {
    imageFields: imageFieldPaths(settings),
    share: {
      disclosure: settings.disclosure,
      medium: settings.utm.medium,
      mastodon: settings.mastodon.instance,
      networks: settings.networks,
      linkOnly: settings.linkedin.link_only,
    },
  };
}

/** What the admin page's policy must allow beyond the hub's (Decap's bundle, its backend's API). */
export function cmsPolicy() {
  return adminPolicy(cms.backend);
}

/** What the CMS's save check needs to refuse what the build refuses: settings and the other entries' facts. */
export function cmsFacts(): CmsFacts {
  const tree = buildChannel().cmsFacts ?? { folder: cms.contentPath || '.', entries: [], assets: [] };
  return { ...tree, settings, contentPath: cms.contentPath, ...(cms.nowPinned ? { now: NOW.toISOString() } : {}) };
}

/** The demo backend saves nothing: /admin/ says so on the page (a built hub without a `cms:` block in settings). */
export function cmsSavesNothing(): boolean {
  return savesNothing(cms.backend);
}

/** git-gateway logs editors in with Netlify Identity's widget, served from the npm package next to Decap (never a CDN). */
export function usesIdentityWidget(): boolean {
  return cms.backend.name === 'git-gateway';
}
