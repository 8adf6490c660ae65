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

const loads = Number(process.argv[2] ?? 5);
const WINDOW = process.env.WINDOW;
const server = await serveDist(process.env.DIST);
const browser = await launchBrowser();
const self = new Map();
const incl = new Map();
let total = 0;
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
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
  for (let k = 0; k < profile.samples.length; k++) {
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const stack = [];
    for (let id = profile.samples[k]; id !== undefined; id = parent.get(id)) stack.push(nodes.get(id));
    if (!WINDOW && !stack.some((n) => n.callFrame.url.endsWith('.wasm'))) continue;
    total += dt;
    self.set(name(stack[0]), (self.get(name(stack[0])) ?? 0) + dt);
    for (const fn of new Set(stack.map(name))) incl.set(fn, (incl.get(fn) ?? 0) + dt);
  }
  await context.close();
}
await browser.close();
await server.close();
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${(total / loads).toFixed(1)} ms per load ${WINDOW ? `in lede:${WINDOW}` : "with the app's WebAssembly on the stack"}`);
console.log('self:');
for (const [fn, ms] of top(self, 30)) console.log(`${(ms / loads).toFixed(2).padStart(8)} ms  ${fn.slice(0, 120)}`);
console.log('inclusive:');
for (const [fn, ms] of top(process.env.ONLY ? new Map([...incl].filter(([f]) => f.includes(process.env.ONLY))) : incl, 40)) console.log(`${(ms / loads).toFixed(2).padStart(8)} ms  ${fn.slice(0, 120)}`);
