/**
 * The `cms:` block of settings.yaml: each backend the docs name can be
 * configured (GitHub through an OAuth proxy, GitLab with PKCE, Netlify's Git
 * Gateway), fields a backend ignores are refused instead of dropped, Decap
 * gets them as its backend block, and the admin page's policy allows only
 * the chosen backend's servers. A build without the block warns that the
 * deployed /admin/ saves nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { runtimeConfig } from '../../src/hub/index.ts';
import { cmsBackend } from '../../src/lib/cms/backend.ts';
import { adminPolicy } from '../../src/lib/security/policy.ts';
import { settingsSchema } from '../../src/model/schemas/settings.ts';
import { readSettings } from '../../src/content/settings.ts';
import { PROJECT } from '../support/build.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';

const base = { name: 'Hub', organization: 'Org', site: 'https://hub.example', brand: { primary: '#0b3d91', accent: '#f5a623' }, teams: ['all'], topics: ['x'] };
const parseCms = (cms: Record<string, unknown>) => settingsSchema().safeParse({ ...base, cms });
const issues = (cms: Record<string, unknown>) => (parseCms(cms).error?.issues ?? []).map((i) => `${i.path.slice(1).join('.')}: ${i.message}`);
const backendOf = (cms: Record<string, unknown>) => cmsBackend({ settings: settingsSchema().parse({ ...base, cms }) }).backend;

describe('settings.yaml → cms', () => {
  it('GitHub through an OAuth proxy: base_url and auth_endpoint are accepted and reach Decap', () => {
    const cms = { backend: 'github', repo: 'acme/hub', base_url: 'https://auth.acme.example', auth_endpoint: 'api/auth' };
    expect(issues(cms)).toEqual([]);
    expect(backendOf(cms)).toEqual({ name: 'github', branch: 'main', repo: 'acme/hub', base_url: 'https://auth.acme.example', auth_endpoint: 'api/auth' });
  });

  it('GitLab with PKCE needs the application id, and gets auth_type and app_id through', () => {
    const cms = { backend: 'gitlab', repo: 'acme/hub', auth_type: 'pkce', app_id: '0123abcd' };
    expect(issues(cms)).toEqual([]);
    expect(backendOf(cms)).toMatchObject({ name: 'gitlab', repo: 'acme/hub', auth_type: 'pkce', app_id: '0123abcd' });
    expect(issues({ backend: 'gitlab', repo: 'acme/hub', auth_type: 'pkce' })).toEqual([
      "app_id: is missing; GitLab's PKCE login needs the Application ID of the OAuth application (docs/editing.md → GitLab)",
    ]);
    expect(issues({ backend: 'gitlab', repo: 'acme/hub', app_id: '0123abcd' })[0]).toMatch(/^auth_type: is missing; app_id is used by the PKCE login only/);
  });

  it('git-gateway takes a Netlify site’s identity and gateway URLs when the hub is served elsewhere', () => {
    const cms = { backend: 'git-gateway', identity_url: 'https://hub.netlify.app/.netlify/identity', gateway_url: 'https://hub.netlify.app/.netlify/git' };
    expect(issues(cms)).toEqual([]);
    expect(backendOf(cms)).toEqual({ name: 'git-gateway', branch: 'main', identity_url: cms.identity_url, gateway_url: cms.gateway_url });
  });

  it('refuses, with the line, a field the chosen backend does not use, and a malformed one', () => {
    expect(issues({ backend: 'git-gateway', auth_endpoint: 'auth' })).toEqual([
      'auth_endpoint: is "auth", but backend git-gateway does not use it; it applies to github and gitlab only',
    ]);
    expect(issues({ backend: 'github', repo: 'a/b', app_id: 'x' })).toEqual(['app_id: is "x", but backend github does not use it; it applies to gitlab only']);
    expect(issues({ backend: 'github', repo: 'a/b', auth_endpoint: 'https://x.example/auth' })[0]).toMatch(
      /^auth_endpoint: is "https:\/\/x\.example\/auth"; expected a path on base_url/,
    );
    const tree = treeWith({
      'settings.yaml': `${readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8')}cms:\n  backend: gitlab\n  repo: acme/hub\n  auth_type: implicit\n`,
    });
    try {
      const { problems } = readSettings({ root: tree.root, publicDir: path.join(PROJECT, 'public'), show: (p) => path.basename(p) });
      expect(problems).toMatchObject([
        { file: 'settings.yaml', line: 16, field: 'cms.auth_type', message: expect.stringMatching(/^is "implicit", which is not a GitLab login flow; allowed: pkce/) },
      ]);
    } finally {
      tree.cleanup();
    }
  });

  it('the sample settings carry a commented cms: block that is valid once uncommented', () => {
    const text = readFileSync(path.join(PROJECT, 'content/settings.yaml'), 'utf8');
    const block = text.slice(text.indexOf('# cms:'));
    expect(block.length).toBeGreaterThan(0);
    const uncommented = block.replace(/^# ?/gm, '').replace(/^ {2}# .*$/gm, '');
    const cms = (parse(uncommented) as { cms: Record<string, unknown> }).cms;
    expect(issues(cms)).toEqual([]);
  });
});

describe('the admin page’s policy', () => {
  it('allows the servers of the chosen backend only', () => {
    const connect = (backend: Record<string, string>) => adminPolicy(backend).directives.find((d) => d.startsWith('connect-src'));
    expect(connect({ name: 'test-repo' })).toBe("connect-src 'self'");
    expect(connect({ name: 'git-gateway' })).toBe("connect-src 'self'");
    expect(connect({ name: 'git-gateway', identity_url: 'https://hub.netlify.app/.netlify/identity', gateway_url: 'https://hub.netlify.app/.netlify/git' })).toBe(
      "connect-src 'self' https://hub.netlify.app",
    );
    expect(connect({ name: 'github', base_url: 'https://auth.acme.example' })).toBe("connect-src 'self' https://api.github.com https://auth.acme.example");
    expect(connect({ name: 'gitlab', api_root: 'https://gitlab.acme.example/api/v4' })).toBe("connect-src 'self' https://gitlab.com https://gitlab.acme.example");
  });
});

describe('a build without a cms: block', () => {
  it('warns that the deployed /admin/ saves nothing, and a build with one does not', () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const config = (dir: string, command: string) =>
      runtimeConfig({ env: { HUB_CONTENT_DIR: dir }, command, project: PROJECT, publicDir: path.join(PROJECT, 'public'), logger: log as never });
    config(VALID_TREE, 'build');
    expect(log.warn.mock.calls.map(([m]) => String(m)).join('\n')).toMatch(
      /has no "cms:" block, so the built \/admin\/ runs Decap's in-memory demo backend and saves nothing/,
    );
    log.warn.mockClear();
    config(VALID_TREE, 'dev');
    expect(log.warn).not.toHaveBeenCalled();
    const tree = treeWith({ 'settings.yaml': `${readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8')}cms: { backend: github, repo: acme/hub }\n` });
    try {
      config(tree.root, 'build');
      expect(log.warn).not.toHaveBeenCalled();
    } finally {
      tree.cleanup();
    }
  });
});

describe('open authoring (GitHub)', () => {
  it('is passed to Decap for github, and refused elsewhere or without the editorial workflow', () => {
    expect(backendOf({ backend: 'github', repo: 'acme/hub', open_authoring: true })).toEqual({ name: 'github', branch: 'main', repo: 'acme/hub', open_authoring: true });
    expect(backendOf({ backend: 'github', repo: 'acme/hub' })).not.toHaveProperty('open_authoring');
    const gitlab = parseCms({ backend: 'gitlab', repo: 'acme/hub', open_authoring: true });
    expect(gitlab.success ? [] : gitlab.error.issues.map((i) => i.message)).toEqual([expect.stringMatching(/does not use it; it applies to github only$/)]);
    const noWorkflow = parseCms({ backend: 'github', repo: 'acme/hub', open_authoring: true, editorial_workflow: false });
    expect(noWorkflow.success ? [] : noWorkflow.error.issues.map((i) => i.message)).toEqual([expect.stringContaining('editorial_workflow: true')]);
  });
});
