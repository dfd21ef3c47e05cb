import { launchChromium } from './support/browser.ts';
import { serveStatic } from './support/server.ts';
import { indexedUrls, waitForResults, resultLinks } from './support/search.ts';
import { astroBuild } from './support/build.ts';
import { VALID_TREE } from './support/fixtures.ts';
const build = await astroBuild({ contentDir: VALID_TREE, now: '2026-11-22' });
const site = await serveStatic(build.outDir);
const browser = await launchChromium();
const p1 = await browser.newPage();
await p1.goto(site.url + '/search/');
console.log('p1', await indexedUrls(p1, { term: null }));
await p1.close();
const page = await browser.newPage();
page.on('console', (m) => { if (!m.text().includes('404')) console.log('console', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(site.url + '/search/');
console.log('api', (await indexedUrls(page, { term: 'Live snippet' })));
for (const w of ['Draft snippet', 'approved']) {
  console.log('api', w, (await indexedUrls(page, { term: w })));
  await page.goto(site.url + '/search/?q=' + encodeURIComponent(w));
  const t0 = Date.now();
  await Promise.race([waitForResults(page), new Promise((r) => setTimeout(r, 5000))]);
  console.log('waited', Date.now() - t0);
  const t = await Promise.race([page.locator('pagefind-summary').innerText(), new Promise((r) => setTimeout(() => r('TIMEOUT'), 2000))]);
  console.log('  ui', w, JSON.stringify(t));
  console.log(await Promise.race([resultLinks(page), new Promise((r) => setTimeout(() => r('TIMEOUT'), 3000))]));
}
await browser.close(); await site.close();
