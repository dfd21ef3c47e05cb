/**
 * Decap's `backend` block, from settings.cms and the environment: the one
 * place that decides where /admin/ reads and commits content
 * (docs/editing.md explains each backend). Local editing (`npm run cms`)
 * goes through decap-server whatever the settings say.
 */
import type { Settings } from '../../model/schemas/settings.ts';

export interface BackendOptions {
  settings: Settings;
  /** Local editing through decap-server: the proxy's API URL. Default: the production backend. */
  proxyUrl?: string;
  /** Environment overrides of settings.cms (HUB_CMS_BACKEND, HUB_CMS_REPO, HUB_CMS_BRANCH, HUB_CMS_BASE_URL). */
  env?: Record<string, string | undefined>;
}

export interface CmsBackend {
  backend: Record<string, string | boolean>;
  editorialWorkflow: boolean;
}

/** The settings.cms fields Decap reads as they are, by the backends that read them. */
const PASSED_ON: Record<string, readonly (keyof Settings['cms'])[]> = {
  github: ['repo', 'base_url', 'auth_endpoint', 'api_root'],
  gitlab: ['repo', 'base_url', 'auth_endpoint', 'api_root', 'auth_type', 'app_id'],
  'git-gateway': ['identity_url', 'gateway_url'],
};

/** The backend block and publish mode, from settings.cms and the environment. */
export function cmsBackend(options: BackendOptions): CmsBackend {
  const env = options.env ?? {};
  const cms = options.settings.cms;
  const branch = env.HUB_CMS_BRANCH || cms.branch;
  if (options.proxyUrl) {
    // Local editing: decap-server writes straight into the working tree; no editorial workflow there.
    return { backend: { name: 'proxy', proxy_url: options.proxyUrl, branch }, editorialWorkflow: false };
  }
  const name = env.HUB_CMS_BACKEND || cms.backend;
  const values: Partial<Record<keyof Settings['cms'], unknown>> = { ...cms, repo: env.HUB_CMS_REPO || cms.repo, base_url: env.HUB_CMS_BASE_URL || cms.base_url };
  const backend: Record<string, string | boolean> = { name };
  if (name !== 'test-repo') backend.branch = branch;
  for (const field of PASSED_ON[name] ?? []) {
    const value = values[field];
    if (typeof value === 'string' && value) backend[field] = value;
  }
  // Open authoring: non-editors' saves become pull requests from their forks (GitHub only, through the editorial workflow).
  if (name === 'github' && cms.open_authoring) backend.open_authoring = true;
  return { backend, editorialWorkflow: cms.editorial_workflow && name !== 'test-repo' };
}

/** Whether /admin/ saves nowhere: Decap's in-memory demo backend, which forgets everything on reload. */
export function savesNothing(backend: Readonly<Record<string, string | boolean | undefined>>): boolean {
  return backend.name === 'test-repo';
}
