import { serveDist, launchBrowser } from './harness.mjs';
const server = await serveDist(); const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
const page0 = await context.newPage();
await page0.goto(server.url);
await page0.waitForFunction(() => navigator.serviceWorker.controller || navigator.serviceWorker.ready.then(() => true));
await page0.waitForTimeout(3000);
await page0.close();
for (let i = 0; i < 4; i++) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => {
    const e = (n) => performance.getEntriesByName(n)[0];
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop().slice(0, 14)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
    return { sw: !!navigator.serviceWorker.controller, workerStart: Math.round(nav.workerStart), respStart: Math.round(nav.responseStart), respEnd: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd), fcp: Math.round(e('first-contentful-paint')?.startTime), marks: performance.getEntriesByType('mark').slice(0, 4).map((m) => `${m.name} ${Math.round(m.startTime)}`), measures: performance.getEntriesByType('measure').slice(0, 5).map((m) => `${m.name} ${Math.round(m.startTime)}+${Math.round(m.duration)}`), res };
  });
  console.log(JSON.stringify(r));
  await page.close();
}
await browser.close(); await server.close();
