import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { cmsConfig } from '../../../views/cms.ts';

/** Decap's configuration, rendered from the schemas at build (and on every request in dev). */
export const GET: APIRoute = async ({ url }) => {
  const config = await cmsConfig(url.origin);
  const header = '# Generated from src/model/schemas by src/lib/cms/config.ts: edit the schemas or content/settings.yaml, not this file.\n';
  return new Response(header + stringify(config, { lineWidth: 0, aliasDuplicateObjects: false }), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
