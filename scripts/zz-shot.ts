import { serveStatic } from '/work/wt/cms/tests/support/server.ts';
import { launchChromium } from '/work/wt/cms/tests/support/browser.ts';
const site = await serveStatic('/work/wt/cms/dist');
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.origin === site.url) return route.continue();
  console.log('OUTSIDE', url.href);
  return route.abort();
});
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
const t = Date.now();
await page.goto(site.url + (process.argv[2] ?? '/admin/'));
console.log('loaded', Date.now() - t);
try {
  await page.getByRole('button', { name: /login/i }).waitFor({ timeout: 60000 });
  console.log('login visible', Date.now() - t);
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByText('Snippets').first().waitFor({ timeout: 60000 });
  console.log('collections visible', Date.now() - t);
} catch (e) { console.log('ERR', (e as Error).message.slice(0, 300)); }
console.log(await page.evaluate(() => document.body.innerText.slice(0, 300)));
await page.screenshot({ path: '/tmp/hub/cms-2.png', timeout: 60000 });
await browser.close();
await site.close();
