/**
 * The deployed /admin/: without a `cms:` block it says, on the page and in
 * the build's output, that it saves nothing; with git-gateway it loads
 * Netlify Identity's widget from the hub (npm, never a CDN) under the hub's
 * own security policy; and the facts its save check reads carry no
 * unpublished content.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { type BuildResult, astroBuild, read, removeBuild } from '../support/build.ts';
import { TODAY, built } from '../support/builds.ts';
import { VALID_TREE, treeWith } from '../support/fixtures.ts';
import { serveStatic } from '../support/server.ts';

describe('a built hub without a cms: block', () => {
  it('warns at build and shows a demo-mode banner on /admin/', async () => {
    const build = await built('valid@2026-11-22');
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/has no "cms:" block, so the built \/admin\/ runs Decap's in-memory demo backend and saves nothing/);
    const html = read(build.outDir, 'admin/index.html');
    expect(html).toMatch(/<p id="hub-demo-backend" role="alert"[^>]*>\s*Demo mode: nothing you save here is kept\./);
    expect(existsSync(path.join(build.outDir, 'admin/netlify-identity-widget.js'))).toBe(false);
  });

  it('ships the save check’s facts without unpublished titles or texts', async () => {
    const build = await built('valid@2026-11-22');
    const facts = read(build.outDir, 'admin/content-facts.json');
    const parsed = JSON.parse(facts) as { entries: { id: string; data: Record<string, unknown> }[]; settings: { banned: string[] } };
    // Dates, flags and the choices settings list (teams, topics), never a title or a text.
    expect(parsed.entries.find((e) => e.id === 'draft')?.data).toEqual({ draft: true, teams: ['all'], topics: ['culture'] });
    for (const file of ['snippets/draft.md', 'snippets/scheduled.md', 'articles/future-article.md']) {
      const title = /^title: (.+)$/m.exec(readFileSync(path.join(VALID_TREE, file), 'utf8'))![1]!;
      expect(facts).not.toContain(title);
    }
    expect(parsed.settings.banned).toEqual(['best in the world']);
  });
});

describe('a built hub with the git-gateway backend', () => {
  let build: BuildResult;
  const tree = treeWith({ 'settings.yaml': `${readFileSync(path.join(VALID_TREE, 'settings.yaml'), 'utf8')}cms:\n  backend: git-gateway\n` });
  beforeAll(async () => {
    build = await astroBuild({ contentDir: tree.root, now: TODAY });
  }, 300_000);
  afterAll(() => {
    removeBuild(build);
    tree.cleanup();
  });

  it('loads Netlify Identity’s widget from the hub, before Decap, within the admin policy', async () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(/has no "cms:" block/);
    const html = read(build.outDir, 'admin/index.html');
    expect(html.indexOf('/admin/netlify-identity-widget.js')).toBeGreaterThan(0);
    expect(html.indexOf('/admin/netlify-identity-widget.js')).toBeLessThan(html.indexOf('/admin/decap-cms.js'));
    expect(html).not.toContain('hub-demo-backend');

    const site = await serveStatic(build.outDir);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const outside: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin === site.url) return route.continue();
        outside.push(url.href);
        return route.abort();
      });
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (message) => /Content Security Policy|Refused to/.test(message.text()) && refused.push(message.text()));
      await page.goto(`${site.url}/admin/`);
      await page.getByRole('button', { name: /Login with Netlify Identity/i }).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => typeof (window as unknown as { netlifyIdentity?: { open?: unknown } }).netlifyIdentity?.open)).toBe('function');
      expect(refused).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
