/**
 * `npm run cms` keeps editors' work: /admin/ is served without Vite's client
 * (which reloads every page on a content write), and a settings.yaml with
 * errors answers every page with the content check's report, escaped.
 */
import { describe, expect, it } from 'vitest';
import { stripDevClient } from '../../src/hub/cms.ts';
import { lastGoodSettings, settingsProblemsPage } from '../../src/hub/settings-problems.ts';

describe('/admin/ in astro dev', () => {
  it('loses Vite’s client and the dev toolbar that starts it, and keeps its own scripts', () => {
    const html =
      '<head><script type="module" src="/@vite/client"></script><script type="module" src="/@id/astro/runtime/client/dev-toolbar/entrypoint.js"></script>' +
      '<script>window.__astro_dev_toolbar__ = {"root":"/x/"}</script></head><body><script src="/admin/decap-cms.js"></script>' +
      '<script type="module" src="/src/hub/routes/admin/index.astro?astro&type=script&index=0&lang.ts"></script></body>';
    expect(stripDevClient(html)).toBe(
      '<head></head><body><script src="/admin/decap-cms.js"></script><script type="module" src="/src/hub/routes/admin/index.astro?astro&type=script&index=0&lang.ts"></script></body>',
    );
  });
});

describe('the page shown while settings.yaml has errors', () => {
  it('lists each problem as the content check words it, escaped, and asks again by itself', () => {
    const page = settingsProblemsPage([{ severity: 'error', file: 'content/settings.yaml', line: 4, field: 'name', message: 'is "<b>"; expected text' }]);
    expect(page).toContain('<li><code>content/settings.yaml:4 — field &#34;name&#34; is &#34;&#60;b&#62;&#34;; expected text.</code></li>');
    expect(page).toMatch(/<meta http-equiv="refresh" content="\d+">/);
    expect(page).not.toContain('<b>');
  });

  it('starts astro dev with placeholder settings when there never were good ones', () => {
    expect(lastGoodSettings().name).toBeTruthy();
  });
});
