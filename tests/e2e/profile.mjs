// A profiling aid, not a test: loads a build in headless Chromium under the
// CPU profiler and prints where the app's time goes while the page loads —
// self and inclusive time per function, over the samples with the app's
// WebAssembly on the stack, averaged over several loads. For function names,
// build with them kept (docs/performance.md says how), then:
//   DIST=/tmp/profdist node tests/e2e/profile.mjs [loads]
// WINDOW=analyze or WINDOW=render profiles only that measure of the first
// visit (lede:analyze, lede:render), every sample in it; the profiler's own
// start and stop then show as performance.mark or performance.measure.
import { serveDist, launchBrowser, loadQuietly } from './harness.mjs';
import { addProfile, emptySums, printSums } from './cpuprofile.mjs';

const loads = Number(process.argv[2] ?? 5);
const WINDOW = process.env.WINDOW;
const server = await serveDist(process.env.DIST);
const browser = await launchBrowser();
const sums = emptySums();
for (let i = 0; i < loads; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  let profile;
  if (WINDOW) {
    // console.profile() from the page when the measure starts, and
    // profileEnd() when it is recorded.
    const done = new Promise((ok) => cdp.once('Profiler.consoleProfileFinished', (e) => ok(e.profile)));
    await page.addInitScript((window) => {
      const [mark, measure] = [performance.mark.bind(performance), performance.measure.bind(performance)];
      const [start, end] = window === 'analyze' ? ['lede:analyze:start', 'lede:analyze'] : ['lede:analyze', 'lede:render'];
      performance.mark = (name, ...rest) => {
        if (name === start) console.profile('window');
        return mark(name, ...rest);
      };
      performance.measure = (name, ...rest) => {
        const entry = measure(name, ...rest);
        if (name === start) console.profile('window');
        if (name === end) console.profileEnd('window');
        return entry;
      };
    }, WINDOW);
    await page.goto(server.url);
    profile = await done;
  } else {
    await cdp.send('Profiler.start');
    await loadQuietly(page, server.url, 'lede:render');
    ({ profile } = await cdp.send('Profiler.stop'));
  }
  addProfile(sums, profile, { wasmOnly: !WINDOW });
  await context.close();
}
await browser.close();
await server.close();
console.log(`${(sums.total / loads).toFixed(1)} ms per load ${WINDOW ? `in lede:${WINDOW}` : "with the app's WebAssembly on the stack"}`);
printSums(sums, loads);
