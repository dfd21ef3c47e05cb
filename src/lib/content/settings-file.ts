import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { SETTINGS_FILE, contentRoot } from './files.ts';
import { isHttpUrl } from '../../schemas/fields.ts';

/** settings.site when it can be read, for astro.config; the content check reports anything wrong. */
export function readSiteUrl(root = contentRoot()): string | undefined {
  try {
    const site = (load(readFileSync(path.join(root, SETTINGS_FILE), 'utf8')) as { site?: unknown } | null)?.site;
    return typeof site === 'string' && isHttpUrl(site.trim()) ? site.trim() : undefined;
  } catch {
    return undefined;
  }
}
