// A benchmark, not a test: prints the median User Timing measures of the
// release build in headless Chromium (lede:analyze: for the sample, reading
// the build's analysis the page carries; for an article opened, until the
// worker's analysis is read; lede:render, and lede:panels,
// from the analysis done to the panels beside the article) over repeated
// page loads, the script time of toggles, filters and selections, and the DOM size.
//
// Three sets of measures: on a first visit, when every function of the
// WebAssembly module runs for the first time (compiled lazily, by the baseline
// compiler); on a returning visit, the page opened again in the same browser
// profile three seconds later, its files from the HTTP cache (served with the
// cache headers a static host would send) and the module's optimised code
// from V8's code cache; and "warm", for the same article opened again in the
// same page (pasted, with its headline changed so that the whole analysis and
// article are redone).
// Run after `trunk build --release`: node tests/e2e/bench.mjs [runs]
import { readFileSync } from 'node:fs';
import { serveDist, launchBrowser, loadQuietly } from './harness.mjs';

const SEED = readFileSync(new URL('../../seeds/000_98b7338e0901f976.txt', import.meta.url), 'utf8');

const runs = Number(process.argv[2] ?? 15);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = await serveDist(process.env.DIST, { cache: true }); // DIST=another build, for A/B
const browser = await launchBrowser();
const figures = {
  'lede:analyze': [],
  'lede:render': [],
  total: [],
  'lede:panels': [],
  'returning lede:analyze': [],
  'returning lede:render': [],
  'returning total': [],
  'warm lede:analyze': [],
  'warm lede:render': [],
  'warm total': [],
};
const actions = {
  'toggle a type': [],
  'choose a theme': [],
  'select an entity': [],
  'next mention': [],
};
let elements = 0;

for (let i = 0; i < runs; i++) {
  // Nothing of Playwright's runs in the page until its measures are taken.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await loadQuietly(page, server.url, 'lede:panels');
  const m = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('measure').map((e) => [e.name, e.duration])),
  );
  figures['lede:analyze'].push(m['lede:analyze']);
  figures['lede:render'].push(m['lede:render']);
  figures.total.push(m['lede:analyze'] + m['lede:render']);
  figures['lede:panels'].push(m['lede:panels']);
  elements = await page.evaluate(() => document.getElementsByTagName('*').length);

  // The returning visit, in a second page of the same profile. V8 writes the
  // code cache two seconds after the page starts (--wasm-caching-timeout-ms):
  // give it three.
  await page.waitForTimeout(3000);
  const again = await context.newPage();
  await loadQuietly(again, server.url, 'lede:render');
  const r = await again.evaluate(() =>
    ['lede:analyze', 'lede:render'].map((n) => performance.getEntriesByName(n)[0].duration),
  );
  figures['returning lede:analyze'].push(r[0]);
  figures['returning lede:render'].push(r[1]);
  figures['returning total'].push(r[0] + r[1]);
  await again.close();

  await page.getByRole('button', { name: 'Open article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await dialog.getByLabel('Paste the article’s text').fill(SEED.replace(/^([^\n]*)/, '$1 (again)'));
  await dialog.getByRole('button', { name: 'Read this text' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('lede:render').length === 2);
  const warm = await page.evaluate(() =>
    ['lede:analyze', 'lede:render'].map((n) => performance.getEntriesByName(n).at(-1).duration),
  );
  figures['warm lede:analyze'].push(warm[0]);
  figures['warm lede:render'].push(warm[1]);
  figures['warm total'].push(warm[0] + warm[1]);

  // Script time of one interaction: from the click to the end of the work it
  // triggers, the synchronous DOM updates and the effects Leptos runs as
  // microtasks after them. A message posted through a MessageChannel arrives
  // as a task, after every microtask queued before it (and with no timer clamp).
  const time = (selector, text) =>
    page.evaluate(
      async ([sel, txt]) => {
        const el = [...document.querySelectorAll(sel)].find((x) => txt === undefined || x.textContent === txt);
        const settled = () =>
          new Promise((resolve) => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve();
            ch.port2.postMessage(0);
          });
        await settled();
        const t = performance.now();
        el.click();
        await settled();
        return performance.now() - t;
      },
      [selector, text],
    );
  actions['toggle a type'].push(await time('button.type-toggle[data-label="GPE"]'));
  actions['choose a theme'].push(await time('.chips button.chip'));
  actions['select an entity'].push(await time('.groups button.entity'));
  actions['next mention'].push(await time('.stepper button', 'Next mention'));
  await context.close();
}
await browser.close();
await server.close();

console.log(`Lede in headless Chromium, seed article, median of ${runs} page loads:`);
for (const [name, xs] of Object.entries(figures)) {
  console.log(`  ${name.padEnd(22)} ${median(xs).toFixed(1).padStart(7)} ms   (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`);
}
for (const [name, xs] of Object.entries(actions)) {
  console.log(`  ${name.padEnd(22)} ${median(xs).toFixed(1).padStart(7)} ms of script`);
}
console.log(`  DOM elements       ${String(elements).padStart(7)}`);
