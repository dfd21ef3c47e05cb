import path from 'node:path';
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { settings } from '../../data/hub.ts';
import { decapConfig } from '../../lib/cms/config.ts';
import { contentRoot } from '../../lib/content/files.ts';
import { schemaInputs } from '../../lib/content/validate.ts';

/** Decap's configuration, rendered from the schemas at build (and on every request in dev). */
export const GET: APIRoute = () => {
  const root = contentRoot();
  // Folders are relative to the repository Decap commits to (decap-server's GIT_REPO_DIRECTORY locally).
  const repoRoot = path.resolve(process.env.HUB_CMS_ROOT ?? process.cwd());
  const contentPath = path.relative(repoRoot, root).split(path.sep).join('/');
  const config = decapConfig({
    settings,
    ids: schemaInputs(root).ids,
    contentPath,
    proxyUrl: process.env.HUB_CMS_PROXY_URL || undefined,
    env: process.env,
  });
  const header = '# Generated from src/schemas by src/lib/cms/config.ts: edit the schemas or content/settings.yaml, not this file.\n';
  return new Response(header + stringify(config, { lineWidth: 0, aliasDuplicateObjects: false }), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
