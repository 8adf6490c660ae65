// A benchmark, not a test: compares the first visits of two release builds in
// headless Chromium, loaded in turn (A B, then B A, …) each in a fresh browser
// profile, so that a machine slowing down or speeding up weighs on both alike.
// Prints the medians of lede:analyze, lede:render and their sum for each
// build (the sample's lede:analyze is the reading of the build's analysis
// the page carries), the median of the paired differences (B − A), and
// in how many pairs B was faster. On a shared machine whose speed wanders, the
// paired difference is steadier than two medians taken minutes apart.
//
//   DIST_A=/tmp/before DIST_B=/tmp/after node tests/e2e/ab.mjs [pairs]
import { serveDist, launchBrowser, loadQuietly } from './harness.mjs';

const pairs = Number(process.argv[2] ?? 20);
if (!process.env.DIST_A || !process.env.DIST_B) {
  console.error('Set DIST_A and DIST_B to the two builds (trunk build --release --dist DIR).');
  process.exit(2);
}
const a = await serveDist(process.env.DIST_A);
const b = await serveDist(process.env.DIST_B);
const browser = await launchBrowser();
const names = ['lede:analyze', 'lede:render'];

async function firstVisit(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await loadQuietly(page, url, 'lede:render');
  const [analyze, render] = await page.evaluate(
    (names) => names.map((n) => performance.getEntriesByName(n)[0].duration),
    names,
  );
  await context.close();
  return { analyze, render, total: analyze + render };
}

const runs = { a: [], b: [] };
for (let i = 0; i < pairs; i++) {
  const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
  for (const k of order) runs[k].push(await firstVisit(k === 'a' ? a.url : b.url));
}
await browser.close();
await a.close();
await b.close();

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);
console.log(`First visits, ${pairs} pairs: A ${process.env.DIST_A}, B ${process.env.DIST_B}`);
for (const key of ['analyze', 'render', 'total']) {
  const xa = runs.a.map((r) => r[key]);
  const xb = runs.b.map((r) => r[key]);
  const diff = xb.map((x, i) => x - xa[i]);
  const faster = diff.filter((d) => d < 0).length;
  console.log(
    `  ${key.padEnd(8)} A ${ms(median(xa))}   B ${ms(median(xb))}   B − A ${ms(median(diff))}   B faster in ${faster} of ${pairs}`,
  );
}
