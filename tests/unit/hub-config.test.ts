/**
 * What the hub() integration hands to everything Astro runs
 * (`virtual:hub/config`): worked out once from settings.yaml and the
 * environment, and a readable stop when either is wrong.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runtimeConfig, type HubEnvironment } from '../../src/hub/index.ts';
import { runtimeConfigPlugin } from '../../src/hub/runtime-config.ts';
import { PROJECT } from '../support/build.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
const configFor = (env: HubEnvironment, command = 'build', log = logger()) =>
  runtimeConfig({ env: { HUB_CONTENT_DIR: VALID_TREE, ...env }, command, project: PROJECT, publicDir: path.join(PROJECT, 'public'), logger: log as never });

describe('the runtime configuration', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says whether this run writes a search index: astro build yes, astro dev and preview no', () => {
    expect(configFor({}, 'build').search.indexed).toBe(true);
    expect(configFor({}, 'dev').search.indexed).toBe(false);
    expect(configFor({}, 'preview').search.indexed).toBe(false);
  });

  it('pins the instant of the run (HUB_NOW) and hands on the checked settings of the content folder', () => {
    const config = configFor({ HUB_NOW: '2026-11-22' });
    expect(config.now.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(config.paths.content).toBe(VALID_TREE);
    expect(config.settings.teams).toContain('all');
    // Defaults filled in by the schema, e.g. the Mastodon instance.
    expect(config.settings.mastodon.instance).toBe('mastodon.social');
  });

  it('keeps cards in HUB_CARD_CACHE (default .cache/cards/) and draws them on HUB_CARD_THREADS threads', () => {
    expect(configFor({}).cards).toMatchObject({ cacheDir: path.join(PROJECT, '.cache/cards') });
    expect(configFor({}).cards.threads).toBeUndefined();
    expect(configFor({ HUB_CARD_CACHE: '/tmp/cards', HUB_CARD_THREADS: '3' }).cards).toMatchObject({ cacheDir: '/tmp/cards', threads: 3 });
  });

  it('resolves the CMS backend from settings, the environment and local editing', () => {
    expect(configFor({}).cms).toEqual({ backend: { name: 'test-repo' }, editorialWorkflow: false, contentPath: path.relative(PROJECT, VALID_TREE), nowPinned: false });
    expect(configFor({ HUB_NOW: '2026-11-22' }).cms.nowPinned).toBe(true);
    expect(configFor({ HUB_CMS_BACKEND: 'git-gateway', HUB_CMS_BRANCH: 'staging' }).cms.backend).toEqual({ name: 'git-gateway', branch: 'staging' });
    expect(configFor({ HUB_CMS_PROXY_URL: 'http://127.0.0.1:8081/api/v1', HUB_CMS_ROOT: VALID_TREE }).cms).toMatchObject({ backend: { name: 'proxy' }, contentPath: '' });
  });

  it('stops with one line naming HUB_NOW when it is not a date', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit');
    }) as never);
    const log = logger();
    expect(() => configFor({ HUB_NOW: 'tomorrow' }, 'build', log)).toThrow('exit');
    expect(exit).toHaveBeenCalledWith(1);
    expect(log.error.mock.calls.map(([m]) => m)).toEqual(['HUB_NOW is "tomorrow"; expected a date as YYYY-MM-DD (e.g. HUB_NOW=2027-01-15) or an ISO datetime']);
  });

  it('stops with the settings report (file:line, field, value, allowed) when settings.yaml has errors', () => {
    const tree = treeWith({
      'settings.yaml': 'name: Hub\norganization: Org\nsite: not-a-url\nbrand: { primary: "#0b3d91", accent: "#f5a623" }\nteams: [all]\ntopics: [x]\n',
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit');
    }) as never);
    const log = logger();
    try {
      expect(() => configFor({ HUB_CONTENT_DIR: tree.root }, 'build', log)).toThrow('exit');
    } finally {
      tree.cleanup();
    }
    const lines = log.error.mock.calls.map(([m]) => String(m));
    expect(lines[0]).toMatch(/settings\.yaml:3 — field "site" is "not-a-url"; expected an absolute http\(s\) URL/);
    expect(lines.at(-1)).toBe('settings.yaml has errors: fix them and start again.');
    expect(exit).toHaveBeenCalledWith(1);
  });
});

describe('virtual:hub/config', () => {
  it('serves the configuration as named exports, the instant as a Date', async () => {
    const config = configFor({ HUB_NOW: '2026-11-22T08:30:00Z' });
    const plugin = runtimeConfigPlugin(config);
    const id = (plugin.resolveId as (id: string) => string | undefined)('virtual:hub/config')!;
    const code = (plugin.load as (id: string) => string | undefined)(id)!;
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, unknown>;
    expect(module.now).toBeInstanceOf(Date);
    expect((module.now as Date).toISOString()).toBe('2026-11-22T08:30:00.000Z');
    expect(module.settings).toEqual(config.settings);
    expect(module.paths).toEqual(config.paths);
    expect((plugin.resolveId as (id: string) => string | undefined)('virtual:other')).toBeUndefined();
  });
});
