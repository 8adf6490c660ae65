import { serveDist, launchBrowser } from './harness.mjs';
import { readFileSync } from 'node:fs';
const server = await serveDist(); const browser = await launchBrowser();
const variants = {
  base: '',
  cvpre: '#prerender .article-body > p { content-visibility: auto; contain-intrinsic-size: auto 12em; }',
};
const res = {};
for (let round = 0; round < 8; round++) for (const [name, extra] of Object.entries(variants)) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  await context.route(/\.css$/, async (route) => { const r = await route.fetch(); route.fulfill({ response: r, body: (await r.text()) + extra }); });
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { path: '/tmp/scratch/t.json', categories: ['devtools.timeline'] });
  await page.goto(server.url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await browser.stopTracing();
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  const ev = JSON.parse(readFileSync('/tmp/scratch/t.json', 'utf8')).traceEvents;
  const sum = (n) => ev.filter((e) => e.name === n && e.ph === 'X').reduce((a, e) => a + e.dur / 1000, 0);
  (res[name] ??= []).push([Math.round(fcp), Math.round(sum('UpdateLayoutTree')), Math.round(sum('Layout')), Math.round(sum('Paint'))]);
  await context.close();
}
const med = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
for (const [k, v] of Object.entries(res)) console.log(k, 'fcp', med(v.map((x) => x[0])), 'style', med(v.map((x) => x[1])), 'layout', med(v.map((x) => x[2])), 'paint', med(v.map((x) => x[3])), JSON.stringify(v));
await browser.close(); await server.close();
