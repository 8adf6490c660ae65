// A profiling aid, not a test: on first visits in headless Chromium, counts
// the WebAssembly functions V8 compiles lazily (each on its first call) inside
// the measures lede:analyze and lede:render, and the time they take, from a
// Chrome trace. On a first visit this is much of both measures. Medians over
// the loads; tracing slows the page, so compare builds with it, not figures
// from bench.mjs.
//   DIST=/some/dist node tests/e2e/compiles.mjs [loads]
// With FUNCTIONS=1 it also lists the functions of one load (their indexes in
// the module: build with names kept, docs/performance.md, to read them).
import { serveDist, launchBrowser, loadQuietly } from './harness.mjs';

const loads = Number(process.argv[2] ?? 5);
const server = await serveDist(process.env.DIST);
const browser = await launchBrowser();
const WINDOWS = ['lede:analyze', 'lede:render', 'lede:panels'];
const figures = Object.fromEntries(WINDOWS.map((w) => [w, { wall: [], count: [], time: [] }]));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (let i = 0; i < loads; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'blink.user_timing,v8.wasm', transferMode: 'ReportEvents' });
  await loadQuietly(page, server.url, 'lede:panels');
  await cdp.send('Tracing.end');
  await complete;
  const compiles = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X');
  for (const w of WINDOWS) {
    const marks = events.filter((e) => e.name === w && e.cat.includes('user_timing'));
    const begin = marks.find((e) => e.ph === 'b');
    const end = marks.find((e) => e.ph === 'e');
    if (!begin || !end) throw new Error(`no ${w} in the trace`);
    const inside = compiles.filter((e) => e.ts >= begin.ts && e.ts <= end.ts);
    figures[w].wall.push((end.ts - begin.ts) / 1000);
    figures[w].count.push(inside.length);
    figures[w].time.push(inside.reduce((t, e) => t + e.dur, 0) / 1000);
    if (process.env.FUNCTIONS && i === 0) {
      console.log(`${w}, first load: function index, compile time in µs`);
      for (const e of inside) console.log(`  ${e.args.func_index}\t${e.dur}`);
    }
  }
  await context.close();
}
await browser.close();
await server.close();

console.log(`Lazy WebAssembly compiles on first visits, median of ${loads} traced loads:`);
for (const w of WINDOWS) {
  const f = figures[w];
  console.log(
    `  ${w.padEnd(14)} ${median(f.wall).toFixed(1).padStart(6)} ms, of which ${median(f.count)} compiles taking ${median(f.time).toFixed(1)} ms`,
  );
}
